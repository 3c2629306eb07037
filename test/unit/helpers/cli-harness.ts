// Builds the CLI bundle into a private folder and runs it the way a user does: through
// bin/press-office.mjs with `node`. The folder sits under node_modules/.cache so that the bundle's
// external better-sqlite3 resolves, and so that no other test's build of dist/ can race with it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface BuiltCli {
  bin: string;
  dispose: () => void;
}

/** The same esbuild options as scripts/build-node.mjs uses for the `cli` entry. */
export async function buildCli(): Promise<BuiltCli> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'press-office-cli-test-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'cli/press-office.ts' },
    outdir: join(dir, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  cpSync(join(ROOT, 'db', 'migrations'), join(dir, 'dist', 'migrations'), { recursive: true });
  // Built-in templates are read beside dist/, as in the app (services/templates/builtin.ts).
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'press-office.mjs'), join(dir, 'bin', 'press-office.mjs'));
  return { bin: join(dir, 'bin', 'press-office.mjs'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(bin: string, args: string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  const { PRESS_OFFICE_DB: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...base, ...env },
    cwd,
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A digest of every row of every table: equal digests mean the database holds the same data. */
export function tableDigest(path: string, exclude: readonly string[] = []): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const all = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    // Full-text indexes and their shadow tables are derived from the tables they index.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    for (const { name } of all) {
      if (exclude.includes(name) || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
      hash.update(`\u0000${name}\u0000`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export function auditRows(path: string): { actor: string; action: string; entity: string; entityId: string | null }[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT actor, action, entity, entity_id AS entityId FROM audit_log ORDER BY id').all() as {
      actor: string;
      action: string;
      entity: string;
      entityId: string | null;
    }[];
  } finally {
    db.close();
  }
}
