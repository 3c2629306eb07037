// `bench:data`: a decade of a city news office (2017–2026), written through the app's own services
// with a fixed clock stepping through the years and seeded ids, so the same scale and seed give the
// same database.
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDocxRenderer } from '../../services/docx/load';
import { openApp } from '../../services/open-app';
import { scheduleConferences } from './gen-conferences';
import { DocumentWriter, standaloneWindow } from './gen-documents';
import { scheduleAnswers, scheduleOpinions } from './gen-library';
import { scheduleRegister } from './gen-register';
import { createRng, idSource } from './prng';
import { instant, Timeline } from './schedule';
import { Session } from './session';
import { DOMAINS, OFFICE_KINDS } from './words';
import type { Plan, World } from './world';

export const START_DATE = '2017-01-01';
/** The dataset's "today": the clock stops here; conferences of the next two weeks are still planned. */
export const DATASET_NOW = '2026-11-16T18:00:00+08:00';
/** The last whole year of the dataset, for the compliance and export figures. */
export const LAST_FULL_YEAR = 2025;

export interface GenerateOptions {
  dbPath: string;
  scale: number;
  seed: number;
  migrationsFolder?: string | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface GenerateSummary {
  plan: Plan;
  seconds: number;
  /** CPU time of the process: on a shared machine, steadier than the wall clock. */
  cpuSeconds: number;
  calls: number;
  records: Record<string, number>;
  bytes: number;
}

export function planFor(scale: number, seed: number): Plan {
  if (!(scale > 0)) throw new Error(`bench data: --scale must be a positive number (got ${scale})`);
  const r = (n: number) => Math.round(n * scale);
  const departments = Math.max(8, r(200));
  return {
    scale,
    seed,
    departments,
    initialDepartments: departments - Math.max(1, Math.round(departments * 0.1)),
    merges: Math.max(1, Math.round(departments * 0.12)),
    renames: Math.max(1, Math.round(departments * 0.25)),
    people: Math.max(departments * 3, r(2000)),
    conferences: Math.max(10, r(20_000)),
    documents: Math.max(10, r(30_000)),
    portalDocuments: Math.max(2, r(10_000)),
    answers: Math.max(5, r(3_000)),
    opinions: Math.max(10, r(20_000)),
    startDate: START_DATE,
    end: Date.parse(DATASET_NOW),
  };
}

/** Department names never used before: 市发改委 / 发展和改革委员会, in a seeded order. */
function namePool(seed: number): () => [string, string] {
  const rng = createRng((seed * 31 + 7) >>> 0);
  const pairs = rng.shuffle(
    DOMAINS.flatMap(([short, long]) =>
      OFFICE_KINDS.map(([ks, kl]) => [`市${short}${ks}`, `${long}${kl}`] as [string, string]),
    ),
  );
  let next = 0;
  return () => {
    const pair = pairs[next % pairs.length] as [string, string];
    const round = Math.floor(next++ / pairs.length);
    // Past the list (scales above ~1.1): the same names with a serial, still unique.
    return round === 0 ? pair : [`${pair[0]}${round + 1}`, `${pair[1]}（${round + 1}）`];
  };
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * `generate` with the app's .docx renderer loaded first, as the app has it from 5 s after its start
 * (services/startup.ts): each approval then stores its portal file, as the office's would, and the first
 * full portal export of the decade finds them stored.
 */
export async function generateAsTheAppRuns(options: GenerateOptions): Promise<GenerateSummary> {
  await loadDocxRenderer();
  return generate(options);
}

export function generate(options: GenerateOptions): GenerateSummary {
  const log = options.log ?? (() => {});
  const plan = planFor(options.scale, options.seed);
  if (options.dbPath !== ':memory:' && existsSync(options.dbPath)) {
    // Never the office's own database: only a file that is evidently a benchmark's is replaced.
    if (!/bench/i.test(basename(options.dbPath))) {
      throw new Error(
        `bench data: ${options.dbPath} already exists and its name does not say "bench"; remove it first or choose another --db`,
      );
    }
    removeDatabase(options.dbPath);
  }
  const setupAt = instant('2017-01-03', 9 * 60);
  let clock = setupAt;
  const app = openApp(options.dbPath, {
    mode: 'cli',
    actor: 'bench',
    seed: false,
    now: () => new Date(clock),
    newId: idSource(options.seed),
    migrationsFolder: options.migrationsFolder,
  });
  // The generator's connection only: a bigger page cache keeps the indexes it appends to in memory.
  app.client.pragma('cache_size = -65536');
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const session = new Session(app);
  try {
    const rng = createRng(options.seed);
    const world: World = {
      plan,
      session,
      timeline: new Timeline(plan.end),
      departments: [],
      departmentById: new Map(),
      personById: new Map(),
      media: [],
      conferences: [],
      answers: [],
      documents: [],
      staff: ['王晓东', '李敏', '张伟', '刘洋', '陈静', '赵建国'],
      takeName: namePool(options.seed),
    };
    scheduleRegister(world, rng.fork('register'), setupAt);

    const docRng = rng.fork('documents');
    const documents = new DocumentWriter(world, docRng);
    const linked = Math.round(plan.documents * 0.6);
    const standalone = plan.documents - linked;
    let planned = 0;
    scheduleConferences(world, rng.fork('conferences'), setupAt + 60_000, (c, at) => {
      // Spread the linked documents evenly over the plan's conferences (postponed copies get none).
      const i = planned++;
      const n = Math.floor(((i + 1) * linked) / plan.conferences) - Math.floor((i * linked) / plan.conferences);
      documents.linked(c, at, n);
    });
    const [from, to] = standaloneWindow(world, setupAt);
    documents.standalone(standalone, Math.min(plan.portalDocuments, standalone), from, to);
    scheduleAnswers(world, rng.fork('answers'), setupAt + 60_000, plan.end);
    scheduleOpinions(world, rng.fork('opinions'), setupAt + 60_000, plan.end - 3_600_000);

    log(
      `bench data: scale ${plan.scale}, seed ${plan.seed} → ${options.dbPath}\n` +
        `  ${fmt(plan.departments)} departments, ${fmt(plan.people)} people, ${fmt(plan.conferences)} conferences, ` +
        `${fmt(plan.documents)} documents (${fmt(plan.portalDocuments)} for the portal), ` +
        `${fmt(plan.answers)} answers, ${fmt(plan.opinions)} opinions`,
    );
    let lastLog = performance.now();
    let lastRecords = 0;
    world.timeline.runAll(
      (ms) => {
        clock = ms;
      },
      (ms) => {
        const t = performance.now();
        if (t - lastLog < 2_000) return;
        const records = session.totalRecords;
        const rate = ((records - lastRecords) * 1000) / (t - lastLog);
        log(
          `  ${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)}  ${fmt(records)} records, ` +
            `${fmt(session.totalCalls)} calls  (${fmt(rate)} records/s, ${((t - started) / 1000).toFixed(0)} s)`,
        );
        lastLog = t;
        lastRecords = records;
      },
    );
    session.commit();
  } catch (err) {
    if (app.client.inTransaction) app.client.exec('ROLLBACK');
    throw err;
  } finally {
    app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // BENCH_PROFILE=1: where the time went, per operation (the generator's cost is the app's write path).
  if (process.env.BENCH_PROFILE) {
    for (const [m, ms] of [...session.spent.entries()].sort((a, b) => b[1] - a[1])) {
      const n = session.calls.get(m) ?? 1;
      log(`  ${m.padEnd(24)} ${(ms / 1000).toFixed(2)} s  ${n} calls  ${(ms / n).toFixed(2)} ms/call`);
    }
  }
  const records = Object.fromEntries([...session.records.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const bytes = options.dbPath === ':memory:' ? 0 : statSync(options.dbPath).size;
  log(
    `  done in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s of CPU): ${fmt(session.totalRecords)} records (${fmt(session.totalRecords / seconds)} records/s), ` +
      `${fmt(session.totalCalls)} calls (${fmt(session.totalCalls / seconds)}/s), ${(bytes / 1_048_576).toFixed(1)} MB\n` +
      `  ${Object.entries(records)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`,
  );
  return { plan, seconds, cpuSeconds, calls: session.totalCalls, records, bytes };
}
