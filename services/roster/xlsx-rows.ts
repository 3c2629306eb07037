// The first visible worksheet of an .xlsx as rows of text. A cell's text is what Excel shows, as
// far as it can be known without evaluating anything: rich text joined, a hyperlink's text, a
// formula's saved result (formulas are never evaluated), numbers without a trailing ".0".
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../lazy-libs';

export interface RawCell {
  text: string;
  /** Why the cell has no usable text (an error value, a formula without a saved result). */
  problem?: string;
}

export interface RawRow {
  /** The row number Excel shows. */
  line: number;
  cells: RawCell[];
}

/**
 * The uncompressed size the ZIP's central directory declares, or null when it cannot be read
 * (then exceljs reports the file as unreadable). A 5 MB .xlsx can inflate to gigabytes; the
 * declared sizes let such a file be refused before it is inflated.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= stop; eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      // 0xFFFFFFFF: the real size is in a ZIP64 field; no roster needs one.
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** 13812345678 stays 13812345678; 1.5 stays 1.5; a number never gets exponent notation for a phone. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

export function cellText(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: isoDate(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    // An e-mail cell is often {text: 'a@b.cn', hyperlink: 'mailto:a@b.cn'}; the text may itself be rich.
    const shown = cellText(value.text as ExcelJS.CellValue).text;
    return { text: shown || value.hyperlink.replace(/^mailto:/i, '') };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      return {
        text: '',
        problem: 'is a formula without a saved result; open and save the file in Excel or WPS, or paste values',
      };
    }
    if (typeof result === 'object' && 'error' in result)
      return { text: '', problem: `shows the error ${result.error}` };
    return cellText(result as ExcelJS.CellValue);
  }
  if ('error' in value) return { text: '', problem: `shows the error ${value.error}` };
  return { text: '' };
}

/** Reads the rows; `tooManyRows` is returned, without reading them, when the sheet has more than `maxRows` rows. */
export async function readXlsxRows(
  bytes: Uint8Array,
  maxRows: number,
): Promise<{ rows: RawRow[] } | { error: string } | { tooManyRows: number }> {
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  try {
    // exceljs types ask for its own Buffer type; a Node Buffer over the same bytes is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { error: `the file is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})` };
  }
  const ws = wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0];
  if (!ws) return { error: 'the workbook has no worksheet' };
  if (ws.actualRowCount > maxRows) return { tooManyRows: ws.actualRowCount };
  const rows: RawRow[] = [];
  ws.eachRow((row, line) => {
    const cells: RawCell[] = [];
    // A merged cell (a department spanning several people's rows) reads as its master's value.
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return { rows };
}
