// 达标情况表 as .xlsx: the sheet supervisors (市政府办公室, 市监察局) print and attach to a circular.
// Every cell is a value: totals are summed here, never by formulas, so the file shows the same
// numbers in Excel, WPS and LibreOffice whatever their recalculation settings, and nothing in it
// can run. Text from the register goes through xmlSafe (exceljs writes characters XML cannot carry,
// and Excel then refuses the file) and inertCell (a leading = + - @ stays text when re-entered or
// saved as CSV).
import type ExcelJS from 'exceljs';
import type { ComplianceReport, QuotaStatus } from '../../common/domain/quota';
import { xmlSafe } from '../../common/xml-text';
import { loadExcelJS } from '../lazy-libs';
import { inertCell } from '../spreadsheet-text';
import {
  type ComplianceCell,
  cellText,
  complianceGrid,
  complianceTitle,
  rulesText,
  STATUS_TEXT,
} from './compliance-table';
import { displayWidth } from './text-width';

export { STATUS_TEXT } from './compliance-table';

export interface ComplianceWorkbookOptions {
  /** The office that compiles the sheet (编制单位), e.g. 日照市人民政府新闻办公室. */
  office: string;
  /** Only zh-CN: the sheet is a Chinese official form. */
  language?: 'zh-CN';
}

/** Light tints, with a darker text colour of the same hue (Excel's 好/差/适中 cell styles). */
export const STATUS_FILL: Readonly<Record<QuotaStatus, { fill: string; font: string }>> = {
  met: { fill: 'FFC6EFCE', font: 'FF006100' },
  missed: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  pending: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  upcoming: { fill: 'FFE7E6E6', font: 'FF3A3838' },
  exempt: { fill: 'FFF2F2F2', font: 'FF7F7F7F' },
};

const FONT = '宋体';
const TITLE_FONT = '黑体';
const HEADER_FILL = 'FFDDEBF7';
/** Rows of the table header (group row, then column row). */
export const HEADER_ROWS = [4, 5] as const;
const FIRST_DATA_ROW = 6;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Text as it may enter the sheet: only XML characters, and inert. */
const safe = (text: string) => inertCell(xmlSafe(text));

