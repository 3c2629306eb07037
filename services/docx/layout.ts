// The page of GB/T 9704-2012 党政机关公文格式, in the units Word writes: twips (1/20 pt) for
// lengths, half-points for font sizes.
//
// The standard fixes an A4 page, a 版心 (text block) of 156 mm × 225 mm placed 37 mm from the top
// edge and 28 mm from the left (so 35 mm bottom, 26 mm right), body text in 3号 (16 pt) 仿宋, and
// "一般每面排22行，每行排28个字": 22 lines a page and 28 characters a line.
//
// Lines: 225 mm / 22 = 10.23 mm = 579.8 twips. Word places exactly-spaced lines at whole twips and
// 22 × 580 = 12760 is more than the 12756 twips of the 版心, which would push the 22nd line onto the
// next page; so the pitch is rounded down to 579 (28.95 pt), 22 lines taking 12738 twips. Body
// paragraphs use it as exact line spacing, and the document grid declares it too.
//
// Characters: 156 mm / 28 = 5.57 mm = 15.79 pt, a little less than a 16 pt character (28 of those
// need 158 mm). The standard's Word templates get there with a document grid of type
// linesAndChars, whose cells are the default font size plus charSpace/4096 pt: (8845 / 28 / 20 −
// 16) × 4096 = −841.1, rounded down so that 28 cells still fit, is −842 (linePitch 579 and
// charSpace −842 are the templates' values). The section declares that grid, so Word's and WPS's
// Page Setup show 22 lines × 28 characters. But no paragraph snaps to it (the Normal style has
// snapToGrid off): LibreOffice gives each 16 pt character two 15.79 pt cells, 18 characters a
// line, and the 22 pt title and 12 pt tables would be stretched to whole cells in Word too.
// Instead body text is condensed by 0.3 pt (w:spacing −6): 28 characters of 15.7 pt take 8792
// twips, 29 would take 9106, so every reader sets 28 to a line (26 after the two-character
// indent) from the text's own metrics. 0.25 pt (−5) is not enough margin: LibreOffice's rounding
// then sets 27.

/** Twips in a millimetre: 1440 a inch, 25.4 mm a inch. */
export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4, 210 mm × 297 mm. */
export const PAGE_WIDTH = mmToTwips(210); // 11906
export const PAGE_HEIGHT = mmToTwips(297); // 16838

/** 天头 37 mm and 订口 28 mm; the 156 × 225 mm 版心 leaves 35 mm below it and 26 mm to its right. */
export const MARGIN_TOP = mmToTwips(37); // 2098
export const MARGIN_BOTTOM = mmToTwips(35); // 1984
export const MARGIN_LEFT = mmToTwips(28); // 1587 (订口, the binding side)
export const MARGIN_RIGHT = mmToTwips(26); // 1474

/** The 版心 as Word sees it, after each margin is rounded: 8845 × 12756 twips (156.0 × 225.0 mm). */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in points: 2号 title, 3号 body, 4号 page number, 小四 tables. */
export const TITLE_PT = 22;
export const BODY_PT = 16;
export const PAGE_NUMBER_PT = 14;
export const TABLE_PT = 12;

/** Exact line spacing of body text and the grid's line pitch: 579 twips, see above. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** The width of one character on the grid, in twips: 315.9 (15.79 pt). */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/** w:docGrid w:charSpace: 4096ths of a point added to the 16 pt default font for each grid cell. */
export const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - BODY_PT) * 4096); // −842

/** w:spacing of body runs, in twentieths of a point: condensed by 0.3 pt, see above. */
export const BODY_CONDENSE = -6;

/** The advance of one condensed 3号 character: 314 twips (15.7 pt). */
export const CHAR_ADVANCE = BODY_PT * 20 + BODY_CONDENSE;

/** Lengths counted in body characters (首行缩进二字, 右空四字), in twips. */
export function charsToTwips(chars: number): number {
  return Math.round(chars * CHAR_ADVANCE);
}

/**
 * Table text: 12 pt on an exact 17 pt line. A header and 24 one-line rows take 25 × 340 = 8500
 * twips, nearly all of a landscape 版心 (156 mm, 8845 twips high); under a title the rest runs onto
 * a second page, where the header row is repeated.
 */
export const TABLE_LINE = 340;

/**
 * Page number: "一字线上距版心下边缘7mm", the dashes 7 mm below the 版心. The footer paragraph
 * is one 14 pt line on an exact 18 pt (360 twips, 6.35 mm) line, its dashes about 3 mm above the
 * line's bottom; so the footer's bottom goes 7 + 3 = 10 mm below the 版心: 35 − 10 = 25 mm from
 * the foot of a portrait page. (LibreOffice's PDF puts the dashes 7.1 mm below the 版心.)
 */
export const FOOTER_LINE = 360;
export function footerDistance(marginBottom: number): number {
  return marginBottom - mmToTwips(10);
}

/** The draft mark's header sits 15 mm from the top edge, well inside the 37 mm 天头. */
export const HEADER_DISTANCE = mmToTwips(15);

export interface PageGeometry {
  /** w:pgSz as written: width and height of the page as it lies. */
  width: number;
  height: number;
  landscape: boolean;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The 版心's width: what a full-width table spans. */
  textWidth: number;
}

/**
 * The page, upright or turned. A landscape page is the portrait page turned a quarter clockwise,
 * the way GB/T 9704 turns a 横排表格 (表头在订口一边 on an odd page): the 28 mm binding margin
 * becomes the top, the 37 mm 天头 the right, the 26 mm margin the bottom and the 35 mm margin the
 * left. The 版心 is then 225 mm wide and 156 mm high; the page number keeps 7 mm below it.
 */
export function pageGeometry(landscape: boolean): PageGeometry {
  if (!landscape) {
    return {
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      landscape,
      top: MARGIN_TOP,
      bottom: MARGIN_BOTTOM,
      left: MARGIN_LEFT,
      right: MARGIN_RIGHT,
      textWidth: TEXT_WIDTH,
    };
  }
  return {
    width: PAGE_HEIGHT,
    height: PAGE_WIDTH,
    landscape,
    top: MARGIN_LEFT,
    bottom: MARGIN_RIGHT,
    left: MARGIN_BOTTOM,
    right: MARGIN_TOP,
    textWidth: PAGE_HEIGHT - MARGIN_BOTTOM - MARGIN_TOP,
  };
}
