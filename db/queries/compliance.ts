// Loads what the quota engine needs for a range of years: departments in register order, the
// conferences of the range with their departments, and the attendance resolved to its department.
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

export function loadQuotaData(db: Db, from: string, to: string): QuotaData {
  const { departments, rules } = loadDepartmentsAndRules(db);

  const rows = db.all<{
    id: string;
    date: string;
    organizer: 'city' | 'department';
    status: QuotaConference['status'];
    host_department_id: string | null;
    department_ids: string | null;
  }>(sql`SELECT c.id, c.date, c.organizer, c.status, c.host_department_id,
           (SELECT group_concat(department_id, char(31)) FROM
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
      departmentIds: c.department_ids ? c.department_ids.split('\u001f') : [],
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
 * What the compliance engine counts for a range of years, and no more: held conferences, and the
 * attended rows of held city conferences resolved to their department. Rows come back as arrays
 * of rowids (no id strings per row: building 7,700 row objects of UUIDs cost more than the query);
 * the attendance is read through the covering `attendance_quota_idx`.
 */
export function loadComplianceData(
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
