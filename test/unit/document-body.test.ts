import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyPlainText, formatBody, parseBody } from '../../common/document-body';

describe('parseBody', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseBody('第一段第一行\n第一段第二行\n\n\n第二段')).toEqual([
      { type: 'paragraph', text: '第一段第一行\n第一段第二行' },
      { type: 'paragraph', text: '第二段' },
    ]);
  });

  it('reads CRLF and CR as line breaks', () => {
    expect(parseBody('甲\r\n乙\r\n\r\n丙\r\r丁')).toEqual([
      { type: 'paragraph', text: '甲\n乙' },
      { type: 'paragraph', text: '丙' },
      { type: 'paragraph', text: '丁' },
    ]);
  });

  it('counts a line of spaces, tabs or ideographic spaces as blank', () => {
    expect(parseBody('甲\n \t\u3000\n乙')).toEqual([
      { type: 'paragraph', text: '甲' },
      { type: 'paragraph', text: '乙' },
    ]);
  });

  it('trims a paragraph but keeps the whitespace inside it', () => {
    expect(parseBody('\n\n\u3000\u3000正文  首行\n  次行  \n\n')).toEqual([
      { type: 'paragraph', text: '正文  首行\n  次行' },
    ]);
  });

  it('reads single-line numbered paragraphs as headings', () => {
    expect(parseBody('一、总体要求\n\n十二、其他\n\n（一）工作目标\n\n(二)半角括号\n\n二十、最后')).toEqual([
      { type: 'heading1', text: '一、总体要求' },
      { type: 'heading1', text: '十二、其他' },
      { type: 'heading2', text: '（一）工作目标' },
      { type: 'heading2', text: '(二)半角括号' },
      { type: 'heading1', text: '二十、最后' },
    ]);
  });

  it('keeps a numbered paragraph of several lines, or a numeral not at the start, a paragraph', () => {
    expect(parseBody('一、总体要求\n坚持稳中求进\n\n其中一、二项\n\n（一）\n目标\n\n1、阿拉伯数字')).toEqual([
      { type: 'paragraph', text: '一、总体要求\n坚持稳中求进' },
      { type: 'paragraph', text: '其中一、二项' },
      { type: 'paragraph', text: '（一）\n目标' },
      { type: 'paragraph', text: '1、阿拉伯数字' },
    ]);
  });

  it('reads an empty or blank body as no blocks', () => {
    expect(parseBody('')).toEqual([]);
    expect(parseBody(' \n\r\n\t\u3000')).toEqual([]);
  });
});

describe('formatBody', () => {
  it('writes blocks separated by one blank line', () => {
    const body = formatBody([
      { type: 'heading1', text: '一、总体要求' },
      { type: 'paragraph', text: '甲\n乙' },
      { type: 'heading2', text: '（一）目标' },
    ]);
    expect(body).toBe('一、总体要求\n\n甲\n乙\n\n（一）目标');
  });

  it('writes a table as one paragraph, a line a row, cells joined by tabs', () => {
    const body = formatBody([
      {
        type: 'table',
        header: ['单位', '次数'],
        rows: [
          ['市\n教育局', '3'],
          ['市卫\t健委', ''],
        ],
      },
    ]);
    // Like any paragraph the table's text is trimmed, so an empty last cell goes.
    expect(body).toBe('单位\t次数\n市 教育局\t3\n市卫 健委');
    expect(parseBody(body)).toEqual([{ type: 'paragraph', text: '单位\t次数\n市 教育局\t3\n市卫 健委' }]);
  });

  it('drops blank lines and empty blocks that the text form cannot hold', () => {
    expect(
      formatBody([
        { type: 'paragraph', text: '  甲\r\n\r\n乙  ' },
        { type: 'paragraph', text: ' \n ' },
        { type: 'paragraph', text: '丙' },
      ]),
    ).toBe('甲\n乙\n\n丙');
  });

  // Pieces that exercise every rule: line endings, blank-looking lines, heading numerals.
  const piece = fc.constantFrom(
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    ' ',
    '\t',
    '\u3000',
    '\u00a0',
    '一、',
    '十',
    '（一）',
    '(二)',
    '（',
    '、',
    '甲',
    'x',
    '1',
    '😀',
  );
  const body = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

  it('is the inverse of parseBody: parse ∘ format ∘ parse = parse', () => {
    fc.assert(
      fc.property(body, (text) => {
        const blocks = parseBody(text);
        expect(parseBody(formatBody(blocks))).toEqual(blocks);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable: formatting a formatted body changes nothing', () => {
    fc.assert(
      fc.property(body, (text) => {
        const once = formatBody(parseBody(text));
        expect(formatBody(parseBody(once))).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bodyPlainText', () => {
  it('joins the paragraphs with single line breaks, without the blank lines and outer whitespace', () => {
    expect(bodyPlainText('  一、总体要求 \r\n\r\n\r\n甲\n乙\n\n\u3000\u3000丙')).toBe('一、总体要求\n甲\n乙\n丙');
  });
});
