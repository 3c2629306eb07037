// Pure helpers of the portal and assessment screens: folder paths (the renderer has no `path`
// module), the 摘要 length as the service counts it, the plan as one list, progress and file names.
import { RELEASE_CHANNELS } from '../../../../common/opinion-schemas';
import type { AssessmentRow, PortalPlan } from '../../../../common/opinion-types';

/** The 摘要 limit of portalEntryFields. */
export const SUMMARY_MAX = 100;

/** Characters as the service counts them: code points, so that 𠮷 is one, not two. */
export function summaryLength(text: string): number {
  return Array.from(text).length;
}

/** A folder of the user's machine joined with a name, with the separator the folder itself uses. */
export function joinPath(dir: string, name: string): string {
  const trimmed = dir.trim();
  const last = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const sep = last >= 0 ? trimmed.charAt(last) : /^[A-Za-z]:$/.test(trimmed) ? '\\' : '/';
  // Trailing separators go; a root ("/", "C:" + separator) then ends where the separator is put back.
  return `${trimmed.replace(/[\\/]+$/, '')}${sep}${name}`;
}

/** The folder packages go to unless the user chose another: `<export folder>/portal`. */
export function defaultPortalDir(exportDir: string | null | undefined): string {
  return exportDir ? joinPath(exportDir, 'portal') : '';
}

export function shortHash(sha256: string, length = 12): string {
  return sha256.slice(0, length);
}

export interface PortalProgressValue {
  phase: 'render' | 'write' | 'zip' | 'done';
  done: number;
  total: number;
}

/**
 * The bar's percentage: rendering is the long part (0–80 %), writing follows (80–95 %), the zip last.
 * Never 100 before the answer arrives, so the bar does not look finished while files are still written.
 */
export function progressPercent(p: PortalProgressValue | null | undefined): number {
  if (!p) return 0;
  const share = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 1;
  switch (p.phase) {
    case 'render':
      return Math.round(share * 80);
    case 'write':
      return 80 + Math.round(share * 15);
    case 'zip':
      return 95 + Math.round(share * 4);
    case 'done':
      return 99;
  }
}

export type PlanChange = 'added' | 'changed' | 'withdrawn' | 'held';

export interface PlanRow {
  key: string;
  change: PlanChange;
  documentId: string;
  title: string;
  /** The 栏目; unknown for a withdrawn or held item. */
  column: string | null;
  kind: string | null;
  indexNo: string | null;
  /** Why a held item waits (the service's words). */
  reason: string | null;
  /** The policy a 政策解读 goes with. */
  interprets: string | null;
}

/** The next package as one list: 新增, 更新, 撤回, then 暂缓, each by title. */
export function planRows(plan: PortalPlan): PlanRow[] {
  const row = (
    change: PlanChange,
    documentId: string,
    title: string,
    rest: Partial<Omit<PlanRow, 'key' | 'change'>> = {},
  ): PlanRow => ({
    key: `${change}:${documentId}`,
    change,
    documentId,
    title,
    column: rest.column ?? null,
    kind: rest.kind ?? null,
    indexNo: rest.indexNo ?? null,
    reason: rest.reason ?? null,
    interprets: rest.interprets ?? null,
  });
  // The service lists by id; people look for a title (第2号 before 第10号).
  const byTitle = (a: PlanRow, b: PlanRow) => a.title.localeCompare(b.title, 'zh-Hans-CN', { numeric: true });
  return [
    ...plan.added.map((i) => row('added', i.documentId, i.title, i)).sort(byTitle),
    ...plan.changed.map((i) => row('changed', i.documentId, i.title, i)).sort(byTitle),
    ...plan.withdrawn.map((w) => row('withdrawn', w.documentId, w.title, { indexNo: w.indexNo })).sort(byTitle),
    ...plan.held.map((h) => row('held', h.documentId, h.title, { reason: h.reason })).sort(byTitle),
  ];
}

/** Whether an export would write anything without 全量导出. */
export function planHasChanges(plan: PortalPlan): boolean {
  return plan.added.length + plan.changed.length + plan.withdrawn.length > 0;
}

export const assessmentTitle = (year: number) => `${year}年度新闻发布和政务公开工作考核情况`;

/** The file name the office uses for the sheet, as the service titles it. */
export function assessmentFileName(year: number, format: 'xlsx' | 'docx'): string {
  return `${assessmentTitle(year)}.${format}`;
}

export type AssessmentTotals = Omit<AssessmentRow, 'departmentId' | 'name' | 'fullName'>;

/** The 合计 row of the assessment table. */
export function assessmentTotals(rows: AssessmentRow[]): AssessmentTotals {
  const releases = Object.fromEntries(RELEASE_CHANNELS.map((c) => [c, 0])) as AssessmentTotals['releases'];
  const totals: AssessmentTotals = {
    conferencesHeld: 0,
    responsibleAttendances: 0,
    headAttendances: 0,
    releases,
    interpretations: 0,
    interpretationsWithPolicy: 0,
    opinionItems: 0,
    opinionWithinDeadline: 0,
  };
  for (const r of rows) {
    totals.conferencesHeld += r.conferencesHeld;
    totals.responsibleAttendances += r.responsibleAttendances;
    totals.headAttendances += r.headAttendances;
    for (const c of RELEASE_CHANNELS) releases[c] += r.releases[c];
    totals.interpretations += r.interpretations;
    totals.interpretationsWithPolicy += r.interpretationsWithPolicy;
    totals.opinionItems += r.opinionItems;
    totals.opinionWithinDeadline += r.opinionWithinDeadline;
  }
  return totals;
}
