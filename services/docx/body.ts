// The parts of a GB/T 9704 document in reading order: title block, 主送, body, signature, 附注.
import { AlignmentType, LineRuleType, Paragraph, type Table } from 'docx';
import type { Block, RenderableDocument } from '../../common/document-model';
import { BODY_FONT, HEADING1_FONT, HEADING2_FONT, TITLE_FONT } from './fonts';
import { BODY_PT, CHARS_PER_LINE, charsToTwips, LINE_PITCH, TITLE_PT } from './layout';
import { cleanText, type RunStyle, textRuns, textWidthInChars } from './runs';
import { renderTable } from './table';

const BODY: RunStyle = { font: BODY_FONT, pt: BODY_PT, condensed: true };
const EXACT = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
/** 首行缩进二字: two characters for Word's Paragraph dialog, and two condensed characters in twips. */
const INDENT_TWO = { firstLine: charsToTwips(2), firstLineChars: 200 };
/** One blank line of the grid, as space before or after a paragraph. */
const BLANK_LINE = LINE_PITCH;

export function titleBlock(doc: RenderableDocument): Paragraph[] {
  const number = cleanText(doc.docNumber ?? '').trim();
  // 2号小标宋, centred; a title too long for a line wraps, and a line break in it is kept (the
  // writer's choice of where a long title turns, 回行时词意完整).
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...EXACT, ...(number ? {} : { after: BLANK_LINE }) },
    children: textRuns(doc.title, { font: TITLE_FONT, pt: TITLE_PT }),
  });
  if (!number) return [title];
  const docNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...EXACT, after: BLANK_LINE },
    children: textRuns(number, BODY),
  });
  return [title, docNumber];
}

/** 主送机关: flush left (顶格) with a full-width colon, on the line after the title block's blank. */
export function recipientsLine(recipients: string | null | undefined): Paragraph[] {
  const text = cleanText(recipients ?? '').trim();
  if (!text) return [];
  const colon = /[:：]$/.test(text) ? '' : '：';
  return [new Paragraph({ alignment: AlignmentType.BOTH, spacing: EXACT, children: textRuns(text + colon, BODY) })];
}

export function bodyBlocks(blocks: readonly Block[], textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(bodyParagraph(block.text, BODY));
        break;
      case 'heading1':
        out.push(bodyParagraph(block.text, { ...BODY, font: HEADING1_FONT }, 0));
        break;
      case 'heading2':
        out.push(bodyParagraph(block.text, { ...BODY, font: HEADING2_FONT }, 1));
        break;
      case 'table': {
        const table = renderTable(block, textWidth);
        if (table) out.push(table);
        break;
      }
    }
  }
  return out;
}

/** A body paragraph: 3号, justified (两端对齐), first line indented two characters. */
function bodyParagraph(text: string, style: RunStyle, outlineLevel?: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: EXACT,
    indent: INDENT_TWO,
    // Headings stay with the paragraph they introduce and show in Word's navigation pane.
    ...(outlineLevel === undefined ? {} : { outlineLevel, keepNext: true }),
    children: textRuns(text, style),
  });
}

/** 成文日期 in Arabic numerals, as the 2012 standard writes it: 2026年11月27日 (no leading zeros). */
export function formatDocumentDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new Error(`docx: signature.date "${date}" is not a date written YYYY-MM-DD`);
  }
  return `${m[1]}年${month}月${day}日`;
}

/** 成文日期右空四字. */
export const DATE_RIGHT_CHARS = 4;

/**
 * Right indents, in characters, of the signature's lines. The date ends four characters from the
 * right edge (右空四字); the office name is centred over the date (以成文日期为准居中), so its
 * right indent is 4 + (date width − name width) / 2. A name too long for that ends at the right
 * edge. GB/T 9704 §7.3.5.1 describes the sealed document; an unsealed one (§7.3.5.2) would put the
 * name 右空二字 and the date two characters further in, which for the usual 8-to-12-character
 * office names over a date about 8 characters wide lands within a character of this.
 */
export function signatureIndents(officeLines: readonly string[], date: string) {
  const dateWidth = textWidthInChars(date);
  return {
    date: DATE_RIGHT_CHARS,
    office: officeLines.map((line) => Math.max(0, DATE_RIGHT_CHARS + (dateWidth - textWidthInChars(line)) / 2)),
  };
}

/**
 * 发文机关署名 and 成文日期, one blank line below the body: the space the standard leaves so that a
 * seal pressed over name and date reaches no more than a line above them.
 */
export function signatureBlock(signature: RenderableDocument['signature']): Paragraph[] {
  if (!signature) return [];
  const date = formatDocumentDate(signature.date);
  const officeLines = cleanText(signature.office)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const indents = signatureIndents(officeLines, date);
  const line = (text: string, rightChars: number, first: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { ...EXACT, ...(first ? { before: BLANK_LINE } : {}) },
      indent: { right: charsToTwips(Math.min(rightChars, CHARS_PER_LINE - 1)) },
      keepNext: true,
      keepLines: true,
      children: textRuns(text, BODY),
    });
  return [
    ...officeLines.map((text, i) => line(text, indents.office[i] ?? 0, i === 0)),
    line(date, indents.date, officeLines.length === 0),
  ];
}

/** 附注: in parentheses on the line after the date, 居左空二字. */
export function noteLine(note: string | null | undefined): Paragraph[] {
  const text = cleanText(note ?? '').trim();
  if (!text) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.BOTH,
      spacing: EXACT,
      indent: INDENT_TWO,
      children: textRuns(`（${text}）`, BODY),
    }),
  ];
}
