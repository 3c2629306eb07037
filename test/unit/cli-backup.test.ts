// `press-office backup`, `restore` and `backups`, and the backup before a large import, run from the
// built bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type BuiltCli, buildCli, type CliResult, runCli, tableDigest } from './helpers/cli-harness';

let cli: BuiltCli;
let root: string;
let n = 0;
const run = (...args: string[]): CliResult => runCli(cli.bin, args);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** A folder of its own for each test: backups go beside the database. */
const folder = () => {
  const dir = join(root, `t${++n}`);
  mkdirSync(dir);
  return dir;
};
function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}
const person = (id: string, name: string) => ({ id, departmentId: 'rizhao-01', name, role: 'deputy' });
function peopleIn(db: string): string[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (d.prepare('SELECT name FROM people ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  } finally {
    d.close();
  }
}
function initWith(dir: string, people: { id: string; name: string }[]): string {
  const db = join(dir, 'press-office.db');
  expect(run('init', '--db', db).code).toBe(0);
  const file = writeJson(dir, `people-${++n}.json`, {
    format: 'press-office/v1',
    people: people.map((p) => person(p.id, p.name)),
  });
  const r = run('import', file, '--db', db);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return db;
}
/** Temp files (or their SQLite side files) left by a command in a folder. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('press-office-tmp'));

beforeAll(async () => {
  cli = await buildCli();
  root = mkdtempSync(join(tmpdir(), 'press-office-cli-backup-'));
});
afterAll(() => {
  cli?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('backup, restore and undo', { timeout: 60_000 }, () => {
  it('round-trips: backup, change, restore the backup, then undo the restore with the printed command', () => {
    const dir = folder();
    const db = initWith(dir, [{ id: 'p1', name: '甲' }]);
    const out = join(dir, 'copies', 'copy.db');
    const b = run('backup', '--db', db, '--out', out, '--as', '管理员');
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain(out);
    expect(b.stdout).toMatch(/\d+ bytes/);
    expect(b.stdout).toContain('integrity_check ok');
    expect(auditRows(db).at(-1)).toEqual({ actor: '管理员', action: 'backup', entity: 'backup', entityId: out });
    const atBackup = tableDigest(out, ['audit_log']);
    const backupBytes = sha(out);

    // Change the database after the backup.
    const more = writeJson(dir, 'more.json', { format: 'press-office/v1', people: [person('p2', '乙')] });
    expect(run('import', more, '--db', db).code).toBe(0);
    expect(peopleIn(db)).toEqual(['甲', '乙']);
    const changed = tableDigest(db, ['audit_log']);

    const r = run('restore', out, '--db', db, '--as', '管理员');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(peopleIn(db)).toEqual(['甲']);
    expect(tableDigest(db, ['audit_log'])).toBe(atBackup);
    expect(sha(out)).toBe(backupBytes); // the backup itself is not touched
    expect(auditRows(db).at(-1)).toEqual({ actor: '管理员', action: 'restore', entity: 'database', entityId: null });
    const aside = /kept in (.+)\.\n/.exec(r.stdout)?.[1] ?? '';
    expect(existsSync(aside)).toBe(true);
    const undo = /To undo: (.+)\n/.exec(r.stdout)?.[1] ?? '';
    expect(undo).toBe(`press-office restore ${aside} --db ${db}`);

    // The printed command, run as printed.
    const again = run(...undo.split(' ').slice(1));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(peopleIn(db)).toEqual(['甲', '乙']);
    expect(tableDigest(db, ['audit_log'])).toBe(changed);
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(join(dir, 'copies'))).toEqual([]);
  });

  it('prints one JSON document with --json', () => {
    const dir = folder();
    const db = initWith(dir, []);
    const out = join(dir, 'b.db');
    const b = run('backup', '--db', db, '--out', out, '--json');
    expect(b.code).toBe(0);
    const backup = JSON.parse(b.stdout) as Record<string, unknown>;
    expect(backup).toEqual({ dbPath: db, file: out, bytes: expect.any(Number), integrityCheck: 'ok' });
    expect(backup.bytes).toBe(readFileSync(out).length);
    const r = run('restore', out, '--db', db, '--json');
    expect(r.code).toBe(0);
    const restored = JSON.parse(r.stdout) as { dbPath: string; from: string; asidePath: string; undo: string };
    expect(restored).toMatchObject({ dbPath: db, from: out });
    expect(restored.undo).toBe(`press-office restore ${restored.asidePath} --db ${db}`);
    // Nothing else beside them: no temp files, no side files of the backup opened to check it.
    expect(readdirSync(dir).sort()).toEqual(
      ['b.db', 'press-office.db', restored.asidePath.slice(dir.length + 1), `people-${n}.json`].sort(),
    );
  });

  it('refuses to overwrite an existing file unless --force', () => {
    const dir = folder();
    const db = initWith(dir, []);
    const out = join(dir, 'exists.db');
    writeFileSync(out, 'precious');
    const r = run('backup', '--db', db, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('already exists');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(run('backup', '--db', db, '--out', out, '--force').code).toBe(0);
    expect(tableDigest(out, ['audit_log'])).toBe(tableDigest(db, ['audit_log']));
    // Never over the database itself, not even with --force.
    const self = run('backup', '--db', db, '--out', db, '--force');
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('is the database itself');
  });

  it('refuses to back up a database that does not exist, and creates nothing', () => {
    const dir = folder();
    const r = run('backup', '--db', join(dir, 'none.db'), '--out', join(dir, 'b.db'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run "press-office init" first');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses zero-byte, foreign, other-program, newer and missing files, leaving the database bytes as they were', () => {
    const dir = folder();
    const db = initWith(dir, [{ id: 'p1', name: '甲' }]);
    const before = sha(db);
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const foreign = join(dir, 'foreign.db');
    writeFileSync(foreign, 'not a database at all, just text');
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    const newer = join(dir, 'newer.db');
    const w = new Database(newer);
    w.pragma('application_id = 1349668710');
    w.exec('CREATE TABLE t (x)');
    w.pragma('user_version = 999');
    w.close();
    for (const [file, message] of [
      [empty, 'the file is empty (0 bytes)'],
      [foreign, 'not a SQLite database'],
      [other, 'another program'],
      [newer, 'newer version of Press Office'],
      [join(dir, 'missing.db'), 'no such file'],
    ] as const) {
      const r = run('restore', file, '--db', db, '--json');
      expect(r.code, file).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('was not changed');
      expect(sha(db)).toBe(before);
    }
    expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(readFileSync(empty).length).toBe(0);
  });
});

describe('backups', { timeout: 60_000 }, () => {
  it('lists nothing in a new place, then the backups of the folder, newest first', () => {
    const dir = folder();
    const db = join(dir, 'press-office.db');
    const empty = run('backups', '--db', db);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe(`No backups in ${join(dir, 'backups')}.\n`);
    expect(JSON.parse(run('backups', '--db', db, '--json').stdout)).toEqual({
      dbPath: db,
      folder: join(dir, 'backups'),
      backups: [],
    });

    mkdirSync(join(dir, 'backups'));
    const src = initWith(folder(), []);
    for (const name of ['press-office-20261101T080000Z-auto.db', 'press-office-20261102T090000Z-manual.db']) {
      expect(run('backup', '--db', src, '--out', join(dir, 'backups', name)).code).toBe(0);
    }
    writeFileSync(join(dir, 'backups', 'notes.txt'), 'not a backup');
    const list = run('backups', '--db', db, '--json');
    expect(list.code).toBe(0);
    const parsed = JSON.parse(list.stdout) as { backups: Record<string, unknown>[] };
    expect(parsed.backups.map((b) => [b.kind, b.createdAt])).toEqual([
      ['manual', '2026-11-02T09:00:00Z'],
      ['auto', '2026-11-01T08:00:00Z'],
    ]);
    expect(Object.keys(parsed.backups[0] ?? {}).sort()).toEqual(['bytes', 'createdAt', 'kind', 'name', 'path']);
    const text = run('backups', '--db', db);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^Created \(UTC\)\s+Kind\s+Bytes\s+File$/);
    expect(lines[1]).toMatch(/^2026-11-02 09:00:00\s+manual\s+\d+\s+press-office-20261102T090000Z-manual\.db$/);
    expect(text.stdout).toContain(`2 backups in ${join(dir, 'backups')}`);
  });
});

describe('the backup before a large import', { timeout: 60_000 }, () => {
  const trainings = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      personId: 'p1',
      date: '2024-01-10',
      course: `课程 ${i}`,
    }));

  it('keeps the database as it was before an import of more than 1000 records', () => {
    const dir = folder();
    const db = initWith(dir, [{ id: 'p1', name: '甲' }]);
    const before = tableDigest(db, ['audit_log']);
    // 1000 records: no backup.
    const small = writeJson(dir, 'small.json', { format: 'press-office/v1', trainings: trainings(1000, 's') });
    const s = run('import', small, '--db', db, '--json');
    expect(s.code).toBe(0);
    expect((JSON.parse(s.stdout) as { backup: unknown }).backup).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const afterSmall = tableDigest(db, ['audit_log']);
    expect(afterSmall).not.toBe(before);

    // 1001 records: a backup of kind "import" holding the state before this import.
    const big = writeJson(dir, 'big.json', {
      format: 'press-office/v1',
      people: [person('p2', '乙')],
      trainings: trainings(1000, 'b'),
    });
    const b = run('import', big, '--db', db);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const list = JSON.parse(run('backups', '--db', db, '--json').stdout) as {
      backups: { kind: string; path: string }[];
    };
    expect(list.backups.map((x) => x.kind)).toEqual(['import']);
    const backup = list.backups[0]?.path ?? '';
    expect(b.stdout).toContain(`The database as it was before the import is kept in ${backup}.`);
    expect(tableDigest(backup, ['audit_log'])).toBe(afterSmall);
    expect(peopleIn(backup)).toEqual(['甲']);
    expect(peopleIn(db)).toEqual(['甲', '乙']);
    expect(leftovers(join(dir, 'backups'))).toEqual([]);
  });

  it('takes no backup when a large file is refused, or when the import creates the database', () => {
    const dir = folder();
    const db = initWith(dir, [{ id: 'p1', name: '甲' }]);
    const digest = sha(db);
    const bad = trainings(1500, 'x');
    Object.assign(bad[7] ?? {}, { personId: 'ghost' });
    const r = run('import', writeJson(dir, 'bad.json', { format: 'press-office/v1', trainings: bad }), '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('trainings[7].personId: unknown person "ghost"');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(sha(db)).toBe(digest);

    const other = folder();
    const file = writeJson(other, 'whole.json', {
      format: 'press-office/v1',
      departments: [{ id: 'd', name: '市测试局', fullName: '日照市测试局', listed: true }],
      people: [{ id: 'p1', departmentId: 'd', name: '甲', role: 'spokesperson' }],
      trainings: trainings(1200, 'w'),
    });
    const fresh = run('import', file, '--db', join(other, 'new.db'), '--json');
    expect(fresh.code).toBe(0);
    expect((JSON.parse(fresh.stdout) as { backup: unknown }).backup).toBeNull();
    expect(existsSync(join(other, 'backups'))).toBe(false);
  });
});
