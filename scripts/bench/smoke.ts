// `bench:smoke`: scale 0.01 into a temporary database, then every figure once. It fails when
// anything throws, never on a target (at this scale the targets do not apply).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './args';
import { generateAsTheAppRuns } from './generate';
import { renderTable } from './report';
import { runFigures } from './run';

export async function runSmoke(options: BenchOptions, log: (line: string) => void): Promise<boolean> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'press-office-bench-smoke-'));
  try {
    const db = join(dir, 'bench-smoke.db');
    await generateAsTheAppRuns({
      dbPath: db,
      scale: options.scale,
      seed: options.seed,
      migrationsFolder: options.migrations,
      log,
    });
    const { results } = await runFigures({ ...options, db }, log, { light: 1, heavy: 1 });
    log(`\n${renderTable(results)}\n`);
    log(`bench:smoke: ${results.length} figures measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
