// Roster import parsing: .xlsx and .csv (UTF-8, UTF-8 with BOM, GBK, UTF-16) into rows with the
// line numbers users see, per-row errors naming the file's own headers, and whole-file refusals.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../services/roster/csv';
import { parseRoster, ROSTER_LIMITS } from '../../services/roster/parse';
import { roleFromText } from '../../services/roster/roles';
import { cellText } from '../../services/roster/xlsx-rows';

type Cell = ExcelJS.CellValue;

async function xlsx(rows: Cell[][], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const [i, row] of rows.entries()) {
    for (const [j, value] of row.entries()) if (value !== undefined) ws.getCell(i + 1, j + 1).value = value;
  }
  setup?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, name = 'roster.csv') => parseRoster({ name, bytes: utf8(text) });

describe('parseRoster: .xlsx', () => {
  it('reads rows by header name, with the values Excel shows', async () => {
    const bytes = await xlsx([
      ['序号', '  部门 ', '姓  名', '职务', '电话', '邮箱', '备注'],
      [
        1,
        '市发改委',
        '张伟',
        '党组书记、主任',
        6338781234,
        { text: 'zw@rizhao.gov.cn', hyperlink: 'mailto:zw@rizhao.gov.cn' },
      ],
      [
        2,
        { formula: '"市公安局"', result: '市公安局' },
        { richText: [{ text: '李' }, { text: '娜', font: { bold: true } }] },
        '新闻发言人（兼）',
        13806331234,
        null,
        '=cmd',
      ],
      [3],
      [],
      [
        4,
        '市财政局',
        '王芳',
        '副局长',
        '0633-8781234 转 801',
        { text: 'wf@rizhao.gov.cn', hyperlink: 'mailto:wf@rizhao.gov.cn' },
      ],
      [5, '市财政局', '赵强', '办公室主任', ' ', ''],
    ]);
    const r = await parseRoster({ name: '名册.xlsx', bytes });
    expect(r.headerError).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.headerLine).toBe(1);
    expect(r.columns).toEqual({ department: '部门', name: '姓  名', title: '职务', phone: '电话', email: '邮箱' });
    expect(r.rows).toEqual([
      {
        line: 2,
        department: '市发改委',
        name: '张伟',
        role: 'head',
        roleText: '党组书记、主任',
        phone: '6338781234',
        email: 'zw@rizhao.gov.cn',
      },
      {
        line: 3,
        department: '市公安局',
        name: '李娜',
        role: 'spokesperson',
        roleText: '新闻发言人（兼）',
        phone: '13806331234',
        email: null,
      },
      {
        line: 6,
        department: '市财政局',
        name: '王芳',
        role: 'deputy',
        roleText: '副局长',
        phone: '0633-8781234 转 801',
        email: 'wf@rizhao.gov.cn',
      },
      // An unknown 职务 is kept as text, without a role and without an error.
      { line: 7, department: '市财政局', name: '赵强', role: null, roleText: '办公室主任', phone: null, email: null },
    ]);
  });

  it('passes over a title row, reads merged department cells, and uses the first visible sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('说明', { state: 'hidden' });
    hidden.getCell('A1').value = '填表说明';
    const ws = wb.addWorksheet('名册');
    ws.mergeCells('A1:C1');
    ws.getCell('A1').value = '2026年新闻发言人名册';
    ws.addRow(['部门*', '姓名*', '角色']);
    ws.addRow(['市教育局', '孙红', '主要负责同志']);
    ws.addRow([null, '周明', 'spokesperson']);
    ws.mergeCells('A3:A4');
    const r = await parseRoster({ name: 'roster.XLSX', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(r.headerLine).toBe(2);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.department, x.name, x.role])).toEqual([
      [3, '市教育局', '孙红', 'head'],
      [4, '市教育局', '周明', 'spokesperson'],
    ]);
  });

  it('reports each bad cell with its line and the header as the file spells it', async () => {
    const bytes = await xlsx([
      ['部门', '姓名', '角色', '电话', '电子邮箱'],
      ['市发改委', '', '新闻发言人', '', ''],
      ['', '李四', 'deputy', '', 'li@rizhao'],
      ['市商务局', '王五', '联络员', '1'.repeat(51), 'not-an-email'],
      ['市商务局', { formula: 'B2', result: undefined } as unknown as Cell, '局长', { error: '#N/A' } as Cell, ''],
      ['市商务局', '赵六', '', '', 'mailto:zhao@rizhao.gov.cn'],
    ]);
    const r = await parseRoster({ name: 'r.xlsx', bytes });
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '姓名'],
      [3, '部门'],
      [4, '角色'],
      [4, '电话'],
      [4, '电子邮箱'],
      [5, '姓名'],
      [5, '电话'],
    ]);
    const messages = r.errors.map((e) => e.message);
    expect(messages[0]).toBe('line 2, "姓名": is empty');
    expect(messages[2]).toMatch(
      /^line 4, "角色": "联络员" is not a role; use "主要负责同志", "新闻发言人", "相关负责人"/,
    );
    expect(messages[3]).toMatch(/^line 4, "电话": is longer than 50 characters/);
    expect(messages[4]).toBe('line 4, "电子邮箱": must be an e-mail address ("not-an-email")');
    expect(messages[5]).toMatch(/^line 5, "姓名": is a formula without a saved result/);
    expect(messages[6]).toBe('line 5, "电话": shows the error #N/A');
    // Rows with errors are left out; a 角色 cell left empty is no error (role null).
    expect(r.rows).toEqual([
      {
        line: 6,
        department: '市商务局',
        name: '赵六',
        role: null,
        roleText: null,
        phone: null,
        email: 'zhao@rizhao.gov.cn',
      },
    ]);
    // li@rizhao is an address by the register's own rule (personFields), so only its row's 部门 fails.
    expect(r.errors.filter((e) => e.line === 3)).toHaveLength(1);
  });

  it('refuses a sheet without the required columns, or with one twice', async () => {
    const missing = await parseRoster({
      name: 'r.xlsx',
      bytes: await xlsx([
        ['单位名称', '职务'],
        ['市发改委', '局长'],
      ]),
    });
    expect(missing.headerError).toBe('header row 1: missing column "姓名" (or "名字", "name", …)');
    expect(missing.rows).toEqual([]);
    const twice = await parseRoster({ name: 'r.xlsx', bytes: await xlsx([['部门', '姓名', '手机', '联系电话']]) });
    expect(twice.headerError).toBe(
      'header row 1: columns C "手机" and D "联系电话" are both the phone column; keep one',
    );
    const empty = await parseRoster({ name: 'r.xlsx', bytes: await xlsx([]) });
    expect(empty.headerError).toBe('the worksheet is empty');
  });

  it('refuses files that are not a workbook it can read', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await parseRoster({ name: 'old.xls', bytes: ole })).headerError).toMatch(/\.xls\).*save it as \.xlsx/);
    expect((await parseRoster({ name: 'r.xlsx', bytes: utf8('部门,姓名') })).headerError).toMatch(
      /named \.xlsx but is not an Excel workbook/,
    );
    expect((await parseRoster({ name: 'r.pdf', bytes: utf8('%PDF') })).headerError).toBe(
      'cannot import a ".pdf" file; use .xlsx or .csv',
    );
    // A workbook whose directory declares a huge sheet is refused before anything is inflated.
    const bomb = await xlsx([['部门', '姓名']]);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    }
    expect((await parseRoster({ name: 'r.xlsx', bytes: bomb })).headerError).toMatch(/unpacks to more than 64 MB/);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await parseRoster({ name: 'r.xlsx', bytes: broken })).headerError).toMatch(/not a readable \.xlsx/);
  });
});

