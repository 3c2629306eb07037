// Text into runs. Every string passes xmlSafe here, on its way into the docx package: docx writes
// control characters and lone surrogates through into XML that Word and WPS refuse to open.
import { Tab, TextRun } from 'docx';
import { xmlSafe } from '../../common/xml-text';
import { BODY_CONDENSE } from './layout';

export interface RunStyle {
  font: string;
  pt: number;
  bold?: boolean | undefined;
  /** RRGGBB */
  color?: string | undefined;
  /** Body text, condensed so that 28 characters fill a line (layout.ts). */
  condensed?: boolean | undefined;
}

/** The run properties of a style: the same font for every script, so Latin text and digits match. */
export function runProperties(style: RunStyle) {
  return {
    font: { ascii: style.font, hAnsi: style.font, eastAsia: style.font, cs: style.font },
    size: style.pt * 2,
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.condensed ? { characterSpacing: BODY_CONDENSE } : {}),
  };
}

/**
 * What XML cannot carry dropped, then line endings read as the body's text form reads them: CRLF
 * and CR are line breaks, like LF.
 */
export function cleanText(text: string): string {
  return xmlSafe(text).replace(/\r\n?/g, '\n');
}

/** One run per line, joined by line breaks (w:br); tabs become w:tab. */
export function textRuns(text: string, style: RunStyle): TextRun[] {
  const props = runProperties(style);
  return cleanText(text)
    .split('\n')
    .map((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part !== '') children.push(part);
      });
      return new TextRun({ ...props, children, ...(i > 0 ? { break: 1 } : {}) });
    });
}

const HAN = /\p{Script=Han}/u;
const ALPHANUMERIC = /[A-Za-z0-9]/;

/**
 * How wide a line of text is, in body characters: CJK and full-width characters take one, Latin
 * letters, digits and ASCII punctuation half of one (as in 仿宋_GB2312, whose Arabic numerals are
 * half-width), and a quarter more wherever Chinese meets a letter or digit, the space Word, WPS and
 * LibreOffice add there (autoSpaceDE/DN): 2026年11月27日 is 7 + 5 × ¼ characters. An estimate for
 * placing the signature, not a measurement.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  let previous = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += cp < 0x2000 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
    if ((HAN.test(previous) && ALPHANUMERIC.test(ch)) || (ALPHANUMERIC.test(previous) && HAN.test(ch))) width += 0.25;
    previous = ch;
  }
  return width;
}
