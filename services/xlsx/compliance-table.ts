// 达标情况表 as a table of typed cells, shared by the .xlsx export and the .docx circular (通报): one
// row per listed department in register order, the quarters in scope, the head's yearly quota and
// a totals row. Pure: text is as stored (no escaping); each writer makes it safe for its format.
import type { Quarter } from '../../common/domain/periods';
import type { ComplianceReport, QuotaKind, QuotaRule, QuotaStatus } from '../../common/domain/quota';

export const STATUS_TEXT: Readonly<Record<QuotaStatus, string>> = {
  met: '达标',
  missed: '未达标',
  pending: '进行中',
  upcoming: '未开始',
  exempt: '不适用',
};

export const COMPLIANT_TEXT = { yes: '是', no: '否' } as const;

export type ComplianceCell =
  | { kind: 'text'; text: string }
  | { kind: 'count'; value: number }
  | { kind: 'status'; status: QuotaStatus; text: string }
  | { kind: 'verdict'; compliant: boolean; text: string };

export interface ComplianceColumn {
  /** The column's own header, e.g. 发布会场次. */
  header: string;
  /** The group it sits under (第1季度, 全年), or null for a column that spans both header rows. */
  group: string | null;
  kind: ComplianceCell['kind'] | 'index';
}

export interface ComplianceGrid {
  columns: ComplianceColumn[];
  rows: ComplianceCell[][];
  /** 合计: counts summed, statuses as "达标 n/m" over the departments the quota applies to. */
  totals: ComplianceCell[];
}

const text = (t: string): ComplianceCell => ({ kind: 'text', text: t });
const count = (value: number): ComplianceCell => ({ kind: 'count', value });
const status = (s: QuotaStatus): ComplianceCell => ({ kind: 'status', status: s, text: STATUS_TEXT[s] });

export const quarterLabel = (q: Quarter) => `第${q}季度`;
export const YEAR_LABEL = '全年';

/** The quarters the report covers, from its departments (all share them), else from its scope. */
function quartersOf(report: ComplianceReport): Quarter[] {
  const first = report.departments[0];
  if (first) return first.quarters.map((q) => q.quarter);
  return report.quarter ? [report.quarter] : [1, 2, 3, 4];
}

function metOf(statuses: QuotaStatus[]): string {
  const applies = statuses.filter((s) => s !== 'exempt');
  return `${STATUS_TEXT.met} ${applies.filter((s) => s === 'met').length}/${applies.length}`;
}

export function complianceGrid(report: ComplianceReport): ComplianceGrid {
  const quarters = quartersOf(report);
  const columns: ComplianceColumn[] = [
    { header: '序号', group: null, kind: 'index' },
    { header: '简称', group: null, kind: 'text' },
    { header: '全称', group: null, kind: 'text' },
  ];
  for (const q of quarters) {
    const group = quarterLabel(q);
    columns.push(
      { header: '发布会场次', group, kind: 'count' },
      { header: '状态', group, kind: 'status' },
      { header: '发言人出席', group, kind: 'count' },
      { header: '状态', group, kind: 'status' },
    );
  }
  columns.push(
    { header: '主要负责人出席', group: YEAR_LABEL, kind: 'count' },
    { header: '状态', group: YEAR_LABEL, kind: 'status' },
    { header: '是否达标', group: null, kind: 'verdict' },
  );

  const rows = report.departments.map((d, i): ComplianceCell[] => {
    const cells: ComplianceCell[] = [count(i + 1), text(d.name), text(d.fullName)];
    for (const q of quarters) {
      const r = d.quarters.find((x) => x.quarter === q);
      cells.push(
        count(r?.conferences ?? 0),
        status(r?.conferenceStatus ?? 'exempt'),
        count(r?.responsibleAttendances ?? 0),
        status(r?.responsibleStatus ?? 'exempt'),
      );
    }
    cells.push(count(d.headAttendances), status(d.headStatus), {
      kind: 'verdict',
      compliant: d.compliant,
      text: d.compliant ? COMPLIANT_TEXT.yes : COMPLIANT_TEXT.no,
    });
    return cells;
  });

  const ds = report.departments;
  const sum = (f: (d: (typeof ds)[number]) => number) => ds.reduce((n, d) => n + f(d), 0);
  const quarterOf = (d: (typeof ds)[number], q: Quarter) => d.quarters.find((x) => x.quarter === q);
  const totals: ComplianceCell[] = [text('合计'), text(`${ds.length} 个部门`), text('')];
  for (const q of quarters) {
    totals.push(
      count(sum((d) => quarterOf(d, q)?.conferences ?? 0)),
      text(metOf(ds.map((d) => quarterOf(d, q)?.conferenceStatus ?? 'exempt'))),
      count(sum((d) => quarterOf(d, q)?.responsibleAttendances ?? 0)),
      text(metOf(ds.map((d) => quarterOf(d, q)?.responsibleStatus ?? 'exempt'))),
    );
  }
  totals.push(
    count(sum((d) => d.headAttendances)),
    text(metOf(ds.map((d) => d.headStatus))),
    text(`${COMPLIANT_TEXT.yes} ${ds.filter((d) => d.compliant).length}/${ds.length}`),
  );
  return { columns, rows, totals };
}

