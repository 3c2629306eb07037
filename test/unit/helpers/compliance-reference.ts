// The compliance computation as it was before the tally (commit 03fdd3b), kept verbatim as the
// oracle the new path is compared with (test/unit/compliance-equivalence.test.ts): the engine that
// counted with sets and sorted each list, and the loader that read every attended row.
import { sql } from 'drizzle-orm';
import { covers, QUARTERS, quarterPeriod, yearPeriod } from '../../../common/domain/periods';
import {
  type ComplianceInput,
  type ComplianceReport,
  type DepartmentCompliance,
  isListedDuring,
  periodStatus,
  type QuarterResult,
  type QuotaAttendance,
  type QuotaConference,
  type QuotaKind,
  type QuotaStatus,
  ruleFor,
} from '../../../common/domain/quota';
import type { Role } from '../../../common/schemas';
import type { Db } from '../../../db/open';
import type { QuotaData } from '../../../db/queries/compliance';
import { listQuotaRules } from '../../../db/queries/quota-rules';

const RESPONSIBLE_ROLES: ReadonlySet<Role> = new Set(['spokesperson', 'deputy', 'head']);

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

export function referenceCompliance(input: ComplianceInput): ComplianceReport {
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

function loadDepartmentsAndRules(db: Db): Pick<QuotaData, 'departments' | 'rules'> {
  const departments = db
    .all<{
      id: string;
      name: string;
      full_name: string;
      listed: number;
      listed_from: string | null;
      listed_until: string | null;
      sort_order: number;
      status: string;
    }>(sql`SELECT id, name, full_name, listed, listed_from, listed_until, sort_order, status
           FROM departments ORDER BY sort_order, id`)
    .map((d) => ({
      id: d.id,
      name: d.name,
      fullName: d.full_name,
      listed: d.listed === 1,
      listedFrom: d.listed_from,
      listedUntil: d.listed_until,
      sortOrder: d.sort_order,
      status: d.status,
    }));

  return { departments, rules: listQuotaRules(db) };
}

/**
 * What the compliance engine counts for a range of years, and no more: held conferences, and the
 * attended rows of held city conferences resolved to their department. Rows come back as arrays
 * of rowids (no id strings per row: building 7,700 row objects of UUIDs cost more than the query);
 * the attendance is read through the covering `attendance_quota_idx`.
 */
export function referenceComplianceData(
  db: Db,
  from: string,
  to: string,
): Omit<QuotaData, 'attendance'> & { attendance: QuotaAttendance[] } {
  const { departments, rules } = loadDepartmentsAndRules(db);
  const rows = db.values<[number, string, string, 'city' | 'department', string | null]>(
    sql`SELECT c.rowid, c.id, c.date, c.organizer, c.host_department_id FROM conferences c
        WHERE c.status = 'held' AND c.date BETWEEN ${from} AND ${to}
        ORDER BY c.date, c.id`,
  );
  const byRowid = new Map<number, QuotaConference & { departmentIds: string[] }>();
  const conferences = rows.map(([rowid, id, date, organizer, host]) => {
    const c = { id, date, organizer, status: 'held' as const, hostDepartmentId: host, departmentIds: [] as string[] };
    byRowid.set(rowid, c);
    return c;
  });
  for (const [rowid, departmentId] of db.values<[number, string]>(
    // In no particular order: the engine asks only whether a department took part.
    sql`SELECT c.rowid, cd.department_id FROM conferences c JOIN conference_departments cd ON cd.conference_id = c.id
        WHERE c.status = 'held' AND c.date BETWEEN ${from} AND ${to}`,
  )) {
    byRowid.get(rowid)?.departmentIds.push(departmentId);
  }
  // A row's department, else its person's: people are looked up here, not joined per row (the join
  // by a text key costs more than the rest of the query).
  const personDepartment = new Map(db.values<[string, string]>(sql`SELECT id, department_id FROM people`));
  const attendance: QuotaAttendance[] = [];
  for (const [conferenceRowid, personId, rowDepartmentId, role] of db.values<
    [number, string | null, string | null, Role]
  >(
    // The person only where the row names no department (check-in always does): a string less per row.
    sql`SELECT c.rowid, CASE WHEN a.department_id IS NULL THEN a.person_id END, a.department_id, a.role
        FROM conferences c
        JOIN attendance a ON a.conference_id = c.id AND a.status = 'attended'
        WHERE c.status = 'held' AND c.organizer = 'city' AND c.date BETWEEN ${from} AND ${to}`,
  )) {
    const c = byRowid.get(conferenceRowid);
    const departmentId = rowDepartmentId ?? (personId === null ? undefined : personDepartment.get(personId));
    if (c && departmentId) attendance.push({ conferenceId: c.id, departmentId, role, status: 'attended' });
  }
  return { departments, conferences, attendance, rules };
}
