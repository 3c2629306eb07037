// The attendance compliance sheet (达标情况表) as files: .xlsx for the supervisors' spreadsheets,
// .docx (a landscape table) for the record. Same figures as the 达标情况 page.
import type { WrittenFile } from '../common/document-types';
import type { Quarter } from '../common/domain/periods';
import type { ComplianceReport } from '../common/domain/quota';
import { complianceReport } from './compliance';
import type { ServiceContext } from './context';
import { chineseDate } from './documents';
import { loadDocxRenderer } from './docx/load';
import { checkedFileName, safeFileName, writeExport } from './export-files';
import { exportDir, readOffice } from './office';
import { complianceRows, complianceTitle, rulesText } from './xlsx/compliance-table';
import { complianceWorkbook } from './xlsx/compliance-xlsx';

export interface ComplianceExport {
  year: number;
  quarter?: Quarter | null | undefined;
  asOf?: string | null | undefined;
  format: 'docx' | 'xlsx';
  dir?: string | null | undefined;
  fileName?: string | null | undefined;
  overwrite?: boolean | undefined;
}

export async function complianceFile(
  ctx: ServiceContext,
  report: ComplianceReport,
  format: 'docx' | 'xlsx',
): Promise<Buffer> {
  const office = readOffice(ctx);
  if (format === 'xlsx') return complianceWorkbook(report, { office: office.name });
  const table = complianceRows(report);
  const { renderDocx } = await loadDocxRenderer();
  return renderDocx({
    title: complianceTitle(report),
    blocks: [
      { type: 'paragraph', text: `统计截至${chineseDate(report.asOf)}。考核依据：${rulesText(report)}。` },
      { type: 'table', header: table.header, rows: [...table.rows, table.totals] },
    ],
    signature: { office: office.signature || office.name, date: report.asOf },
    draft: false,
    landscape: true,
    author: office.name,
  });
}

export async function exportCompliance(ctx: ServiceContext, input: ComplianceExport): Promise<WrittenFile> {
  const report = complianceReport(ctx, input);
  const bytes = await complianceFile(ctx, report, input.format);
  const ext = `.${input.format}`;
  const fileName = input.fileName ? checkedFileName(input.fileName, ext) : safeFileName(complianceTitle(report), ext);
  return writeExport({ dir: input.dir ?? exportDir(ctx), fileName, overwrite: input.overwrite }, bytes);
}