export function cellText(c: ComplianceCell): string {
  return c.kind === 'count' ? String(c.value) : c.text;
}

/**
 * The same table flattened to text for a .docx table: one header row ("第1季度 发布会场次"), the
 * department rows, and the totals row last.
 */
export function complianceRows(report: ComplianceReport): { header: string[]; rows: string[][]; totals: string[] } {
  const grid = complianceGrid(report);
  return {
    header: grid.columns.map((c) => (c.group ? `${c.group} ${c.header}` : c.header)),
    rows: grid.rows.map((r) => r.map(cellText)),
    totals: grid.totals.map(cellText),
  };
}

export function complianceTitle(report: Pick<ComplianceReport, 'year' | 'quarter'>): string {
  return report.quarter
    ? `${report.year}年第${report.quarter}季度新闻发布工作达标情况`
    : `${report.year}年度新闻发布工作达标情况`;
}

const RULE_TEXT: Record<QuotaKind, (n: number) => string> = {
  department_conferences: (n) => `各部门每季度至少举办${n}次新闻发布会`,
  responsible_attendance: (n) => `新闻发言人或相关负责人每季度至少出席${n}次市政府新闻发布会`,
  head_attendance: (n) => `主要负责人每年至少出席${n}次市政府新闻发布会`,
};
const KINDS: readonly QuotaKind[] = ['department_conferences', 'responsible_attendance', 'head_attendance'];

/**
 * The rules in force at some point of the report's period, with the date each took effect:
 * "各部门每季度至少举办1次新闻发布会（自2014-07-01起）；…". A rule superseded before the period
 * starts, or taking effect after it ends, is left out.
 */
export function rulesText(report: Pick<ComplianceReport, 'year' | 'quarter' | 'rules'>): string {
  const y = String(report.year).padStart(4, '0');
  const q = report.quarter;
  const start = q ? `${y}-${String(q * 3 - 2).padStart(2, '0')}-01` : `${y}-01-01`;
  const end = q ? `${y}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}` : `${y}-12-31`;
  const parts: string[] = [];
  for (const kind of KINDS) {
    const ofKind = report.rules
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    ofKind.forEach((r: QuotaRule, i) => {
      const next = ofKind[i + 1];
      if (r.effectiveFrom > end || (next && next.effectiveFrom <= start)) return;
      parts.push(`${RULE_TEXT[kind](r.minimum)}（自${r.effectiveFrom}起）`);
    });
  }
  return parts.length ? parts.join('；') : '本期间无适用的考核规则';
}
