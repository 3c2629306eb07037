// The press-office command, run from its built bundle through bin/press-office.mjs.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../cli/table';
import { TEMP_MARKER } from '../../services/atomic-file';
import { fixtureDocument } from './helpers/cli-fixture';
import { auditRows, type BuiltCli, buildCli, type CliResult, runCli, tableDigest } from './helpers/cli-harness';

let cli: BuiltCli;
let dir: string;
let n = 0;
const fresh = (name = 'db') => join(dir, `${name}-${++n}.db`);
const run = (...args: string[]): CliResult => runCli(cli.bin, args);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const withoutStamp = (path: string) => {
  const { exportedAt, ...rest } = readJson(path);
  expect(typeof exportedAt).toBe('string');
  return rest;
};
function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}
let fixtureMaster: string;
/** A database holding the fixture (every kind of record): a copy of one imported once. */
function fixtureDb(): string {
  const db = fresh('fixture');
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(fixtureMaster + suffix)) copyFileSync(fixtureMaster + suffix, db + suffix);
  }
  return db;
}

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'press-office-cli-'));
  fixtureMaster = join(dir, 'fixture-master.db');
  const result = run('import', writeJson('fixture.json', fixtureDocument()), '--db', fixtureMaster);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});
afterAll(() => {
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('help and usage (the full matrix runs in-process in cli-args.test.ts)', () => {
  it('prints the version and help', () => {
    expect(run('--version').stdout).toMatch(/^press-office \d+\.\d+\.\d+\n$/);
    const help = run('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: press-office import FILE');
  });

  it('exits 2 on a usage error, with the message on stderr only', () => {
    for (const args of [['frobnicate'], ['export', 'data', '--json']]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Run "press-office --help" for usage.');
    }
  });
});

describe('init and departments list', () => {
  it('creates and seeds once, then leaves the database as it is', () => {
    const db = fresh();
    const first = run('init', '--db', db, '--as', '管理员');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created the database');
    expect(first.stdout).toContain('Added the 24 listed departments');
    const digest = tableDigest(db);
    const again = run('init', '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: false, seeded: 0, departments: 24 });
    expect(tableDigest(db)).toBe(digest);
    expect(auditRows(db)).toEqual([{ actor: '管理员', action: 'create', entity: 'departments', entityId: null }]);
  });

  it('lists the register as an aligned table and as one JSON document', () => {
    const db = fixtureDb();
    const table = run('departments', 'list', '--db', db);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    const header = lines[0] ?? '';
    const rows = lines.slice(1, lines.indexOf(''));
    expect(rows).toHaveLength(23); // 24 seeded, 2 merged away, 1 successor
    // Columns line up in display width although short names are Chinese of different lengths.
    const column = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    const fullNameAt = column(header, 'Full name');
    for (const row of rows) {
      const fullName = row.includes('日照市') ? '日照市' : '';
      expect(column(row, fullName), row).toBe(fullNameAt);
    }
    expect(rows[0]).toMatch(/^rizhao-01\s+市发改委\s+日照市发展和改革委员会\s+yes\s+1\s+$|^rizhao-01 .* 1$/);
    expect(rows.find((r) => r.startsWith('rizhao-02'))).toContain('no spokesperson');
    expect(table.stdout).toContain('23 departments');

    const all = run('departments', 'list', '--all', '--db', db);
    expect(all.stdout).toContain('merged');

    const json = run('departments', 'list', '--db', db, '--json');
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const parsed = JSON.parse(json.stdout) as { id: string; spokespersonCount: number }[];
    expect(parsed).toHaveLength(23);
    expect(parsed[0]).toMatchObject({ id: 'rizhao-01', spokespersonCount: 1 });

    const seeded = fresh();
    run('init', '--db', seeded);
    expect(JSON.parse(run('departments', 'list', '--db', seeded, '--json').stdout)).toHaveLength(24);
  });

  it('refuses to list or export a database that does not exist, and creates nothing', () => {
    const db = fresh();
    const r = run('departments', 'list', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run "press-office init" first');
    expect(run('export', 'data', '--db', db, '--out', join(dir, 'none.json')).code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });

  it('uses PRESS_OFFICE_DB when --db is not given', () => {
    const db = fresh();
    expect(runCli(cli.bin, ['init'], { PRESS_OFFICE_DB: db }).code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});

describe('export and import', () => {
  it('round-trips: export, import into a fresh database, export again gives the same content', () => {
    const a = fixtureDb();
    const e1 = join(dir, 'e1.json');
    const exp = run('export', 'data', '--db', a, '--out', e1, '--json');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.stdout)).toMatchObject({
      file: e1,
      counts: { departments: 25, people: 3, media: 3, conferences: 3, attendance: 3 },
    });
    const { exportedAt: _e, ...fixture } = fixtureDocument();
    expect(withoutStamp(e1)).toEqual(fixture);

    const b = fresh();
    const imp = run('import', e1, '--db', b, '--as', '张三');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/departments\s+25\s+\(25 new, 0 changed, 0 unchanged\)/);
    const e2 = join(dir, 'e2.json');
    expect(run('export', 'data', '--db', b, '--out', e2).code).toBe(0);
    expect(withoutStamp(e2)).toEqual(withoutStamp(e1));
    // Two exports of unchanged data differ only in exportedAt.
    const e3 = join(dir, 'e3.json');
    run('export', 'data', '--db', b, '--out', e3);
    const [l2, l3] = [readFileSync(e2, 'utf8').split('\n'), readFileSync(e3, 'utf8').split('\n')];
    expect(l3.filter((line, i) => line !== l2[i])).toEqual([expect.stringMatching(/^ {2}"exportedAt": /)]);
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes(TEMP_MARKER))).toEqual([]);

    const audit = auditRows(b);
    expect(audit.filter((r) => r.entity === 'data')).toEqual([
      { actor: '张三', action: 'import', entity: 'data', entityId: null },
      { actor: userInfo().username, action: 'export', entity: 'data', entityId: null },
      { actor: userInfo().username, action: 'export', entity: 'data', entityId: null },
    ]);
    expect(audit.filter((r) => r.entity === 'person').every((r) => r.actor === '张三' && r.action === 'import')).toBe(
      true,
    );
  });

  it('changes nothing when the same file is imported twice', () => {
    const db = fixtureDb();
    const file = writeJson('twice.json', fixtureDocument());
    const before = tableDigest(db, ['audit_log']);
    const auditBefore = auditRows(db).length;
    const r = run('import', file, '--db', db, '--json');
    expect(r.code).toBe(0);
    const summary = (
      JSON.parse(r.stdout) as { summary: Record<string, { unchanged: number; created: number; updated: number }> }
    ).summary;
    expect(summary.people).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(tableDigest(db, ['audit_log'])).toBe(before);
    expect(auditRows(db).slice(auditBefore)).toEqual([expect.objectContaining({ action: 'import', entity: 'data' })]);
  });

  it('refuses an export to a folder that does not exist', () => {
    const db = fixtureDb();
    const r = run('export', 'data', '--db', db, '--out', join(dir, 'no', 'such', 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write the file');
  });
});

describe('bad imports exit 1, name every problem, and leave the database as it was', () => {
  const mutate = (f: (doc: ReturnType<typeof fixtureDocument> & Record<string, unknown>) => void) => {
    const doc = fixtureDocument() as ReturnType<typeof fixtureDocument> & Record<string, unknown>;
    f(doc);
    return doc;
  };
  const cases: [string, unknown, RegExp][] = [
    [
      'invalid date',
      mutate((d) => Object.assign(d.trainings[0] ?? {}, { date: '2026-02-30' })),
      /trainings\[0\]\.date: must be a valid date/,
    ],
    [
      'unknown department',
      mutate((d) => Object.assign(d.people[2] ?? {}, { departmentId: 'x' })),
      /people\[2\]\.departmentId: unknown department "x"/,
    ],
    [
      'duplicate id',
      mutate((d) => Object.assign(d.attendance[2] ?? {}, { id: 'a-01' })),
      /attendance\[2\]\.id: duplicate id "a-01"/,
    ],
    [
      'missing required field',
      mutate((d) => delete (d.conferences[1] as { title?: string }).title),
      /conferences\[1\]\.title: is required/,
    ],
    [
      'wrong format tag',
      mutate((d) => Object.assign(d, { format: 'press-office/v0' })),
      /format: must be "press-office\/v1"/,
    ],
    ['not JSON', '{"format": "press-office/v1", ', /not valid JSON/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
  ];
  let shared: string;
  beforeAll(() => {
    shared = fixtureDb();
    // Change the stored data so that a partial import would show.
    const shift = {
      format: 'press-office/v1',
      trainings: [{ id: 't-01', personId: 'p-03', date: '2000-01-01', course: 'old' }],
    };
    expect(run('import', writeJson('shift.json', shift), '--db', shared).code).toBe(0);
  });
  cases.push(['missing file', undefined, /nowhere-\d+\.json: cannot read the file \(no such file/]);

  cases.forEach(([name, content, expected], i) => {
    it(name, () => {
      const before = tableDigest(shared);
      const file = join(dir, content === undefined ? `nowhere-${++n}.json` : `bad-${++n}.json`);
      if (content !== undefined) {
        writeFileSync(
          file,
          Buffer.isBuffer(content) ? content : typeof content === 'string' ? content : JSON.stringify(content),
        );
      }
      // --json changes where nothing goes: the problems stay on stderr, stdout stays empty.
      const r = run('import', file, '--db', shared, ...(i % 2 === 1 ? ['--json'] : []));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(expected);
      expect(tableDigest(shared)).toBe(before);
    });
  });

  it('lists every problem at once, and leaves no new database behind', () => {
    const path = fresh();
    const doc = mutate((d) => {
      Object.assign(d.trainings[0] ?? {}, { date: '2026-02-30' });
      Object.assign(d.people[2] ?? {}, { departmentId: 'x' });
      delete (d.conferences[1] as { title?: string }).title;
    });
    const r = run('import', writeJson('many.json', doc), '--db', path);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'import: people[2].departmentId: unknown department "x"',
      'import: trainings[0].date: must be a valid date YYYY-MM-DD',
      'import: conferences[1].title: is required',
      'import: 3 problems found; nothing was imported; the database was not changed',
    ]);
    expect(existsSync(path)).toBe(false);
  });
});
