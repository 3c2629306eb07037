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

/** ISO dates and ids compare by code unit; `localeCompare` costs a collator call per comparison. */
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The quarter of an ISO date inside the year, or 0 for a date the quarters cannot place. */
function quarterIndex(date: string): number {
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return q >= 1 && q <= 4 ? q : 0;
}

/**
 * What the quotas count in one year, gathered one held conference at a time. The conferences come
 * in (date, id) order, so each department's lists come out sorted and without repeats as they
 * grow: a conference is appended unless it is already the list's last. No sets, no sorting, and
 * only the departments asked about are kept (anything naming another department counts for nothing
 * in the report).
 */
export class QuotaTally {
  private readonly slot = new Map<string, number>();
  /** Per department and quarter (slot × 4 + quarter − 1): the conferences held, and attended by a responsible person. */
  private readonly held: string[][];
  private readonly responsible: string[][];
  /** Per department: the city conferences its head attended, the whole year. */
  private readonly heads: string[][];
  private id: string | null = null;
  private date = '';
  private quarter = 0;
  private city = false;

  constructor(departmentIds: Iterable<string>) {
    for (const id of departmentIds) if (!this.slot.has(id)) this.slot.set(id, this.slot.size);
    const n = this.slot.size;
    this.held = Array.from({ length: n * 4 }, () => []);
    this.responsible = Array.from({ length: n * 4 }, () => []);
    this.heads = Array.from({ length: n }, () => []);
  }

  /** The next held conference of the year; conferences must come in (date, id) order, each once. */
  conference(id: string, date: string, organizer: QuotaConference['organizer']): void {
    if (this.id !== null && (codeOrder(this.date, date) || codeOrder(this.id, id)) >= 0) {
      throw new Error(`quota tally: conference ${id} (${date}) comes after ${this.id} (${this.date})`);
    }
    this.id = id;
    this.date = date;
    this.quarter = quarterIndex(date);
    this.city = organizer === 'city';
  }

  /** The department hosts the current conference or releases at it. */
  holder(departmentId: string): void {
    const s = this.slot.get(departmentId);
    if (s !== undefined && this.quarter) append(this.held[s * 4 + this.quarter - 1], this.id);
  }

  /** Someone of the department attended the current conference in this role. */
  attended(departmentId: string, role: Role): void {
    const s = this.slot.get(departmentId);
    if (s === undefined || !this.city || !RESPONSIBLE_ROLES.has(role)) return;
    if (this.quarter) append(this.responsible[s * 4 + this.quarter - 1], this.id);
    if (role === 'head') append(this.heads[s], this.id);
  }

  heldIn(departmentId: string, quarter: Quarter): string[] {
    return this.list(this.held, departmentId, quarter);
  }

  responsibleIn(departmentId: string, quarter: Quarter): string[] {
    return this.list(this.responsible, departmentId, quarter);
  }

  headsOf(departmentId: string): string[] {
    const s = this.slot.get(departmentId);
    return s === undefined ? [] : [...(this.heads[s] ?? [])];
  }

  private list(lists: string[][], departmentId: string, quarter: Quarter): string[] {
    const s = this.slot.get(departmentId);
    return s === undefined ? [] : [...(lists[s * 4 + quarter - 1] ?? [])];
  }
}

function append(list: string[] | undefined, id: string | null): void {
  if (list && id !== null && list[list.length - 1] !== id) list.push(id);
}

/** The departments a report covers: those listed at some time in the year, in register order. */
export function reportedDepartments<D extends QuotaDepartment>(departments: readonly D[], year: number): D[] {
  const yearRange = yearPeriod(year);
  return departments.filter((d) => isListedDuring(d, yearRange));
}

export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const { year } = input;
  const yearRange = yearPeriod(year);

  // Only held conferences count, whatever was planned or cancelled.
  const held = new Map<string, QuotaConference>();
  for (const c of input.conferences) {
    if (c.status === 'held' && yearRange.start <= c.date && c.date <= yearRange.end) held.set(c.id, c);
  }
  const attended = new Map<string, QuotaAttendance[]>();
  for (const a of input.attendance) {
    if (a.status !== 'attended' || !held.has(a.conferenceId)) continue;
    const list = attended.get(a.conferenceId);
    if (list) list.push(a);
    else attended.set(a.conferenceId, [a]);
  }

  const departments = reportedDepartments(input.departments, year);
  const tally = new QuotaTally(departments.map((d) => d.id));
  const ordered = [...held.values()].sort((x, y) => codeOrder(x.date, y.date) || codeOrder(x.id, y.id));
  for (const c of ordered) {
    tally.conference(c.id, c.date, c.organizer);
    if (c.hostDepartmentId) tally.holder(c.hostDepartmentId);
    for (const d of c.departmentIds) tally.holder(d);
    for (const a of attended.get(c.id) ?? []) tally.attended(a.departmentId, a.role);
  }
  return complianceFromTally({ ...input, departments }, tally);
}

/** The report from a year's tally: each listed department's quarters and year against the rules. */
export function complianceFromTally(
  input: Pick<ComplianceInput, 'year' | 'quarter' | 'asOf' | 'departments' | 'rules'>,
  tally: QuotaTally,
): ComplianceReport {
  const { year, asOf, rules } = input;
  const yearRange = yearPeriod(year);
  const quarters = input.quarter ? [input.quarter] : QUARTERS;
  // The rules in force depend on the period only, not on the department.
  const inForce = quarters.map((quarter) => {
    const period = quarterPeriod(year, quarter);
    return {
      quarter,
      period,
      conferences: ruleFor(rules, 'department_conferences', period),
      responsible: ruleFor(rules, 'responsible_attendance', period),
    };
  });
  const headRule = ruleFor(rules, 'head_attendance', yearRange);

  const departments: DepartmentCompliance[] = [];
  for (const d of input.departments) {
    if (!isListedDuring(d, yearRange)) continue;

    const quarterResults = inForce.map(({ quarter, period, conferences, responsible }): QuarterResult => {
      const listed = isListedDuring(d, period);
      const conferenceIds = tally.heldIn(d.id, quarter);
      const responsibleConferenceIds = tally.responsibleIn(d.id, quarter);
      const status = (rule: QuotaRule | null, count: number): QuotaStatus =>
        !listed || !rule ? 'exempt' : periodStatus(period, count, rule.minimum, asOf);
      return {
        quarter,
        conferences: conferenceIds.length,
        conferenceStatus: status(conferences, conferenceIds.length),
        responsibleAttendances: responsibleConferenceIds.length,
        responsibleStatus: status(responsible, responsibleConferenceIds.length),
        conferenceIds,
        responsibleConferenceIds,
      };
    });

    // The head quota applies to a year with at least one whole listed quarter.
    const wholeQuarterListed = QUARTERS.some(
      (q) => d.listed && covers(d.listedFrom, d.listedUntil, quarterPeriod(year, q)),
    );
    const headConferenceIds = tally.headsOf(d.id);
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
