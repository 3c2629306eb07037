// The quota engine (notice 一.1 and 附件1), as pure functions over query results:
// - a listed department holds (hosts or releases at) at least one conference a quarter;
// - its spokesperson or another responsible person attends a city conference at least once a quarter;
// - its head attends a city conference at least once a year.
// The minimums and the dates they take effect are data (quota rules), not code.
import type { Role } from '../schemas';
import { covers, overlaps, type Period, QUARTERS, type Quarter, quarterPeriod, yearPeriod } from './periods';

export type QuotaKind = 'department_conferences' | 'responsible_attendance' | 'head_attendance';
export type QuotaStatus = 'met' | 'missed' | 'pending' | 'upcoming' | 'exempt';

export interface QuotaRule {
  kind: QuotaKind;
  minimum: number;
  effectiveFrom: string;
}

export interface QuotaDepartment {
  id: string;
  name: string;
  fullName: string;
  listed: boolean;
  listedFrom: string | null;
  listedUntil: string | null;
}

export interface QuotaConference {
  id: string;
  date: string;
  organizer: 'city' | 'department';
  status: 'planned' | 'held' | 'cancelled';
  hostDepartmentId: string | null;
  departmentIds: readonly string[];
}

export interface QuotaAttendance {
  conferenceId: string;
  /** The department the attendance counts for (the row's, else the person's). */
  departmentId: string;
  role: Role;
  status: 'attended' | 'absent';
}

export interface QuarterResult {
  quarter: Quarter;
  conferences: number;
  conferenceStatus: QuotaStatus;
  responsibleAttendances: number;
  responsibleStatus: QuotaStatus;
  /** The held conferences behind each count, for drilling down. */
  conferenceIds: string[];
  responsibleConferenceIds: string[];
}

export interface DepartmentCompliance {
  departmentId: string;
  name: string;
  fullName: string;
  headAttendances: number;
  headStatus: QuotaStatus;
  headConferenceIds: string[];
  compliant: boolean;
  quarters: QuarterResult[];
}

export interface ComplianceReport {
  year: number;
  quarter: Quarter | null;
  asOf: string;
  rules: QuotaRule[];
  departments: DepartmentCompliance[];
}

export interface ComplianceInput {
  year: number;
  quarter?: Quarter | null | undefined;
  asOf: string;
  /** In register order; the report keeps it. */
  departments: readonly QuotaDepartment[];
  conferences: readonly QuotaConference[];
  attendance: readonly QuotaAttendance[];
  rules: readonly QuotaRule[];
}

export const NOTICE_2014_RULES: readonly QuotaRule[] = [
  { kind: 'department_conferences', minimum: 1, effectiveFrom: '2014-07-01' },
  { kind: 'responsible_attendance', minimum: 1, effectiveFrom: '2014-07-01' },
  { kind: 'head_attendance', minimum: 1, effectiveFrom: '2014-07-01' },
];

const RESPONSIBLE_ROLES: ReadonlySet<Role> = new Set(['spokesperson', 'deputy', 'head']);

