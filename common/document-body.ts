/**
 * The text form of a document body (正文), as it is stored and typed in the editor.
 *
 * - Line endings: CRLF and lone CR are read as LF.
 * - Paragraphs: one or more blank lines separate paragraphs. A blank line is a line holding nothing
 *   but whitespace (JavaScript's `\s`: spaces, tabs, the ideographic space U+3000, no-break space…).
 * - Inside a paragraph a single line break is kept, as '\n', and printed as a line break.
 * - Each paragraph loses its leading and trailing whitespace (so a "　　" indent typed by hand goes:
 *   the printed layout indents body paragraphs by itself); the text between is kept verbatim.
 * - A paragraph of a single line that starts with a Chinese numeral and 、 ("一、" … "二十、",
 *   /^[一二三四五六七八九十]+、/) is a level-1 heading (一级标题, 黑体).
 * - A paragraph of a single line that starts with a Chinese numeral in parentheses, full-width
 *   "（一）" or half-width "(一)", is a level-2 heading (二级标题, 楷体).
 * - Everything else is a body paragraph (仿宋). A heading's text is kept whole, numeral included;
 *   a numbered paragraph of more than one line stays a paragraph.
 *
 * Example:
 *
 *     一、总体要求
 *
 *     坚持以人民为中心，
 *     全面推进政务公开。
 *
 *     （一）工作目标
 *
 * is a heading1, a paragraph with one line break, and a heading2.
 */
import type { Block } from './document-model';

const HEADING1 = /^[一二三四五六七八九十]+、/;
const HEADING2 = /^[（(][一二三四五六七八九十]+[）)]/;
const BLANK = /^\s*$/;

/** The blocks of a body in the text form documented above. Never produces a table. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) {
      blocks.push(classify(lines.join('\n').trim()));
      lines = [];
    }
  };
  for (const line of normaliseLineEndings(body).split('\n')) {
    if (BLANK.test(line)) flush();
    else lines.push(line);
  }
  flush();
  return blocks;
}

function classify(text: string): Block {
  if (!text.includes('\n')) {
    if (HEADING1.test(text)) return { type: 'heading1', text };
    if (HEADING2.test(text)) return { type: 'heading2', text };
  }
  return { type: 'paragraph', text };
}

/**
 * Blocks back in the text form: one paragraph per block, separated by one blank line. The inverse
 * of `parseBody` for what it produces (`parseBody(formatBody(parseBody(x)))` equals
 * `parseBody(x)`). Other blocks are made to fit the form: line endings normalised, blank lines
 * inside a text dropped, surrounding whitespace trimmed, empty blocks left out. A table becomes one
 * paragraph, a line per row (header first) with its cells joined by '\t'; line breaks and tabs
 * inside a cell become spaces (and, the text being trimmed, empty cells at the end of the last row
 * go). A block's kind is not kept where its text says otherwise: a
 * paragraph reading "一、…" on one line comes back as a heading.
 */
export function formatBody(blocks: readonly Block[]): string {
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const text = block.type === 'table' ? tableText(block.header, block.rows) : block.text;
    const clean = normaliseLineEndings(text)
      .split('\n')
      .filter((line) => !BLANK.test(line))
      .join('\n')
      .trim();
    if (clean !== '') paragraphs.push(clean);
  }
  return paragraphs.join('\n\n');
}

function tableText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((cell) => cell.replace(/[\r\n\t]+/g, ' ')).join('\t');
  return (header.length > 0 ? [header, ...rows] : rows).map(line).join('\n');
}

/**
 * The body's text for search and previews: its paragraphs and headings in order, one after
 * another separated by '\n', without the blank lines and the whitespace around each paragraph.
 */
export function bodyPlainText(body: string): string {
  return parseBody(body)
    .map((block) => (block.type === 'table' ? tableText(block.header, block.rows) : block.text))
    .join('\n');
}

function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