describe('parseRoster: .csv', () => {
  it('parses quotes, embedded commas, quotes and line breaks, CRLF, and English headers', async () => {
    const text =
      'Department , Name,Role,Phone,E-mail\r\n' +
      '市发改委,"张伟, Jr.",head,"0633-8781234",zw@rizhao.gov.cn\r\n' +
      '"市公安局","李""娜""",spokesperson,,\r\n' +
      '\r\n' +
      ',,,,\r\n' +
      '市财政局,"王\r\n芳",deputy,,\r\n' +
      '市财政局,赵强,,,';
    const r = await csv(text);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.department, x.name, x.role, x.phone])).toEqual([
      [2, '市发改委', '张伟, Jr.', 'head', '0633-8781234'],
      [3, '市公安局', '李"娜"', 'spokesperson', null],
      [6, '市财政局', '王\r\n芳', 'deputy', null],
      [7, '市财政局', '赵强', null, null],
    ]);
  });

  it('reads UTF-8 with a BOM the same as without', async () => {
    const text = '部门,姓名,职务\n市农业局,钱一,局长\n';
    const bom = await parseRoster({ name: 'a.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]) });
    const plain = await csv(text);
    expect(bom).toEqual(plain);
    expect(bom.rows).toEqual([
      { line: 2, department: '市农业局', name: '钱一', role: 'head', roleText: '局长', phone: null, email: null },
    ]);
  });

  it('reads GBK as saved by Excel on Chinese Windows', async () => {
    // test/fixtures/roster/roster-gbk.csv was made with:
    //   printf '部门,姓名,职务,电话,邮箱\r\n市发改委,张伟,"党组书记、主任",0633-8781234,zhangwei@rizhao.gov.cn\r\n
    //   市公安局,李娜,新闻发言人,13806331234,\r\n"日照市财政局","王芳，（女）",副局长,,wangfang@rizhao.gov.cn\r\n'
    //   | iconv -f UTF-8 -t GBK > test/fixtures/roster/roster-gbk.csv        (one printf line)
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/roster/roster-gbk.csv', import.meta.url)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toMatchObject({ encoding: 'gb18030' });
    const r = await parseRoster({ name: 'roster-gbk.csv', bytes });
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        department: '市发改委',
        name: '张伟',
        role: 'head',
        roleText: '党组书记、主任',
        phone: '0633-8781234',
        email: 'zhangwei@rizhao.gov.cn',
      },
      {
        line: 3,
        department: '市公安局',
        name: '李娜',
        role: 'spokesperson',
        roleText: '新闻发言人',
        phone: '13806331234',
        email: null,
      },
      {
        line: 4,
        department: '日照市财政局',
        name: '王芳，（女）',
        role: 'deputy',
        roleText: '副局长',
        phone: null,
        email: 'wangfang@rizhao.gov.cn',
      },
    ]);
  });

  it('reads tab-separated UTF-16 ("Unicode text") and semicolon-separated files', async () => {
    const text = '部门\t姓名\n市林业局\t孙七\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect((await parseRoster({ name: 'r.txt', bytes: le })).rows).toMatchObject([{ line: 2, name: '孙七' }]);
    expect((await csv('部门;姓名\n市林业局;"孙;七"\n')).rows).toMatchObject([{ name: '孙;七' }]);
  });

  it('refuses an unclosed quote, text in no known encoding, and files over the limits', async () => {
    expect((await csv('部门,姓名\n市发改委,"张伟\n市公安局,李娜\n')).headerError).toBe(
      'line 2: a quoted field is never closed (a stray " character?)',
    );
    expect((await parseRoster({ name: 'r.csv', bytes: new Uint8Array([0x80, 0x80, 0xff]) })).headerError).toMatch(
      /neither UTF-8 nor GBK/,
    );

    const big = new Uint8Array(ROSTER_LIMITS.bytes + 1).fill(0x41);
    expect((await parseRoster({ name: 'big.csv', bytes: big })).headerError).toBe(
      'the file is 5.0 MB; at most 5.0 MB can be imported — split the file',
    );

    const lines = (n: number) => ['部门,姓名', ...Array.from({ length: n }, (_, i) => `市发改委,人员${i}`)].join('\n');
    expect((await csv(lines(ROSTER_LIMITS.rows))).rows).toHaveLength(ROSTER_LIMITS.rows);
    expect((await csv(lines(ROSTER_LIMITS.rows + 1))).headerError).toBe(
      'the file has 5001 people rows; at most 5000 can be imported at once — split the file',
    );
    expect((await csv(`部门,姓名${'\n'.repeat(ROSTER_LIMITS.rows * 3)}`)).headerError).toBe(
      'the file has more than 10000 lines; at most 5000 people can be imported at once — split the file',
    );
    expect((await parseRoster({ name: 'roster', bytes: utf8('部门,姓名') })).headerError).toMatch(/no extension/);
    const many = await xlsx([
      ['部门', '姓名'],
      ...Array.from({ length: ROSTER_LIMITS.rows * 2 }, (_, i) => ['市发改委', `人员${i}`]),
    ]);
    expect((await parseRoster({ name: 'r.xlsx', bytes: many })).headerError).toMatch(/^the worksheet has 10001 rows/);
  });
});

