import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement[]>();

function tableReaders(client: Database.Database): Database.Statement[] {
  let list = statements.get(client);
  if (!list) {
    const all = client
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    // Full-text indexes (and their shadow tables) are derived from the tables they index, which are digested.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    list = tables.map(({ name }) => client.prepare(`SELECT '${name}', * FROM "${name}" ORDER BY rowid`).raw(true));
    statements.set(client, list);
  }
  return list;
}

/** A digest of every row of every table: equal digests mean nothing was written. */
export function databaseDigest(client: Database.Database): string {
  const hash = createHash('sha256');
  for (const statement of tableReaders(client)) {
    hash.update('\u0000');
    for (const row of statement.all() as unknown[][]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
