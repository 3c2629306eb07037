// Loads what the quota engine needs for a range of years: departments in register order, the
// conferences of the range with their departments, and the attendance resolved to its department.
import { type SQL, sql } from 'drizzle-orm';
import {
  type QuotaAttendance,
  type QuotaConference,
  type QuotaDepartment,
  QuotaTally,
  reportedDepartments,
} from '../../common/domain/quota';
import { ROLES, type Role } from '../../common/schemas';
import type { Db } from '../open';
import { listQuotaRules } from './quota-rules';

export interface QuotaData {
  departments: (QuotaDepartment & { sortOrder: number; status: string })[];
  conferences: QuotaConference[];
  attendance: (QuotaAttendance & { personId: string })[];
  rules: ReturnType<typeof listQuotaRules>;
}

function loadDepartmentsAndRules(db: Db): Pick<QuotaData, 'departments' | 'rules'> {
  const departments = db
    .values<[string, string, string, number, string | null, string | null, number, string]>(
      sql`SELECT id, name, full_name, listed, listed_from, listed_until, sort_order, status
          FROM departments ORDER BY sort_order, id`,
    )
    .map(([id, name, fullName, listed, listedFrom, listedUntil, sortOrder, status]) => ({
      id,
      name,
      fullName,
      listed: listed === 1,
      listedFrom,
      listedUntil,
      sortOrder,
      status,
    }));
  return { departments, rules: listQuotaRules(db) };
}

export function loadQuotaData(db: Db, from: string, to: string): QuotaData {
  const { departments, rules } = loadDepartmentsAndRules(db);
  // Not char(31) always: an id may hold any character (an imported register), and one holding the
  // separator would have been split in two.
  const [sep] = separatorsFor(
    departments.map((d) => d.id),
    1,
  ) as [string];

  const rows = db.all<{
    id: string;
    date: string;
    organizer: 'city' | 'department';
    status: QuotaConference['status'];
    host_department_id: string | null;
    department_ids: string | null;
  }>(sql`SELECT c.id, c.date, c.organizer, c.status, c.host_department_id,
           (SELECT group_concat(department_id, ${sep}) FROM
              (SELECT department_id FROM conference_departments cd WHERE cd.conference_id = c.id ORDER BY position)) AS department_ids
         FROM conferences c
         WHERE c.date BETWEEN ${from} AND ${to}
         ORDER BY c.date, c.id`);
  const conferences = rows.map(
    (c): QuotaConference => ({
      id: c.id,
      date: c.date,
      organizer: c.organizer,
      status: c.status,
      hostDepartmentId: c.host_department_id,
      departmentIds: c.department_ids ? c.department_ids.split(sep) : [],
    }),
  );

  const attendance = db
    .all<{
      conference_id: string;
      person_id: string;
      department_id: string;
      role: Role;
      status: 'attended' | 'absent';
    }>(
      sql`SELECT a.conference_id, a.person_id, coalesce(a.department_id, p.department_id) AS department_id, a.role, a.status
          FROM attendance a
          JOIN conferences c ON c.id = a.conference_id
          JOIN people p ON p.id = a.person_id
          WHERE c.date BETWEEN ${from} AND ${to}`,
    )
    .map((a) => ({
      conferenceId: a.conference_id,
      personId: a.person_id,
      departmentId: a.department_id,
      role: a.role,
      status: a.status,
    }));

  return { departments, conferences, attendance, rules };
}

/**
 * `count` characters that occur in none of the strings given, to join lists in one string and split
 * them again exactly. Every department id the tally's query joins is one of the register's (the
 * foreign keys of attendance, people and conference_departments), so separators absent from the
 * register's ids cannot split one.
 */
export function separatorsFor(strings: readonly string[], count: number): string[] {
  const usual = ['\u001f', '\u001e'].slice(0, count);
  if (usual.length === count && !strings.some((s) => usual.some((sep) => s.includes(sep)))) return usual;
  const used = new Set<number>();
  for (const s of strings) for (const ch of s) used.add(ch.codePointAt(0) ?? 0);
  const found: string[] = [];
  // The unit and record separators first; then the private use area, then any code point.
  for (let cp = 0x1f; found.length < count; cp = cp === 0x1e ? 0xe000 : cp === 0x1f ? 0x1e : cp + 1) {
    if ((cp < 0xd800 || cp > 0xdfff) && !used.has(cp)) found.push(String.fromCodePoint(cp));
  }
  return found;
}

/**
 * One row per held conference of the year: its id, date, organizer and host, the departments that
 * release at it, and for the city's conferences the departments of the attended rows (the row's,
 * else its person's) in one list per role of `ROLES`, the lists joined by `between`. One row and
 * two index seeks per conference, instead of a row per department and per attendance:
 * better-sqlite3 spends on building a row about what SQLite spends on reading ten, and splitting a
 * string costs less than either.
 */
export function complianceTallySql(sep: string, between: string, from: string, to: string): SQL {
  const department = sql`coalesce(a.department_id, (SELECT p.department_id FROM people p WHERE p.id = a.person_id))`;
  const byRole = sql.join(
    ROLES.map((role) => sql`coalesce(group_concat(CASE WHEN a.role = ${role} THEN ${department} END, ${sep}), '')`),
    sql` || ${between} || `,
  );
  return sql`SELECT c.id, c.date, c.organizer, c.host_department_id,
      (SELECT group_concat(cd.department_id, ${sep}) FROM conference_departments cd WHERE cd.conference_id = c.id),
      CASE WHEN c.organizer = 'city' THEN
        (SELECT ${byRole} FROM attendance a WHERE a.conference_id = c.id AND a.status = 'attended')
      END
    FROM conferences c
    WHERE c.status = 'held' AND c.date BETWEEN ${from} AND ${to}
    ORDER BY c.date`;
}

type TallyRow = [
  id: string,
  date: string,
  organizer: QuotaConference['organizer'],
  host: string | null,
  releasing: string | null,
  attendedByRole: string | null,
];

/**
 * The register and rules, and the tally of a year's held conferences for the departments a report
 * covers: what `computeCompliance` would count from `loadQuotaData`, read through the covering
 * indexes (`conferences_status_date_idx`, `attendance_quota_idx`) without a row per attendance.
 */
export function loadComplianceTally(
  db: Db,
  year: number,
): Pick<QuotaData, 'departments' | 'rules'> & { tally: QuotaTally } {
  const { departments, rules } = loadDepartmentsAndRules(db);
  const reported = reportedDepartments(departments, year);
  const tally = new QuotaTally(reported.map((d) => d.id));
  const [sep, between] = separatorsFor(
    departments.map((d) => d.id),
    2,
  ) as [string, string];
  const y = String(year).padStart(4, '0');
  const rows = db.values<TallyRow>(complianceTallySql(sep, between, `${y}-01-01`, `${y}-12-31`));
  // In (date, id) by code unit, as the tally wants. By date from the index (no sorting in SQLite, which
  // would copy every row's lists); the few conferences of a day are put in order here.
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [id, date, organizer, host, releasing, attendedByRole] of rows) {
    tally.conference(id, date, organizer);
    if (host) tally.holder(host);
    if (releasing !== null) for (const d of releasing.split(sep)) tally.holder(d);
    if (attendedByRole === null) continue;
    const lists = attendedByRole.split(between);
    for (let r = 0; r < ROLES.length; r++) {
      const list = lists[r];
      // A row resolved to no department (or to an empty id) counts for none.
      if (list) for (const d of list.split(sep)) if (d) tally.attended(d, ROLES[r] as Role);
    }
  }
  return { departments, rules, tally };
}
