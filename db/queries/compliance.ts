// What the quota engine and the planner start from: the register in its order and the quota rules,
// and for a range of years (the planner's) the conferences with their departments and the attendance
// resolved to its department. A year's compliance tally is read in compliance-tally.ts.
import { sql } from 'drizzle-orm';
import type { QuotaAttendance, QuotaConference, QuotaDepartment } from '../../common/domain/quota';
import type { Role } from '../../common/schemas';
import type { Db } from '../open';
import { listQuotaRules } from './quota-rules';

export interface QuotaData {
  departments: (QuotaDepartment & { sortOrder: number; status: string })[];
  conferences: QuotaConference[];
  attendance: (QuotaAttendance & { personId: string })[];
  rules: ReturnType<typeof listQuotaRules>;
}

/** The register in its order, and the quota rules: what every report and plan starts from. */
export function loadQuotaRegister(db: Db): Pick<QuotaData, 'departments' | 'rules'> {
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
  const { departments, rules } = loadQuotaRegister(db);
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