export async function complianceWorkbook(report: ComplianceReport, opts: ComplianceWorkbookOptions): Promise<Buffer> {
  const grid = complianceGrid(report);
  const ncol = grid.columns.length;
  const title = complianceTitle(report);

  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = 'Press Office';
  wb.lastModifiedBy = 'Press Office';
  wb.title = title;
  // Dated by the report, so the same report gives the same document properties.
  wb.created = wb.modified = new Date(`${report.asOf}T00:00:00Z`);

  const ws = wb.addWorksheet(report.quarter ? `${report.year}年第${report.quarter}季度` : `${report.year}年度`, {
    properties: { defaultRowHeight: 18 },
  });

  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 11, ...extra });
  const merged = (row: number, from: number, to: number, value: string, style: Partial<ExcelJS.Style>) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = safe(value);
    cell.style = style;
  };

  // Header rows: title, office and as-of date, the rules used.
  merged(1, 1, ncol, title, {
    font: font({ name: TITLE_FONT, size: 16, bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(1).height = 32;
  const half = Math.max(1, Math.floor(ncol / 2));
  merged(2, 1, half, `编制单位：${opts.office}`, { font: font(), alignment: { vertical: 'middle' } });
  merged(2, half + 1, ncol, `统计截至 ${report.asOf}`, {
    font: font(),
    alignment: { horizontal: 'right', vertical: 'middle' },
  });
  const rules = `考核规则：${rulesText(report)}`;
  merged(3, 1, ncol, rules, { font: font({ size: 10 }), alignment: { vertical: 'middle', wrapText: true } });

  // Table header: columns without a group span both rows; a group (第1季度, 全年) spans its columns.
  const headerStyle: Partial<ExcelJS.Style> = {
    font: font({ bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: solid(HEADER_FILL),
    border: BORDER,
  };
  const [groupRow, columnRow] = HEADER_ROWS;
  for (let c = 1; c <= ncol; c++) {
    const col = grid.columns[c - 1];
    if (!col) continue;
    for (const r of HEADER_ROWS) ws.getCell(r, c).style = headerStyle;
    if (!col.group) {
      ws.mergeCells(groupRow, c, columnRow, c);
      ws.getCell(groupRow, c).value = col.header;
      continue;
    }
    ws.getCell(columnRow, c).value = col.header;
    if (grid.columns[c - 2]?.group !== col.group) {
      let end = c;
      while (grid.columns[end]?.group === col.group) end++;
      if (end > c) ws.mergeCells(groupRow, c, groupRow, end);
      ws.getCell(groupRow, c).value = col.group;
    }
  }
  ws.getRow(groupRow).height = 22;
  ws.getRow(columnRow).height = 30;

  const writeCell = (cell: ExcelJS.Cell, c: ComplianceCell, bold = false) => {
    const base: Partial<ExcelJS.Style> = {
      font: font({ bold }),
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    switch (c.kind) {
      case 'count':
        cell.value = c.value;
        cell.style = { ...base, numFmt: '0' };
        return;
      case 'status': {
        const colours = STATUS_FILL[c.status];
        cell.value = c.text;
        cell.style = { ...base, fill: solid(colours.fill), font: font({ bold, color: { argb: colours.font } }) };
        return;
      }
      case 'verdict': {
        const colours = STATUS_FILL[c.compliant ? 'met' : 'missed'];
        cell.value = c.text;
        cell.style = { ...base, fill: solid(colours.fill), font: font({ bold, color: { argb: colours.font } }) };
        return;
      }
      case 'text':
        cell.value = safe(c.text);
        cell.style = { ...base, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
        return;
    }
  };

  let r = FIRST_DATA_ROW;
  for (const row of grid.rows) {
    for (const [i, c] of row.entries()) writeCell(ws.getCell(r, i + 1), c);
    r++;
  }
  const totalsRow = r;
  for (const [i, c] of grid.totals.entries()) writeCell(ws.getCell(totalsRow, i + 1), c, true);
  for (let c = 1; c <= ncol; c++) {
    const cell = ws.getCell(totalsRow, c);
    cell.fill = solid(HEADER_FILL);
    if (c <= 3) cell.alignment = { horizontal: 'center', vertical: 'middle' };
  }

  // Legend under the table, then what the statuses mean.
  const legendRow = totalsRow + 2;
  ws.getCell(legendRow, 1).value = '图例';
  ws.getCell(legendRow, 1).style = { font: font({ bold: true }), alignment: { horizontal: 'center' } };
  (Object.keys(STATUS_TEXT) as QuotaStatus[]).forEach((status, i) => {
    const cell = ws.getCell(legendRow, i + 2);
    cell.value = STATUS_TEXT[status];
    cell.style = {
      font: font({ color: { argb: STATUS_FILL[status].font } }),
      fill: solid(STATUS_FILL[status].fill),
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle' },
    };
  });
  const note =
    '说明：场次与出席次数只计已举行的发布会，出席只计市政府新闻办公室组织的发布会。“进行中”指期间未结束、尚未达到要求；' +
    '“未开始”指期间尚未开始；“不适用”指未列入名单或规则未生效。“是否达标”为截至统计日无“未达标”项。';
  merged(legendRow + 1, 1, ncol, note, { font: font({ size: 10 }), alignment: { wrapText: true, vertical: 'top' } });

  // Widths from the content: CJK characters count double.
  const widths = grid.columns.map((col, i) => {
    const texts = [col.header, ...grid.rows.map((row) => safe(cellTextOf(row[i]))), cellTextOf(grid.totals[i])];
    const widest = Math.max(...texts.map(displayWidth));
    const cap = col.kind === 'text' ? 40 : 16;
    return Math.min(cap, Math.max(col.kind === 'index' ? 6 : 9, widest + 2));
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  ws.getRow(3).height = 16 * Math.max(1, Math.ceil(displayWidth(rules) / Math.max(1, tableWidth - 4))) + 4;
  ws.getRow(legendRow + 1).height = 16 * Math.max(1, Math.ceil(displayWidth(note) / Math.max(1, tableWidth - 4))) + 4;

  // On screen the header and 序号/简称 stay put; on paper the header repeats on every page.
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: columnRow, topLeftCell: `C${FIRST_DATA_ROW}`, activeCell: 'A1' }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: `${groupRow}:${columnRow}`,
  };
  // Page numbers only: header/footer text is a little language of & codes, so no register text goes in.
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellTextOf(c: ComplianceCell | undefined): string {
  return c ? cellText(c) : '';
}
