import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { dispatch } from '../../services/dispatch';
import { openApp } from '../../services/open-app';
import { databaseDigest } from './helpers/digest';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'schema-1.db');

function copyFixture(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'press-office-migrate-'));
  const path = join(dir, 'press-office.db');
  copyFileSync(FIXTURE, path);
  return { dir, path };
}

function counts(db: Database.Database, tables: string[]): Record<string, number> {
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}

const TABLES = [
  'departments',
  'department_names',
  'people',
  'trainings',
  'conferences',
  'conference_departments',
  'attendance',
  'settings',
  'audit_log',
];

describe('migrating a database made by the first schema', () => {
  it('keeps every row and relation and takes a pre-migration backup', () => {
    const fixture = new Database(FIXTURE, { readonly: true });
    const before = counts(fixture, TABLES);
    expect(fixture.pragma('user_version', { simple: true })).toBe(1);
    fixture.close();
    expect(before.attendance).toBeGreaterThan(20);

    const { dir, path } = copyFixture();
    const opened = openDatabase(path);
    const c = opened.client;
    expect(c.pragma('user_version', { simple: true })).toBe(opened.schemaVersion);
    expect(opened.schemaVersion).toBeGreaterThan(1);
    expect(counts(c, TABLES)).toEqual(before);
    expect(c.pragma('foreign_key_check')).toEqual([]);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
    // Relations survive: every attendance still points at its conference and person.
    const orphans = c
      .prepare(
        `SELECT count(*) AS n FROM attendance a LEFT JOIN conferences c ON c.id = a.conference_id
         LEFT JOIN people p ON p.id = a.person_id WHERE c.id IS NULL OR p.id IS NULL`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    // New columns arrive empty; the merged department keeps its successor.
    expect(
      c
        .prepare("SELECT kind, merged_into_id FROM conferences, departments WHERE departments.id = 'rizhao-16' LIMIT 1")
        .get(),
    ).toEqual({
      kind: null,
      merged_into_id: 'rizhao-15',
    });
    c.close();

    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/-pre-migration\.db$/);
    const backup = new Database(join(dir, 'backups', backups[0] as string), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(counts(backup, TABLES)).toEqual(before);
    backup.close();
  });

  it('serves the migrated data through the app: compliance counts the old conferences', () => {
    const { path } = copyFixture();
    const app = openApp(path, { mode: 'cli', now: () => new Date('2016-01-10T00:00:00Z') });
    const r = dispatch(app.ctx, 'compliance.year', { year: 2015, asOf: '2016-01-10' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const report = r.value as { departments: { departmentId: string; quarters: { conferences: number }[] }[] };
      const total = report.departments.reduce((s, d) => s + d.quarters.reduce((x, q) => x + q.conferences, 0), 0);
      expect(total).toBe(17); // 4 city conferences × 4 departments + 1 department conference
      expect(report.departments.map((d) => d.departmentId)).toContain('rizhao-16'); // listed until 2015-09-30
    }
    app.close();
  });

  it('leaves the database as it was when a migration fails', () => {
    const { dir, path } = copyFixture();
    const migrations = join(dir, 'migrations');
    cpSync(join(import.meta.dirname, '..', '..', 'db', 'migrations'), migrations, { recursive: true });
    const journalPath = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Record<string, unknown>[] };
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: Date.now(),
      tag: '9999_broken',
      breakpoints: true,
    });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(migrations, '9999_broken.sql'),
      'CREATE TABLE `half_done` (`x` integer);--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);',
    );

    const fixture = new Database(path, { readonly: true });
    const digest = databaseDigest(fixture);
    const schemaSql = fixture.prepare('SELECT group_concat(sql) AS s FROM sqlite_master').get();
    fixture.close();

    expect(() => openDatabase(path, { migrationsFolder: migrations })).toThrow(/migration \d+ failed.*left as it was/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(databaseDigest(after)).toBe(digest);
    expect(after.prepare('SELECT group_concat(sql) AS s FROM sqlite_master').get()).toEqual(schemaSql);
    after.close();
    expect(existsSync(join(dir, 'backups'))).toBe(true);
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('-pre-migration.db'))).toBe(true);
  });
});
