// 年度考核: per department for a year, the conferences held and attended (from the quota engine),
// releases by channel, policy interpretations published with their policies, and public-opinion
// items answered within the deadline; as .xlsx and .docx beside the compliance sheet.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { localDate } from '../common/dates';
import type { WrittenFile } from '../common/document-types';
import { RELEASE_CHANNELS, type ReleaseChannel } from '../common/opinion-schemas';
import type { Assessment, AssessmentRow } from '../common/opinion-types';
import { xmlSafe } from '../common/xml-text';
import { listOpinions } from '../db/queries/opinions';
import { documentChannels, documents, portalEntries } from '../db/schema';
import { complianceReport } from './compliance';
import type { ServiceContext } from './context';
import { chineseDate } from './documents';
import { loadDocxRenderer } from './docx/load';
import { checkedFileName, safeFileName, writeExport } from './export-files';
import { loadExcelJS } from './lazy-libs';
import { exportDir, readOffice } from './office';
import { inertCell } from './spreadsheet-text';

export const CHANNEL_TEXT: Record<ReleaseChannel, string> = {
  portal: '政府网站',
  gazette: '政府公报',
  weibo: '微博@日照发布',
  wechat: '微信',
  daily: '日照日报',
  broadcast: '日照广播电视台',
};

export function assessment(ctx: ServiceContext, year: number, asOf?: string | null): Assessment {
  const y = String(year).padStart(4, '0');
  const report = complianceReport(ctx, { year, asOf: asOf ?? localDate(ctx.now()) });
  const channelRows = ctx.db
    .select({
      departmentId: documents.departmentId,
      kind: documents.kind,
      channel: documentChannels.channel,
      id: documents.id,
    })
    .from(documentChannels)
    .innerJoin(documents, eq(documents.id, documentChannels.documentId))
    .where(and(gte(documentChannels.date, `${y}-01-01`), lte(documentChannels.date, `${y}-12-31`)))
    .all();
  // Interpretations published in the same package as their policy (matched by 文号).
  const together = new Set(
    ctx.db
      .all<{ id: string }>(sql`
        SELECT i.id FROM documents i
        JOIN ${portalEntries} ie ON ie.document_id = i.id
        JOIN documents p ON p.doc_number = i.policy_number AND p.kind != 'interpretation'
        JOIN ${portalEntries} pe ON pe.document_id = p.id
        WHERE i.kind = 'interpretation' AND ie.exported_sequence IS NOT NULL
          AND ie.exported_sequence = pe.exported_sequence`)
      .map((r) => r.id),
  );
  const opinions = listOpinions(ctx.db, { from: `${y}-01-01`, to: `${y}-12-31` }, ctx.now().toISOString(), 1_000_000);
  const rows: AssessmentRow[] = report.departments.map((d) => {
    const mine = channelRows.filter((r) => r.departmentId === d.departmentId);
    const releases = Object.fromEntries(RELEASE_CHANNELS.map((c) => [c, 0])) as Record<ReleaseChannel, number>;
    for (const r of mine) releases[r.channel]++;
    const interpretations = new Set(
      mine.filter((r) => r.kind === 'interpretation' && r.channel === 'portal').map((r) => r.id),
    );
    const items = opinions.filter((o) => o.departmentId === d.departmentId);
    return {
      departmentId: d.departmentId,
      name: d.name,
      fullName: d.fullName,
      conferencesHeld: d.quarters.reduce((n, q) => n + q.conferences, 0),
      responsibleAttendances: d.quarters.reduce((n, q) => n + q.responsibleAttendances, 0),
      headAttendances: d.headAttendances,
      releases,
      interpretations: interpretations.size,
      interpretationsWithPolicy: [...interpretations].filter((id) => together.has(id)).length,
      opinionItems: items.length,
      opinionWithinDeadline: items.filter((o) => o.answeredAt && !o.overdue).length,
    };
  });
  return { year, asOf: report.asOf, rows };
}

export function assessmentTable(a: Assessment): { header: string[]; rows: string[][] } {
  const header = [
    '序号',
    '部门',
    '举办发布会',
    '发言人出席',
    '主要负责人出席',
    ...RELEASE_CHANNELS.map((c) => `发布：${CHANNEL_TEXT[c]}`),
    '政策解读',
    '其中与政策同步',
    '舆情',
    '按时回应',
  ];
  const rows = a.rows.map((r, i) => [
    String(i + 1),
    r.name,
    String(r.conferencesHeld),
    String(r.responsibleAttendances),
    String(r.headAttendances),
    ...RELEASE_CHANNELS.map((c) => String(r.releases[c])),
    String(r.interpretations),
    String(r.interpretationsWithPolicy),
    String(r.opinionItems),
    String(r.opinionWithinDeadline),
  ]);
  return { header, rows };
}

export const assessmentTitle = (year: number) => `${year}年度新闻发布和政务公开工作考核情况`;

export async function assessmentWorkbook(a: Assessment, office: string): Promise<Buffer> {
  const { header, rows } = assessmentTable(a);
  const { Workbook } = await loadExcelJS();
  const wb = new Workbook();
  wb.creator = 'Press Office';
  const ws = wb.addWorksheet('考核情况', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
  });
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = assessmentTitle(a.year);
  ws.getCell(1, 1).font = { name: '黑体', size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, header.length);
  ws.getCell(2, 1).value = inertCell(xmlSafe(`编制单位：${office}　统计截至：${a.asOf}`));
  ws.getRow(3).values = header;
  ws.getRow(3).font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    r.forEach((v, j) => {
      // Counts are numbers; names are inert text.
      row.getCell(j + 1).value = j === 1 ? inertCell(xmlSafe(v)) : Number(v);
    });
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 18 : Math.max(8, (header[i]?.length ?? 4) * 2 + 2);
  });
  ws.pageSetup.printTitlesRow = '3:3';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportAssessment(
  ctx: ServiceContext,
  input: {
    year: number;
    asOf?: string | null | undefined;
    format: 'docx' | 'xlsx';
    dir?: string | null | undefined;
    fileName?: string | null | undefined;
    overwrite?: boolean | undefined;
  },
): Promise<WrittenFile> {
  const a = assessment(ctx, input.year, input.asOf);
  const office = readOffice(ctx);
  const title = assessmentTitle(a.year);
  const bytes =
    input.format === 'xlsx'
      ? await assessmentWorkbook(a, office.name)
      : await (await loadDocxRenderer()).renderDocx({
          title,
          blocks: [
            {
              type: 'paragraph',
              text: `统计截至${chineseDate(a.asOf)}。发布会和出席次数按新闻发布工作考核规则计算；发布渠道按各发布材料登记的发布记录统计；舆情按登记时间统计，按时回应指在时限内回应。`,
            },
            { type: 'table', ...assessmentTable(a) },
          ],
          signature: { office: office.signature || office.name, date: a.asOf },
          draft: false,
          landscape: true,
          author: office.name,
        });
  const ext = `.${input.format}`;
  const fileName = input.fileName ? checkedFileName(input.fileName, ext) : safeFileName(title, ext);
  return writeExport({ dir: input.dir ?? exportDir(ctx), fileName, overwrite: input.overwrite }, bytes);
}