/** The rule of a kind in force for a period: the latest one taking effect by the period's end. */
export function ruleFor(rules: readonly QuotaRule[], kind: QuotaKind, period: Period): QuotaRule | null {
  let best: QuotaRule | null = null;
  for (const r of rules) {
    if (r.kind !== kind || r.effectiveFrom > period.end) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

/** A period's status against the as-of date, for a period the rule applies to. */
export function periodStatus(period: Period, count: number, minimum: number, asOf: string): QuotaStatus {
  const met = count >= minimum;
  if (period.end < asOf) return met ? 'met' : 'missed';
  if (period.start <= asOf) return met ? 'met' : 'pending';
  return met ? 'met' : 'upcoming';
}

export function isListedDuring(d: QuotaDepartment, period: Period): boolean {
  return d.listed && overlaps(period, d.listedFrom, d.listedUntil);
}

function countInto(map: Map<string, Set<string>>, key: string, conferenceId: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(conferenceId);
}

/** ISO dates and ids compare by code unit; `localeCompare` costs a collator call per comparison. */
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const key = (departmentId: string, period: string) => `${departmentId}\u0000${period}`;

export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const { year, asOf, rules } = input;
  const yearRange = yearPeriod(year);
  const quarters = input.quarter ? [input.quarter] : QUARTERS;

  // Only held conferences count, whatever was planned or cancelled.
  const held = new Map<string, QuotaConference>();
  for (const c of input.conferences) {
    if (c.status === 'held' && yearRange.start <= c.date && c.date <= yearRange.end) held.set(c.id, c);
  }
  const quarterKey = (date: string) => String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);

  const hosted = new Map<string, Set<string>>();
  for (const c of held.values()) {
    const q = quarterKey(c.date);
    if (c.hostDepartmentId) countInto(hosted, key(c.hostDepartmentId, q), c.id);
    for (const d of c.departmentIds) countInto(hosted, key(d, q), c.id);
  }

  const responsible = new Map<string, Set<string>>();
  const heads = new Map<string, Set<string>>();
  for (const a of input.attendance) {
    if (a.status !== 'attended') continue;
    const c = held.get(a.conferenceId);
    if (c?.organizer !== 'city') continue;
    if (RESPONSIBLE_ROLES.has(a.role)) countInto(responsible, key(a.departmentId, quarterKey(c.date)), c.id);
    if (a.role === 'head') countInto(heads, a.departmentId, c.id);
  }

  const sorted = (set: Set<string> | undefined) =>
    set ? [...set].sort((x, y) => codeOrder(held.get(x)?.date ?? '', held.get(y)?.date ?? '') || codeOrder(x, y)) : [];

  const departments: DepartmentCompliance[] = [];
  for (const d of input.departments) {
    if (!isListedDuring(d, yearRange)) continue;

    const quarterResults = quarters.map((quarter): QuarterResult => {
      const period = quarterPeriod(year, quarter);
      const listed = isListedDuring(d, period);
      const conferenceIds = sorted(hosted.get(key(d.id, String(quarter))));
      const responsibleConferenceIds = sorted(responsible.get(key(d.id, String(quarter))));
      const status = (kind: QuotaKind, count: number): QuotaStatus => {
        const rule = ruleFor(rules, kind, period);
        if (!listed || !rule) return 'exempt';
        return periodStatus(period, count, rule.minimum, asOf);
      };
      return {
        quarter,
        conferences: conferenceIds.length,
        conferenceStatus: status('department_conferences', conferenceIds.length),
        responsibleAttendances: responsibleConferenceIds.length,
        responsibleStatus: status('responsible_attendance', responsibleConferenceIds.length),
        conferenceIds,
        responsibleConferenceIds,
      };
    });

    // The head quota applies to a year with at least one whole listed quarter.
    const wholeQuarterListed = QUARTERS.some(
      (q) => d.listed && covers(d.listedFrom, d.listedUntil, quarterPeriod(year, q)),
    );
    const headRule = ruleFor(rules, 'head_attendance', yearRange);
    const headConferenceIds = sorted(heads.get(d.id));
    const headStatus: QuotaStatus =
      wholeQuarterListed && headRule
        ? periodStatus(yearRange, headConferenceIds.length, headRule.minimum, asOf)
        : 'exempt';

    const compliant =
      headStatus !== 'missed' &&
      quarterResults.every((q) => q.conferenceStatus !== 'missed' && q.responsibleStatus !== 'missed');
    departments.push({
      departmentId: d.id,
      name: d.name,
      fullName: d.fullName,
      headAttendances: headConferenceIds.length,
      headStatus,
      headConferenceIds,
      compliant,
      quarters: quarterResults,
    });
  }
  return { year, quarter: input.quarter ?? null, asOf, rules: [...rules], departments };
}
