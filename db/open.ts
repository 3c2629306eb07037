// Opening the database: probe first, refuse what is not ours, then migrate with foreign keys off.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { AppError } from '../common/result';
import { backupFileName, backupsDir } from './backup-names';
import { charBigrams, spacedChars } from './queries/search';
import * as schema from './schema';

/** A database or a transaction on it: query functions accept either. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** 'PrOf' — marks a SQLite file as a Press Office database. */
export const APPLICATION_ID = 0x50724f66;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Folder holding drizzle-kit's migrations; defaults to the one beside this module or bundle. */
  migrationsFolder?: string;
}

export interface OpenedDatabase {
  db: Db;
  client: Database.Database;
  path: string;
  /** True when this call created the file or found it empty. */
  created: boolean;
  schemaVersion: number;
}

export function defaultMigrationsFolder(): string {
  // Source: db/open.ts → db/migrations. Bundle: dist/*.mjs → dist/migrations.
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

/** Files up to this size get the full `quick_check` on every open (a few ms per megabyte). */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an existing file without writing to it. A zero-byte file would open as a valid empty
 * database, so it is refused here rather than silently turned into a new one.
 */
export function probeFile(path: string, knownMigrations: number): void {
  const size = statSync(path).size;
  if (size === 0) {
    throw new AppError(
      'invalid_file',
      `${path}: the file is empty (0 bytes), not a Press Office database; it was left untouched`,
    );
  }
  if (readHeader(path).toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('invalid_file', `${path}: not a SQLite database (wrong file header); it was left untouched`);
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) {
      throw new AppError(
        'invalid_file',
        `${path}: a SQLite database of another program, not Press Office; it was left untouched`,
      );
    }
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > knownMigrations) {
      throw new AppError(
        'invalid_file',
        `${path}: made by a newer version of Press Office (schema ${version}, this version knows ${knownMigrations}); update the app to open it`,
      );
    }
    // quick_check reads every page: ~3 s for a decade's 750 MB. It runs here before a migration (never
    // migrate a damaged file) and for small files; a large file at the current schema is checked by
    // the automatic backup after start-up (`services/startup.ts`), which checks its copy in full.
    if (version < knownMigrations || size <= FULL_CHECK_MAX_BYTES) {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new AppError(
          'invalid_file',
          `${path}: the database is damaged (quick_check: ${String(check)}); it was left untouched`,
        );
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read as a database (${(err as Error).message}); it was left untouched`,
    );
  } finally {
    probe?.close();
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : value === null ? null : String(value));

/**
 * SQL functions the schema's triggers call: every connection that writes needs them. `po_bigrams`
 * fills the search indexes (migration 0010); `po_chars` filled the character indexes of migration
 * 0006, which an older database still runs through on its way to 0010.
 */
export function registerFunctions(client: Database.Database): void {
  client.function('po_bigrams', { deterministic: true }, (text: unknown) => charBigrams(asText(text)));
  client.function('po_chars', { deterministic: true }, (text: unknown) => spacedChars(asText(text)));
}

/**
 * The page size of a database this app creates. SQLite's default is 4 kB; the register's rows (documents with
 * their texts and versions, the search indexes' lists) fill larger pages better: a decade's import writes and
 * indexes it in 16 % less time at 16 kB, and the figures of `npm run bench` stay within their targets
 * (docs/performance.md). A page size is fixed when a database is created (and cannot change in WAL mode), so a
 * database made before keeps its 4 kB pages; both work alike.
 */
export const NEW_DATABASE_PAGE_SIZE = 16_384;

function configure(client: Database.Database, created: boolean): void {
  if (created) client.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
  client.pragma('journal_mode = WAL');
  // FULL in WAL mode makes each commit durable across power loss, not only a process crash;
  // the office enters records by hand, so a few ms per commit is the right trade.
  client.pragma('synchronous = FULL');
  client.pragma('busy_timeout = 5000');
}

/**
 * Applies pending migrations, all in one transaction, so a failing migration leaves the database
 * as it was. Foreign keys are turned off on the connection first: SQLite ignores
 * `PRAGMA foreign_keys` inside a transaction, so a table-rebuild migration would otherwise
 * cascade-delete child rows. `foreign_key_check` must come back empty before the commit.
 * An existing database is copied (VACUUM INTO, a consistent snapshot) before it is migrated.
 */
function migrate(client: Database.Database, migrationsFolder: string, backupPath: string | null): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const applied = (client.pragma('user_version', { simple: true }) as number) || 0;
  if (applied >= migrations.length) return migrations.length;
  if (backupPath && applied > 0) {
    mkdirSync(dirname(backupPath), { recursive: true });
    client.prepare('VACUUM INTO ?').run(backupPath);
  }
  client.pragma('foreign_keys = OFF');
  try {
    client.transaction(() => {
      client.exec(
        'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
      );
      const record = client.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)');
      for (let i = applied; i < migrations.length; i++) {
        const m = migrations[i];
        if (!m) break;
        try {
          for (const statement of m.sql) if (statement.trim()) client.exec(statement);
        } catch (err) {
          throw new AppError(
            'internal',
            `migration ${i + 1} failed (${(err as Error).message}); the database was left as it was`,
          );
        }
        record.run(m.hash, m.folderMillis);
      }
      const problems = client.pragma('foreign_key_check') as unknown[];
      if (problems.length > 0) {
        throw new AppError(
          'internal',
          `migrations left ${problems.length} broken references; the database was left as it was`,
        );
      }
      client.pragma(`user_version = ${migrations.length}`);
    })();
  } finally {
    client.pragma('foreign_keys = ON');
  }
  return migrations.length;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const known = readMigrationFiles({ migrationsFolder }).length;
  const isMemory = path === ':memory:';
  const exists = !isMemory && existsSync(path);
  if (exists) probeFile(path, known);
  else if (!isMemory) mkdirSync(dirname(path), { recursive: true });

  const client = new Database(path);
  try {
    registerFunctions(client);
    if (!isMemory) configure(client, !exists);
    const empty =
      (client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n === 0;
    if (empty) client.pragma(`application_id = ${APPLICATION_ID}`);
    const backupPath = isMemory ? null : join(backupsDir(path), backupFileName(new Date(), 'pre-migration'));
    const schemaVersion = migrate(client, migrationsFolder, backupPath);
    client.pragma('foreign_keys = ON');
    const db: Db = drizzle(client, { schema });
    // Every transaction takes the write lock up front (BEGIN IMMEDIATE). A deferred one that has
    // read first cannot wait for another writer (the CLI beside the app) and fails at once with
    // SQLITE_BUSY; an immediate one waits out the busy timeout like a single statement does.
    const deferred = db.transaction.bind(db);
    db.transaction = ((fn, config) => deferred(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
    return { db, client, path, created: !exists || empty, schemaVersion };
  } catch (err) {
    client.close();
    throw err;
  }
}
