// 达标情况表 (.xlsx): the figures of the compliance report, coloured by status, frozen and set up for
// A4 landscape printing, and nothing in the file a spreadsheet could run.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { computeCompliance, NOTICE_2014_RULES, type QuotaDepartment } from '../../common/domain/quota';
import { xmlSafe } from '../../common/xml-text';
import { complianceReport } from '../../services/compliance';
import { inertCell } from '../../services/spreadsheet-text';
import { complianceRows, rulesText } from '../../services/xlsx/compliance-table';
import { complianceWorkbook, HEADER_ROWS, STATUS_FILL, STATUS_TEXT } from '../../services/xlsx/compliance-xlsx';
import { testApp } from './helpers/app';
import { call } from './helpers/call';

const OFFICE = '日照市人民政府新闻办公室';

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

/** Every cell of the used range, merged ones included. */
function everyCell(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= ws.columnCount; c++) cells.push(ws.getCell(r, c));
  }
  return cells;
}

function expectNoFormulas(ws: ExcelJS.Worksheet) {
  for (const cell of everyCell(ws)) {
    expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula, cell.address).toBeUndefined();
    const v = cell.value as object | null;
    if (v && typeof v === 'object') {
      expect(v, cell.address).not.toHaveProperty('formula');
      expect(v, cell.address).not.toHaveProperty('sharedFormula');
    }
  }
}

/** Every XML part parses strictly, and no worksheet holds a formula element. */
async function expectCleanXml(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(parts.some((n) => n.startsWith('xl/worksheets/'))).toBe(true);
  for (const name of parts) {
    const xml = await zip.file(name)?.async('string');
    if (xml === undefined) throw new Error(name);
    const parser = new SaxesParser();
    parser.on('error', (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.write(xml).close();
    if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[\s>/]/);
  }
}

const columnIndex = (ws: ExcelJS.Worksheet) => {
  const [groupRow, columnRow] = HEADER_ROWS;
  const headers: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const group = ws.getCell(groupRow, c).text;
    const own = ws.getCell(columnRow, c).text;
    headers.push(group === own ? own : `${group} ${own}`);
  }
  return headers;
};

const rowOf = (ws: ExcelJS.Worksheet, name: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === name) return ws.getRow(r);
  throw new Error(`no row for ${name}`);
};

const computeEmpty = () =>
  computeCompliance({
    year: 2013,
    asOf: '2013-12-31',
    departments: [],
    conferences: [],
    attendance: [],
    rules: NOTICE_2014_RULES,
  });

const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

