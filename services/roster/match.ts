// Roster import, step 2: the department each row names. A roster says 部门 as people write it: the
// short name (市发改委), the full name (日照市发展和改革委员会) or a name the department has since
// dropped (市卫生局, now part of 市卫生计生委). Matching is exact after normalising width and
// spaces. A current name beats a former one (a new department may reuse an old name); a text that
// still names two departments at the same level is ambiguous and the row is refused, never guessed.
import type { RosterError, RosterRow } from './parse';

export interface RosterDepartment {
  id: string;
  name: string;
  fullName: string;
  /** Former names (曾用名). */
  aliases: readonly string[];
}

export interface MatchedRosterRow extends RosterRow {
  departmentId: string;
}

export interface RosterMatch {
  rows: MatchedRosterRow[];
  errors: RosterError[];
}

export function departmentKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** "发改委" for "市发改委"/"日照市发改委": only used to suggest, never to match. */
const withoutCity = (key: string) => key.replace(/^(日照市|日照|市)/, '');

function index(entries: [string, RosterDepartment][]): Map<string, RosterDepartment[]> {
  const map = new Map<string, RosterDepartment[]>();
  for (const [text, d] of entries) {
    const key = departmentKey(text);
    if (!key) continue;
    const list = map.get(key) ?? [];
    if (!list.includes(d)) list.push(d);
    map.set(key, list);
  }
  return map;
}

/**
 * Resolves each row's department. `column` is the department header as the file spells it, for
 * messages. Rows that resolve and are not repeated come back with departmentId; a person listed
 * twice for the same department is an error on the later line.
 */
export function matchRoster(
  rows: readonly RosterRow[],
  departments: readonly RosterDepartment[],
  column = '部门',
): RosterMatch {
  const current = index(
    departments.flatMap((d): [string, RosterDepartment][] => [
      [d.name, d],
      [d.fullName, d],
    ]),
  );
  const former = index(departments.flatMap((d) => d.aliases.map((a): [string, RosterDepartment] => [a, d])));

  const errors: RosterError[] = [];
  const matched: MatchedRosterRow[] = [];
  const seen = new Map<string, number>();
  const fail = (line: number, message: string) =>
    errors.push({ line, column, message: `line ${line}, "${column}": ${message}` });

  for (const row of rows) {
    const key = departmentKey(row.department);
    const candidates = current.get(key) ?? former.get(key) ?? [];
    if (candidates.length > 1) {
      const names = candidates.map((d) => `${d.name} (${d.fullName})`).join(', ');
      fail(row.line, `"${row.department}" could be any of ${names}; write the full name`);
      continue;
    }
    const department = candidates[0];
    if (!department) {
      const stem = withoutCity(key);
      const near = departments.find((d) =>
        [d.name, d.fullName, ...d.aliases].some((n) => withoutCity(departmentKey(n)) === stem),
      );
      const hint = near ? `; did you mean "${near.name}"?` : '';
      fail(row.line, `no department is called "${row.department}"${hint}`);
      continue;
    }
    const person = `${department.id}\u0000${row.name}`;
    const earlier = seen.get(person);
    if (earlier !== undefined) {
      const message = `line ${row.line}: ${row.name} of ${department.name} is already on line ${earlier}`;
      errors.push({ line: row.line, message });
      continue;
    }
    seen.set(person, row.line);
    matched.push({ ...row, departmentId: department.id });
  }
  return { rows: matched, errors };
}
