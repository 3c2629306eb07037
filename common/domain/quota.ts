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
 * What the quotas count in one year, per department: the lists a report shows. Gathered one held
 * conference at a time in (date, id) order, so that each list comes out sorted and without repeats
 * as it grows (a conference is appended unless it is already the list's last): no sets, no sorting.
 * Or given whole, a cell at a time, from the lists the database keeps (`quota_cells`). Only the
 * departments asked about are kept: anything naming another counts for nothing in the report.
 */
export class QuotaTally {
  private readonly slot = new Map<string, number>();
  /**
   * Per department (slot × 9): the conferences it held in each quarter (+0…3), those a responsible
   * person of it attended in each quarter (+4…7), and those its head attended in the year (+8).
   */
  private readonly lists: (string[] | undefined)[];
  /** Lists already handed to a report: a second department of the same id gets a copy. */
  private readonly given: Uint8Array;
  private id: string | null = null;
  private date = '';
  private quarter = 0;
  private city = false;

  constructor(departmentIds: Iterable<string>) {
    for (const id of departmentIds) if (!this.slot.has(id)) this.slot.set(id, this.slot.size);
    this.lists = new Array(this.slot.size * 9);
    this.given = new Uint8Array(this.slot.size * 9);
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
    if (s !== undefined && this.quarter) this.append(s * 9 + this.quarter - 1);
  }

  /** Someone of the department attended the current conference in this role. */
  attended(departmentId: string, role: Role): void {
    const s = this.slot.get(departmentId);
    if (s === undefined || !this.city || !RESPONSIBLE_ROLES.has(role)) return;
    if (this.quarter) this.append(s * 9 + 4 + this.quarter - 1);
    if (role === 'head') this.append(s * 9 + 8);
  }

  /**
   * A list read whole (a cell of `quota_cells`): what `holder` (kind 0) or `attended` (1, and 2
   * for the head's list of the year, whatever the quarter) would have made of the conferences it
   * names. In (date, id) order, each once.
   */
  cell(kind: 0 | 1 | 2, departmentId: string, quarter: number, conferenceIds: string[]): void {
    const s = this.slot.get(departmentId);
    if (s === undefined) return;
    if (kind === 2) this.lists[s * 9 + 8] = conferenceIds;
    else if (quarter >= 1 && quarter <= 4) this.lists[s * 9 + kind * 4 + quarter - 1] = conferenceIds;
  }

  /** The lists a report shows; the report takes them, so nothing is added once one is asked for. */
  heldIn(departmentId: string, quarter: Quarter): string[] {
    return this.take(departmentId, quarter - 1);
  }

  responsibleIn(departmentId: string, quarter: Quarter): string[] {
    return this.take(departmentId, 4 + quarter - 1);
  }

  headsOf(departmentId: string): string[] {
    return this.take(departmentId, 8);
  }

  private append(index: number): void {
    const list = this.lists[index];
    if (!list) this.lists[index] = [this.id as string];
    else if (list[list.length - 1] !== this.id) list.push(this.id as string);
  }

  private take(departmentId: string, offset: number): string[] {
    const s = this.slot.get(departmentId);
    const list = s === undefined ? undefined : this.lists[s * 9 + offset];
    if (s === undefined || !list) return [];
    if (this.given[s * 9 + offset]) return [...list];
    this.given[s * 9 + offset] = 1;
    return list;
  }
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