describe('compliance workbook', () => {
  it('writes the report of a seeded register: counts, statuses, colours, totals, view and print setup', async () => {
    const app = testApp({ now: '2026-03-01T09:00:00+08:00' });
    const head = call(app, 'people.create', { departmentId: 'rizhao-01', name: '张局长', role: 'head' });
    const speaker = call(app, 'people.create', { departmentId: 'rizhao-01', name: '李发言', role: 'spokesperson' });
    const q1 = call(app, 'conferences.create', {
      title: '2026年第一季度市政府新闻发布会',
      date: '2026-03-20',
      organizer: 'city',
      departmentIds: ['rizhao-01', 'rizhao-05'],
    });
    const q3 = call(app, 'conferences.create', {
      title: '市发改委新闻发布会',
      date: '2026-08-10',
      organizer: 'department',
      hostDepartmentId: 'rizhao-01',
    });
    app.setNow('2026-03-20T12:00:00+08:00');
    call(app, 'conferences.checkIn', {
      id: q1.id,
      attendance: [
        { personId: head.id, role: 'head', status: 'attended' },
        { personId: speaker.id, role: 'spokesperson', status: 'attended' },
      ],
    });
    app.setNow('2026-08-10T12:00:00+08:00');
    call(app, 'conferences.checkIn', { id: q3.id, attendance: [] });

    const report = complianceReport(app.ctx, { year: 2026, asOf: '2026-11-27' });
    const buffer = await complianceWorkbook(report, { office: OFFICE });
    const ws = await load(buffer);

    expect(ws.getCell('A1').value).toBe('2026年度新闻发布工作达标情况');
    expect(ws.getCell('A2').value).toBe(`编制单位：${OFFICE}`);
    expect(String(ws.getCell(2, ws.columnCount).value)).toBe('统计截至 2026-11-27');
    expect(ws.getCell('A3').value).toBe(
      '考核规则：各部门每季度至少举办1次新闻发布会（自2014-07-01起）；' +
        '新闻发言人或相关负责人每季度至少出席1次市政府新闻发布会（自2014-07-01起）；' +
        '主要负责人每年至少出席1次市政府新闻发布会（自2014-07-01起）',
    );
    expect(ws.getCell('A1').isMerged && ws.getCell('A3').isMerged).toBe(true);

    const headers = columnIndex(ws);
    expect(headers.slice(0, 7)).toEqual([
      '序号',
      '简称',
      '全称',
      '第1季度 发布会场次',
      '第1季度 状态',
      '第1季度 发言人出席',
      '第1季度 状态',
    ]);
    expect(headers.slice(-3)).toEqual(['全年 主要负责人出席', '全年 状态', '是否达标']);
    expect(headers).toHaveLength(3 + 4 * 4 + 3);

    const ndrc = rowOf(ws, '市发改委');
    const values = (ndrc.values as ExcelJS.CellValue[]).slice(1);
    expect(values).toEqual([
      1,
      '市发改委',
      '日照市发展和改革委员会',
      ...[1, '达标', 1, '达标'],
      ...[0, '未达标', 0, '未达标'],
      ...[1, '达标', 0, '未达标'],
      ...[0, '进行中', 0, '进行中'],
      1,
      '达标',
      '否',
    ]);
    expect(ndrc.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(fillOf(ndrc.getCell(5))).toBe(STATUS_FILL.met.fill);
    expect(fillOf(ndrc.getCell(9))).toBe(STATUS_FILL.missed.fill);
    expect(fillOf(ndrc.getCell(17))).toBe(STATUS_FILL.pending.fill);
    expect(fillOf(ndrc.getCell(headers.length))).toBe(STATUS_FILL.missed.fill);
    expect(rowOf(ws, '市公安局').getCell(4).value).toBe(1);
    expect(rowOf(ws, '市公安局').getCell(6).value).toBe(0);

    // 24 departments in register order, then the totals as values.
    expect(ws.getCell(HEADER_ROWS[1] + 1, 2).value).toBe('市发改委');
    expect(ws.getCell(HEADER_ROWS[1] + 24, 2).value).toBe('市地税局');
    const totals = ws.getRow(HEADER_ROWS[1] + 25);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(4).value).toBe(2); // 第1季度: 市发改委 and 市公安局
    expect(totals.getCell(5).value).toBe('达标 2/24');
    expect(totals.getCell(6).value).toBe(1);
    expect(totals.getCell(headers.length - 2).value).toBe(1);
    expect(totals.getCell(headers.length).value).toBe('是 0/24');

    // Legend under the table: each status in its own colour.
    const legend = ws.getRow(HEADER_ROWS[1] + 27);
    expect(legend.getCell(1).value).toBe('图例');
    for (const [i, status] of (['met', 'missed', 'pending', 'upcoming', 'exempt'] as const).entries()) {
      expect(legend.getCell(i + 2).value).toBe(STATUS_TEXT[status]);
      expect(fillOf(legend.getCell(i + 2))).toBe(STATUS_FILL[status].fill);
    }

    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS[1] });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
    });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    // CJK widths: the full names fit (日照市住房和城乡规划建设委员会 is 15 characters, 30 widths).
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expectNoFormulas(ws);
    await expectCleanXml(buffer);
  });

  it('covers one quarter when the report does', async () => {
    const app = testApp({ now: '2026-11-27T09:00:00+08:00' });
    const report = complianceReport(app.ctx, { year: 2026, quarter: 3, asOf: '2026-11-27' });
    const ws = await load(await complianceWorkbook(report, { office: OFFICE }));
    expect(ws.getCell('A1').value).toBe('2026年第3季度新闻发布工作达标情况');
    expect(ws.name).toBe('2026年第3季度');
    expect(columnIndex(ws)).toEqual([
      '序号',
      '简称',
      '全称',
      '第3季度 发布会场次',
      '第3季度 状态',
      '第3季度 发言人出席',
      '第3季度 状态',
      '全年 主要负责人出席',
      '全年 状态',
      '是否达标',
    ]);
    expect((rowOf(ws, '市商务局').values as ExcelJS.CellValue[]).slice(4)).toEqual([
      0,
      '未达标',
      0,
      '未达标',
      0,
      '进行中',
      '否',
    ]);
  });

  it('keeps hostile department and office names as inert text, and the file opens', async () => {
    const names = [
      '=HYPERLINK("http://x")',
      '+1',
      '-2',
      '@SUM(A1)',
      '\tTAB',
      'bad\uFFFE and lone \uD800 surrogate, emoji 👩‍💼 𠮷',
      '<w:t>&amp;</x>',
    ];
    const departments: QuotaDepartment[] = names.map((name, i) => ({
      id: `d${i}`,
      name,
      fullName: `${name} 全称`,
      listed: true,
      listedFrom: '2014-07-01',
      listedUntil: null,
    }));
    const report = computeCompliance({
      year: 2026,
      asOf: '2026-11-27',
      departments,
      conferences: [],
      attendance: [],
      rules: NOTICE_2014_RULES,
    });
    const office = '=cmd|"/c calc"!A1\u0001';
    const buffer = await complianceWorkbook(report, { office });
    const ws = await load(buffer);

    for (const [i, name] of names.entries()) {
      const row = ws.getRow(HEADER_ROWS[1] + 1 + i);
      expect(row.getCell(2).value).toBe(inertCell(xmlSafe(name)));
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(3).value).toBe(inertCell(xmlSafe(`${name} 全称`)));
    }
    expect(ws.getCell(HEADER_ROWS[1] + 1, 2).value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell(HEADER_ROWS[1] + 5, 2).value).toBe("'\tTAB");
    expect(ws.getCell(HEADER_ROWS[1] + 6, 2).value).toBe('bad and lone  surrogate, emoji 👩‍💼 𠮷');
    expect(ws.getCell('A2').value).toBe('编制单位：=cmd|"/c calc"!A1');
    expectNoFormulas(ws);
    await expectCleanXml(buffer);
  });

  it('writes an empty register as a table with only its totals', async () => {
    const report = computeEmpty();
    const ws = await load(await complianceWorkbook(report, { office: OFFICE }));
    expect(ws.getCell(HEADER_ROWS[1] + 1, 1).value).toBe('合计');
    expect(ws.getCell('A3').value).toBe('考核规则：本期间无适用的考核规则');
  });
});

