// Command-line options of `bench:data`, `bench` and `bench:smoke`.
import { join, resolve } from 'node:path';

export interface BenchOptions {
  command: string;
  scale: number;
  seed: number;
  db: string;
  runs: number;
  out: string;
  /** Folder of the app's migrations (beside the bundle). */
  migrations: string | undefined;
  /** The repository, for the default database folder. */
  root: string;
  /** A folder for a probe's files (internal: the runner passes it to its child processes). */
  dir: string | undefined;
  /** Figure groups to run (`--only open,queries,memory,import,portal`); empty: all. */
  only: string[];
}

const NUMBER_FLAGS = new Set(['--scale', '--seed', '--runs']);
const TEXT_FLAGS = new Set(['--db', '--out', '--migrations', '--root', '--dir', '--only']);
export const FIGURE_GROUPS = ['open', 'queries', 'memory', 'import', 'portal'] as const;

export const USAGE = `usage: node scripts/bench.mjs <data|run|smoke> [--scale N] [--seed S] [--db FILE] [--runs R] [--out FILE] [--only GROUPS]
  data   generate a decade of data (default scale 1, seed 1)
  run    measure every figure (generates the data first when the database is missing)
  smoke  scale 0.01 into a temporary database, every figure once; fails only when something throws
  --only a comma-separated subset of the figure groups: ${FIGURE_GROUPS.join(', ')}`;

export function defaultDbPath(root: string, scale: number, seed: number): string {
  return join(root, '.tmp', 'bench', `press-office-bench-scale${scale}-seed${seed}.db`);
}

export function parseArgs(argv: readonly string[], cwd: string): BenchOptions {
  const [command = '', ...rest] = argv;
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    const [name, inline] = flag.includes('=') ? (flag.split(/=(.*)/s, 2) as [string, string]) : [flag, undefined];
    if (!NUMBER_FLAGS.has(name) && !TEXT_FLAGS.has(name)) throw new Error(`bench: unknown option "${flag}"\n${USAGE}`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`bench: ${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const number = (name: string, fallback: number) => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`bench: ${name} must be a positive number (got "${raw}")`);
    return n;
  };
  const root = resolve(cwd, values.get('--root') ?? '.');
  const scale = number('--scale', command === 'smoke' ? 0.01 : 1);
  const seed = Math.floor(number('--seed', 1));
  const db = values.get('--db');
  const migrations = values.get('--migrations');
  const only = (values.get('--only') ?? '').split(',').filter(Boolean);
  for (const g of only) {
    if (!(FIGURE_GROUPS as readonly string[]).includes(g)) {
      throw new Error(`bench: --only: unknown figure group "${g}" (known: ${FIGURE_GROUPS.join(', ')})`);
    }
  }
  return {
    command,
    scale,
    seed,
    db: db ? resolve(cwd, db) : defaultDbPath(root, scale, seed),
    runs: Math.max(1, Math.floor(number('--runs', command === 'smoke' ? 1 : 10))),
    out: resolve(cwd, values.get('--out') ?? 'bench-results.json'),
    migrations: migrations ? resolve(cwd, migrations) : undefined,
    root,
    dir: values.has('--dir') ? resolve(cwd, values.get('--dir') as string) : undefined,
    only,
  };
}