describe('parseCsv', () => {
  it('gives back any fields written with RFC 4180 quoting, whatever the line ends', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\r', '\n', ' ', ';', '\t') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        (records, eol, trailing) => {
          const quoted = records.map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(','));
          const text = quoted.join(eol) + (trailing ? eol : '');
          const parsed = parseCsv(text);
          expect(parsed.unclosedQuoteAt).toBeUndefined();
          expect(parsed.records.map((r) => r.fields)).toEqual(records);
          expect(parsed.records.map((r) => r.line)).toEqual(records.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe('cellText', () => {
  it('shows what Excel shows, and never evaluates a formula', () => {
    expect(cellText({ text: '', hyperlink: 'mailto:a@b.cn' })).toEqual({ text: 'a@b.cn' });
    expect(
      cellText({ text: { richText: [{ text: 'a@' }, { text: 'b.cn' }] }, hyperlink: 'x' } as unknown as Cell),
    ).toEqual({
      text: 'a@b.cn',
    });
    expect(cellText({ sharedFormula: 'A1', result: 13800000000 } as Cell)).toEqual({ text: '13800000000' });
    expect(cellText({ formula: 'NA()', result: { error: '#N/A' } } as Cell)).toEqual({
      text: '',
      problem: 'shows the error #N/A',
    });
    expect(cellText(1.5)).toEqual({ text: '1.5' });
    expect(cellText(true)).toEqual({ text: 'TRUE' });
    expect(cellText(new Date('2026-03-20T00:00:00Z'))).toEqual({ text: '2026-03-20' });
  });
});

describe('roleFromText', () => {
  it.each([
    ['主要负责同志', 'head'],
    ['党组书记、局长', 'head'],
    ['局长、新闻发言人', 'head'],
    ['新闻发言人', 'spokesperson'],
    ['党组成员、副局长、新闻发言人', 'spokesperson'],
    ['发言人 (兼)', 'spokesperson'],
    ['Spokesperson', 'spokesperson'],
    ['相关负责人', 'deputy'],
    ['分管负责同志', 'deputy'],
    ['副 主 任', 'deputy'],
    ['党组副书记', 'deputy'],
    ['办公室主任', null],
    ['联络员', null],
    ['', null],
  ])('%s → %s', (text, role) => {
    expect(roleFromText(text)).toBe(role);
  });
});
