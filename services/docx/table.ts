// A table block: the full width of the 版心, single borders, the header row bold and repeated at the
// top of every page, text in 小四 (12 pt) 仿宋 — 3号 is too large for a table of a dozen columns.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block } from '../../common/document-model';
import { BODY_FONT } from './fonts';
import { TABLE_LINE, TABLE_PT } from './layout';
import { textRuns } from './runs';

type TableBlock = Extract<Block, { type: 'table' }>;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
/** Cell padding: 1 mm either side, none above and below (the exact 17 pt line leaves room). */
const CELL_MARGINS = { left: 57, right: 57, top: 0, bottom: 0 };

/**
 * Column widths in twips that add up to the table's width exactly: the block's relative weights
 * when there is one positive number for each column, equal columns otherwise.
 */
export function columnWidths(columns: number, total: number, weights?: readonly number[]): number[] {
  const usable =
    weights && weights.length === columns && weights.every((w) => Number.isFinite(w) && w > 0)
      ? weights
      : Array.from({ length: columns }, () => 1);
  const sum = usable.reduce((a, b) => a + b, 0);
  const widths = usable.map((w) => Math.floor((w / sum) * total));
  // What rounding down left over goes to the last column.
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** null for a table without a single cell: Word refuses a table with no rows. */
export function renderTable(block: TableBlock, width: number): Table | null {
  const columns = block.rows.reduce((n, cells) => Math.max(n, cells.length), block.header.length);
  if (columns === 0) return null;
  const widths = columnWidths(columns, width, block.widths);
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map(
        (w, i) =>
          new TableCell({
            width: { size: w, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT },
                children: textRuns(cells[i] ?? '', { font: BODY_FONT, pt: TABLE_PT, bold: header }),
              }),
            ],
          }),
      ),
    });
  const rows = [
    ...(block.header.length > 0 ? [row(block.header, true)] : []),
    ...block.rows.map((cells) => row(cells, false)),
  ];
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: CELL_MARGINS,
  });
}
