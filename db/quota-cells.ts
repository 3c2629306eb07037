// The statement that fills `quota_cells` from scratch, taken from the latest migration that backfilled
// it (0008_quota_cells.sql made the cells; 0012_quota_cells_backfill.sql made them again by a faster
// statement that makes the same cells), read at run time from the migrations the app ships (db/open.ts finds them
// the same way). One source for the SQL: the migration file, which is also what the database was
// migrated with. A bulk import (services/data-format-store.ts, `suspendQuotaCells`) drops the
// cells' triggers and runs it once after the rows are written.
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { defaultMigrationsFolder } from './open';

export interface QuotaCellsBackfill {
  /** `INSERT INTO quota_cells (…) SELECT …`: the cells of the tables as they are. */
  sql: string;
  /** The sha256 of the migration file, as drizzle records it in `__drizzle_migrations`. */
  hash: string;
}

const BACKFILL = /^INSERT INTO quota_cells \(/;
const found = new Map<string, QuotaCellsBackfill | null>();

/**
 * The statement of the latest migration that fills the cells (a statement of its own starting with
 * `INSERT INTO quota_cells (`; the triggers' inserts are inside CREATE TRIGGER), or null when the
 * migrations cannot be read or none has one. Read once per folder.
 */
export function readQuotaCellsBackfill(migrationsFolder = defaultMigrationsFolder()): QuotaCellsBackfill | null {
  const known = found.get(migrationsFolder);
  if (known !== undefined) return known;
  let result: QuotaCellsBackfill | null = null;
  try {
    for (const migration of readMigrationFiles({ migrationsFolder })) {
      const statement = migration.sql.map((s) => s.trim()).findLast((s) => BACKFILL.test(s));
      if (statement) result = { sql: statement, hash: migration.hash };
    }
  } catch {
    result = null;
  }
  found.set(migrationsFolder, result);
  return result;
}

/**
 * The backfill, when this database was migrated with exactly that migration file (its hash is
 * recorded) and no later migration rewrote the cells; otherwise null, and the caller leaves the
 * cells to their triggers.
 */
export function quotaCellsBackfillFor(
  client: Database.Database,
  migrationsFolder = defaultMigrationsFolder(),
): string | null {
  const backfill = readQuotaCellsBackfill(migrationsFolder);
  if (!backfill) return null;
  try {
    const applied = client.prepare('SELECT 1 FROM "__drizzle_migrations" WHERE hash = ? LIMIT 1').get(backfill.hash);
    return applied ? backfill.sql : null;
  } catch {
    return null;
  }
}
