// Headers and footers: the page number on every page, the 草稿 mark on a draft's.
import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { HEADING1_FONT, PAGE_NUMBER_FONT } from './fonts';
import { BODY_PT, FOOTER_LINE, PAGE_NUMBER_PT } from './layout';
import { runProperties } from './runs';

/** 一字线: the em dash either side of the number. */
export const PAGE_NUMBER_DASH = '\u2014';

/** One 4号 character, the 空一字 between the number and the 版心's outer edge. */
const ONE_CHAR = PAGE_NUMBER_PT * 20;

/**
 * "— N —" in 4号半角宋体阿拉伯数字, on the outer side of the page: 单页码居右空一字，双页码居左空一字.
 * Word shows the default footer on odd pages and the even one on even pages once settings.xml has
 * w:evenAndOddHeaders (Document's evenAndOddHeaderAndFooters).
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const props = runProperties({ font: PAGE_NUMBER_FONT, pt: PAGE_NUMBER_PT });
  const paragraph = (side: 'odd' | 'even') =>
    new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: ONE_CHAR } : { left: ONE_CHAR },
      spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({ ...props, children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`] }),
      ],
    });
  return {
    default: new Footer({ children: [paragraph('odd')] }),
    even: new Footer({ children: [paragraph('even')] }),
  };
}

/** The word a draft carries at the top of every page. */
export const DRAFT_MARK = '草稿';

/** A red, bold 3号黑体 草稿 at the top right of odd and even pages alike. */
export function draftHeaders(): { default: Header; even: Header } {
  const header = () =>
    new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [
            new TextRun({
              ...runProperties({ font: HEADING1_FONT, pt: BODY_PT, bold: true, color: 'FF0000' }),
              text: DRAFT_MARK,
            }),
          ],
        }),
      ],
    });
  return { default: header(), even: header() };
}
