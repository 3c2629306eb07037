// A year's compliance tally: read from the cells the triggers of migration 0008 keep (`quota_cells`),
// or, for a year those cannot order as the engine does, gathered from its held conferences.
import { type SQL, sql } from 'drizzle-orm';
import { type QuotaConference, QuotaTally, reportedDepartments } from '../../common/domain/quota';
import { ROLES, type Role } from '../../common/schemas';
import type { Db } from '../open';
import { loadQuotaRegister, type QuotaData, separatorsFor } from './compliance';

/**
 * The register and rules, and the tally of a year's held conferences for the departments a report
 * covers: what `computeCompliance` counts from `loadQuotaData`. `source` says how it was read.
 */
export function loadComplianceTally(
  db: Db,
  year: number,
): Pick<QuotaData, 'departments' | 'rules'> & { tally: QuotaTally; source: 'cells' | 'conferences' } {
  const { departments, rules } = loadQuotaRegister(db);
  const tally = new QuotaTally(reportedDepartments(departments, year).map((d) => d.id));
  const y = String(year).padStart(4, '0');
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const source = tallyCells(db, tally, y, from, to) ? 'cells' : 'conferences';
  if (source === 'conferences') tallyConferences(db, tally, departments, from, to);
  return { departments, rules, tally, source };
}

/**
 * A year's cells, one row per department: its entries in the order of `quota_cells_key` (kind,
 * quarter, then the conferences in (date, id) order), joined with char(31), each entry one
 * character for its cell (CELL_CODE_BASE + kind × 8 + quarter) followed by the conference's id. The plan is a covering scan
 * grouped as it goes (test/unit/query-plans.test.ts), and the lists are compared with the engine's
 * in test/unit/compliance-equivalence.test.ts. One row per department instead of one per cell, and
 * no string per cell for SQLite to build: the row is what costs most (better-sqlite3 spends on
 * building a row about what SQLite spends on reading ten), and a year has ~1,600 cells of ~200
 * departments (the bench's compliance matrix went from 204 to 149 ms with this and the lists no
 * longer sharing one string per conference, which cost a map lookup per id: 2026-11-28). A quarter
 * past 7 (a month past 21: only raw SQL can write one) is coded 7, which no report counts, as before.
 */
export function complianceCellsSql(year: string, from: string, to: string): SQL {
  return sql`SELECT department_id, group_concat(char(${CELL_CODE_BASE} + kind * 8 + min(quarter, 7)) || conference_id, char(31))
    FROM quota_cells WHERE year = ${year} AND date BETWEEN ${from} AND ${to}
    GROUP BY department_id`;
}

/** An entry's cell: the character CELL_CODE_BASE + kind × 8 + quarter ('E' for kind 0, quarter 4). */
const CELL_CODE_BASE = 65;

/**
 * Whether the year has a cell of kind 3: a held conference with an id or a date SQLite would not
 * order or place as the engine does (in the same range of dates as the cells read).
 */
export function unorderedCellSql(year: string, from: string, to: string): SQL {
  return sql`SELECT 1 FROM quota_cells
    WHERE year = ${year} AND department_id = '' AND kind = 3 AND quarter = 0 AND date BETWEEN ${from} AND ${to}
    LIMIT 1`;
}

/**
 * The tally from the year's cells, unless a cell of kind 3 says that one of its held conferences
 * has an id or a date SQLite would not order or place as the engine does (every conference the
 * office enters is fine; an imported register may hold anything): false, and nothing tallied.
 * Then no id holds char(31) either (printable ASCII only).
 */
function tallyCells(db: Db, tally: QuotaTally, year: string, from: string, to: string): boolean {
  if (db.values(unorderedCellSql(year, from, to)).length > 0) return false;
  const rows = db.values<[string, string]>(complianceCellsSql(year, from, to));
  for (const [departmentId, joined] of rows) {
    let code = -1;
    let ids: string[] = [];
    for (const entry of joined.split('\u001f')) {
      const c = entry.charCodeAt(0) - CELL_CODE_BASE;
      if (c !== code) {
        if (code >= 0) tally.cell((code >> 3) as 0 | 1 | 2, departmentId, code & 7, ids);
        code = c;
        ids = [];
      }
      ids.push(entry.slice(1));
    }
    if (code >= 0) tally.cell((code >> 3) as 0 | 1 | 2, departmentId, code & 7, ids);
  }
  return true;
}

/**
 * One row per held conference of the year: its id, date, organizer and host, the departments that
 * release at it, and for the city's conferences the departments of the attended rows (the row's,
 * else its person's) in one list per role of `ROLES`, the lists joined by `between`. One row and
 * two index seeks per conference, instead of a row per department and per attendance:
 * better-sqlite3 spends on building a row about what SQLite spends on reading ten, and splitting a
 * string costs less than either.
 */
export function complianceByConferenceSql(sep: string, between: string, from: string, to: string): SQL {
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

type ConferenceRow = [
  id: string,
  date: string,
  organizer: QuotaConference['organizer'],
  host: string | null,
  releasing: string | null,
  attendedByRole: string | null,
];

function tallyConferences(
  db: Db,
  tally: QuotaTally,
  departments: readonly { id: string }[],
  from: string,
  to: string,
): void {
  const [sep, between] = separatorsFor(
    departments.map((d) => d.id),
    2,
  ) as [string, string];
  const rows = db.values<ConferenceRow>(complianceByConferenceSql(sep, between, from, to));
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
}
