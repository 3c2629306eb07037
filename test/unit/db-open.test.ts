import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../common/result';
import { APPLICATION_ID, FULL_CHECK_MAX_BYTES, NEW_DATABASE_PAGE_SIZE, openDatabase } from '../../db/open';
import { openApp } from '../../services/open-app';
import { startupMaintenance } from '../../services/startup';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-office-db-'));
  dirs.push(dir);
  return dir;
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectRefused(path: string, pattern: RegExp): void {
  const before = sha(path);
  let error: unknown;
  try {
    openDatabase(path);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_file');
  expect((error as AppError).message).toMatch(pattern);
  expect(sha(path)).toBe(before);
}

afterEach(() => {
  dirs.length = 0;
});

describe('openDatabase', () => {
  it('creates a new file, marks it as ours, migrates and configures WAL with foreign keys on', () => {
    const path = join(tempDir(), 'sub', 'press-office.db');
    const opened = openDatabase(path);
    expect(opened.created).toBe(true);
    const c = opened.client;
    expect(c.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(c.pragma('user_version', { simple: true })).toBe(opened.schemaVersion);
    expect(opened.schemaVersion).toBeGreaterThan(0);
    c.close();
    const again = openDatabase(path);
    expect(again.created).toBe(false);
    again.client.close();
  });

  it('creates a new database with its larger pages; one made with 4 kB pages keeps them and works alike', () => {
    const fresh = openDatabase(join(tempDir(), 'new.db'));
    expect(fresh.client.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    expect(NEW_DATABASE_PAGE_SIZE).not.toBe(4096);
    fresh.client.close();

    // A database of an earlier version of the app, made with SQLite's default page size.
    const olderPath = join(tempDir(), 'older.db');
    const older = new Database(olderPath);
    older.pragma('page_size = 4096');
    older.pragma(`application_id = ${APPLICATION_ID}`);
    older.close();
    const first = openDatabase(olderPath);
    expect(first.client.pragma('page_size', { simple: true })).toBe(4096);
    expect(first.schemaVersion).toBeGreaterThan(0);
    first.client.close();
    const app = openApp(olderPath, { mode: 'cli', actor: 'test' });
    try {
      expect(app.client.pragma('page_size', { simple: true })).toBe(4096);
      expect((app.client.prepare('SELECT count(*) AS n FROM departments').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      app.close();
    }
  });

  it('refuses a zero-byte file and leaves it untouched', () => {
    const path = join(tempDir(), 'empty.db');
    writeFileSync(path, '');
    expectRefused(path, /empty \(0 bytes\)/);
  });

  it('refuses a file that is not SQLite', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, '部门名册\n'.repeat(200));
    expectRefused(path, /not a SQLite database/);
  });

  it('refuses a SQLite database of another program', () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expectRefused(path, /another program/);
  });

  it('refuses a truncated or damaged database', () => {
    const dir = tempDir();
    const path = join(dir, 'damaged.db');
    const app = openApp(path, { mode: 'cli' });
    app.close();
    const bytes = readFileSync(path);
    // Keep the header, wipe the pages holding the schema and data.
    const damaged = Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xa5)]);
    writeFileSync(path, damaged);
    expectRefused(path, /damaged|cannot be read/);
  });

  it('refuses a truncated database (a copy cut short)', () => {
    const dir = tempDir();
    const path = join(dir, 'cut.db');
    const app = openApp(path, { mode: 'cli' });
    for (let i = 0; i < 200; i++) {
      app.client
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
        .run(`k${i}`, JSON.stringify('x'.repeat(500)));
    }
    app.client.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(path, /damaged|cannot be read/);
  });

  it('opens a large file without reading all of it; the start-up backup then finds the damage', async () => {
    const dir = tempDir();
    const path = join(dir, 'large.db');
    const app = openApp(path, { mode: 'cli' });
    const insert = app.client.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    const value = JSON.stringify('记'.repeat(3000));
    app.client.transaction(() => {
      for (let i = 0; i * 9000 < FULL_CHECK_MAX_BYTES * 1.1; i++) insert.run(`k${i}`, value);
    })();
    app.client.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(FULL_CHECK_MAX_BYTES);
    // Wipe pages in the middle of the settings table: the header and the schema stay readable.
    const pageSize = bytes.readUInt16BE(16);
    const middle = Math.floor(bytes.length / pageSize / 2) * pageSize;
    bytes.fill(0xa5, middle, middle + 4 * pageSize);
    writeFileSync(path, bytes);

    const started = performance.now();
    const opened = openApp(path, { mode: 'cli' });
    const openMs = performance.now() - started;
    try {
      const maintenance = await startupMaintenance(opened);
      expect(maintenance.backup).toBeNull();
      expect(maintenance.backupError).toMatch(/damaged|malformed|integrity_check/i);
    } finally {
      opened.close();
    }
    // Not a timing assertion: a full check of 35 MB would take far longer than the whole open here.
    expect(openMs).toBeGreaterThan(0);
  });

  it('refuses a database made by a newer schema', () => {
    const path = join(tempDir(), 'newer.db');
    const opened = openDatabase(path);
    opened.client.pragma(`user_version = ${opened.schemaVersion + 5}`);
    opened.client.close();
    expectRefused(path, /newer version of Press Office/);
  });

  it('keeps child rows when migrating: foreign keys are off during migrations and checked after', () => {
    const opened = openDatabase(':memory:');
    const fk = opened.client.pragma('foreign_key_check') as unknown[];
    expect(fk).toEqual([]);
    expect(opened.client.pragma('foreign_keys', { simple: true })).toBe(1);
    opened.client.close();
  });
});
