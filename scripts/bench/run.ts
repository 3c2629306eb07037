// `bench`: every figure of docs/performance.md, measured as the median and spread of repeated runs
// after a warm-up, against the targets (judged only at scale 1). Writes bench-results.json.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchOptions } from './args';
import { benchTerms, dataScale, type Terms } from './data-facts';
import { figureGroups } from './figures';
import { DATASET_NOW, generateAsTheAppRuns } from './generate';
import { environment, type FigureResult, renderTable, writeResults } from './report';

export interface RunContext {
  options: BenchOptions;
  db: string;
  work: string;
  terms: Terms;
  /** Targets are judged only for a scale-1 dataset. */
  judged: boolean;
  /** Repetitions for cheap figures and for the heavy ones (exports of 10,000 items, imports). */
  runs: { light: number; heavy: number };
  log: (line: string) => void;
}

export async function ensureData(options: BenchOptions, log: (line: string) => void): Promise<void> {
  if (existsSync(options.db)) return;
  log(`bench: ${options.db} does not exist; generating scale ${options.scale}, seed ${options.seed} first`);
  mkdirSync(dirname(options.db), { recursive: true });
  await generateAsTheAppRuns({
    dbPath: options.db,
    scale: options.scale,
    seed: options.seed,
    migrationsFolder: options.migrations,
    log,
  });
}

/** Runs the figures; `runs` overrides the counts (the smoke run does each once). */
export async function runFigures(
  options: BenchOptions,
  log: (line: string) => void,
  runs: { light: number; heavy: number },
): Promise<{ results: FigureResult[]; facts: Record<string, unknown> }> {
  const work = mkdtempSync(join(tmpdir(), 'press-office-bench-'));
  try {
    // Bench on a copy: figures that write (portal export, the data export's audit row) leave the
    // generated database as it was, so every run measures the same data.
    const db = join(work, 'bench.db');
    // Whatever another connection left in the write-ahead log goes into the file before it is copied.
    const source = new Database(options.db, { fileMustExist: true });
    try {
      source.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      source.close();
    }
    copyFileSync(options.db, db);
    const facts = dataScale(db);
    const ctx: RunContext = {
      options,
      db,
      work,
      terms: benchTerms(db),
      judged: Math.abs(facts.scale - 1) < 0.05,
      runs,
      log,
    };
    log(
      `bench: ${options.db} (scale ≈ ${facts.scale}: ${facts.conferences} conferences, ${facts.attendance} attendance, ` +
        `${facts.documents} documents, ${facts.portalItems} portal items, ${(facts.bytes / 1_048_576).toFixed(0)} MB); ` +
        `clock at ${DATASET_NOW}; ${ctx.judged ? 'targets judged' : 'targets n/a (not scale 1)'}`,
    );
    const results: FigureResult[] = [];
    const only = options.only;
    const figures = figureGroups.filter(([name]) => only.length === 0 || only.includes(name));
    for (const [, figure] of figures) {
      const started = performance.now();
      const produced = await figure(ctx);
      for (const r of produced) {
        results.push(r);
        log(
          `  ${r.label}: median ${r.value.median.toFixed(1)} ${r.unit} (${r.value.min.toFixed(1)}–${r.value.max.toFixed(1)}, ${r.value.runs} runs) ${r.verdict}`,
        );
      }
      if (performance.now() - started > 60_000) log(`    (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    return { results, facts: { ...facts, terms: ctx.terms } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sqliteVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const client = new Database(':memory:');
  try {
    return {
      betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
      sqlite: (client.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    };
  } finally {
    client.close();
  }
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<void> {
  await ensureData(options, log);
  const started = new Date();
  const env = environment(options.root, sqliteVersions());
  const { results, facts } = await runFigures(options, log, {
    light: options.runs,
    heavy: Math.min(options.runs, 3),
  });
  log(`\n${renderTable(results)}\n`);
  const fails = results.filter((r) => r.verdict === 'FAIL');
  if (fails.length) log(`${fails.length} figure(s) miss their target: ${fails.map((f) => f.id).join(', ')}`);
  writeResults(options.out, {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    database: options.db,
    data: facts,
    environment: { ...env, loadAverageAtEnd: environment(options.root, {}).loadAverage },
    results,
  });
  log(`bench: results written to ${options.out}`);
}