describe('the formula checks', () => {
  it('catch a formula, a shared formula and a malformed part', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = { formula: 'A1+1', result: 2 };
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(() => expectNoFormulas(ws)).toThrow();
    await expect(expectCleanXml(buffer)).rejects.toThrow();
    const loaded = await load(buffer);
    expect(() => expectNoFormulas(loaded)).toThrow();

    const zip = await JSZip.loadAsync(await complianceWorkbook(computeEmpty(), { office: OFFICE }));
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><c>\u0001</c><worksheet>');
    await expect(expectCleanXml(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/sheet1/);
  });
});

describe('compliance table (shared with the .docx)', () => {
  it('flattens the header and gives text rows and totals', () => {
    const report = computeCompliance({
      year: 2026,
      quarter: 2,
      asOf: '2026-11-27',
      departments: [
        { id: 'a', name: '市甲局', fullName: '日照市甲局', listed: true, listedFrom: '2014-07-01', listedUntil: null },
        { id: 'b', name: '市乙局', fullName: '日照市乙局', listed: true, listedFrom: '2026-07-01', listedUntil: null },
      ],
      conferences: [
        {
          id: 'c1',
          date: '2026-05-10',
          organizer: 'city',
          status: 'held',
          hostDepartmentId: null,
          departmentIds: ['a'],
        },
      ],
      attendance: [{ conferenceId: 'c1', departmentId: 'a', role: 'head', status: 'attended' }],
      rules: NOTICE_2014_RULES,
    });
    const table = complianceRows(report);
    expect(table.header).toEqual([
      '序号',
      '简称',
      '全称',
      '第2季度 发布会场次',
      '第2季度 状态',
      '第2季度 发言人出席',
      '第2季度 状态',
      '全年 主要负责人出席',
      '全年 状态',
      '是否达标',
    ]);
    expect(table.rows).toEqual([
      ['1', '市甲局', '日照市甲局', '1', '达标', '1', '达标', '1', '达标', '是'],
      ['2', '市乙局', '日照市乙局', '0', '不适用', '0', '不适用', '0', '进行中', '是'],
    ]);
    expect(table.totals).toEqual(['合计', '2 个部门', '', '1', '达标 1/1', '1', '达标 1/1', '1', '达标 1/2', '是 2/2']);
  });

  it('names the rules in force during the period, with the date each took effect', () => {
    const rules = [
      ...NOTICE_2014_RULES,
      { kind: 'department_conferences' as const, minimum: 2, effectiveFrom: '2026-07-01' },
      { kind: 'head_attendance' as const, minimum: 2, effectiveFrom: '2020-01-01' },
    ];
    const year = rulesText({ year: 2026, quarter: null, rules });
    expect(year).toBe(
      '各部门每季度至少举办1次新闻发布会（自2014-07-01起）；各部门每季度至少举办2次新闻发布会（自2026-07-01起）；' +
        '新闻发言人或相关负责人每季度至少出席1次市政府新闻发布会（自2014-07-01起）；' +
        '主要负责人每年至少出席2次市政府新闻发布会（自2020-01-01起）',
    );
    expect(rulesText({ year: 2026, quarter: 1, rules })).toContain('至少举办1次');
    expect(rulesText({ year: 2026, quarter: 3, rules })).not.toContain('至少举办1次');
  });
});
