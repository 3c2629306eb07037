// The figures: what each measures, its target at scale 1 (docs/performance.md), and how. Queries run
// through the real dispatcher on an app opened the way the CLI opens it, with the dataset's clock.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clearComplianceCache } from '../../services/compliance';
import { makeStamp } from '../../services/context';
import { importDocument } from '../../services/data-format';
import { exportToFile, readJsonFile } from '../../services/data-format-file';
import { openApp } from '../../services/open-app';
import { call, callAsync, openBenchApp } from './app';
import { DATASET_NOW, LAST_FULL_YEAR, START_DATE } from './generate';
import type { MemoryProbe, PortalProbe } from './probes';
import { type FigureResult, judge, timingFigure } from './report';
import type { RunContext } from './run';
import { fromSamples, measure, spread } from './stats';

export type Figure = (ctx: RunContext) => Promise<FigureResult[]>;
export type Figures = Figure[];

const FIRST_YEAR = Number(START_DATE.slice(0, 4));
const CURRENT_YEAR = Number(DATASET_NOW.slice(0, 4));
/** A heavy figure is repeated only while its runs so far took less than this: a first full portal
 * export at scale 1 takes minutes, and a median of three is not worth a quarter of an hour. */
const HEAVY_BUDGET_MS = 180_000;

function overBudget(spentMs: number[], i: number, runs: number, notes: string[]): boolean {
  const total = spentMs.reduce((a, b) => a + b, 0);
  if (i + 1 >= runs || total < HEAVY_BUDGET_MS) return false;
  notes.push(
    `stopped after ${i + 1} of ${runs} runs: ${(total / 1000).toFixed(0)} s, over the ${HEAVY_BUDGET_MS / 60_000}-minute budget`,
  );
  return true;
}

const openFigure: Figure = async (ctx) => {
  const { migrations } = ctx.options;
  const t = await measure(() => openBenchApp(ctx.db, migrations).close(), { warmup: 1, runs: ctx.runs.light });
  return [timingFigure('open', 'open + migrate-check (openApp, close)', t, 150, ctx.judged)];
};

/** The in-process query figures, on one open app. */
const queryFigures: Figure = async (ctx) => {
  const app = openBenchApp(ctx.db, ctx.options.migrations);
  const runs = ctx.runs.light;
  const light = { warmup: Math.min(2, runs), runs };
  const out: FigureResult[] = [];
  const add = (
    id: string,
    label: string,
    t: Awaited<ReturnType<typeof measure>>,
    target: number | null,
    notes: string[] = [],
  ) => out.push(timingFigure(id, label, t, target, ctx.judged, notes));
  const exportDir = mkdtempSync(join(ctx.work, 'exports-'));
  try {
    const { terms } = ctx;
    add('dashboard', 'dashboard.get', await measure(() => call(app, 'dashboard.get', {}), light), null);
    // Cold: the kept reports forgotten before each run, so the figure is the engine and its queries
    // (what the first request after a write costs). Kept: what a repeated request costs.
    const cold = (fn: () => void) => () => {
      clearComplianceCache(app.ctx);
      fn();
    };
    const year = () => call(app, 'compliance.year', { year: LAST_FULL_YEAR });
    const matrix = () => {
      for (let y = FIRST_YEAR; y <= CURRENT_YEAR; y++) call(app, 'compliance.year', { year: y });
    };
    add(
      'compliance-year',
      `compliance.year ${LAST_FULL_YEAR}, all departments (engine + queries)`,
      await measure(cold(year), light),
      20,
    );
    add('compliance-year-kept', '  the same, report kept since the last write', await measure(year, light), null);
    add(
      'compliance-matrix',
      `compliance matrix ${FIRST_YEAR}–${CURRENT_YEAR} (10 × compliance.year, engine + queries)`,
      await measure(cold(matrix), light),
      150,
    );
    add('compliance-matrix-kept', '  the same, reports kept since the last write', await measure(matrix, light), null);
    // The conference list and the pickers ask for pages (no screen loads the decade's whole list).
    const firstPage = call(app, 'conferences.page', { offset: 0, limit: 100 });
    add(
      'conferences-page-first',
      'conferences.page, first 100 of the decade (the list opened)',
      await measure(() => call(app, 'conferences.page', { offset: 0, limit: 100 }), light),
      null,
    );
    add(
      'conferences-page-last',
      'conferences.page, last 100 of the decade (the list scrolled to the end)',
      await measure(
        () => call(app, 'conferences.page', { offset: Math.max(0, firstPage.total - 100), limit: 100 }),
        light,
      ),
      null,
    );
    add(
      'conferences-page-search',
      'conferences.page {search: "营商环境"}, first 50 (a conference picker searching)',
      await measure(() => call(app, 'conferences.page', { search: '营商环境', offset: 0, limit: 50 }), light),
      null,
    );
    const someDepartment = call(app, 'departments.list', {})[0]?.id;
    if (someDepartment) {
      add(
        'department-detail',
        'departments.get (a department with its people and record counts)',
        await measure(() => call(app, 'departments.get', { id: someDepartment }), light),
        null,
      );
    }
    add(
      'documents-list',
      'documents.list, no filter (newest first)',
      await measure(() => call(app, 'documents.list', {}), light),
      null,
    );
    // What the document list page asks: a page and the count of all.
    const documentCount = call(app, 'documents.page', { offset: 0, limit: 1 }).total;
    add(
      'documents-page-first',
      'documents.page, first 50 (the list page opened)',
      await measure(() => call(app, 'documents.page', { offset: 0, limit: 50 }), light),
      null,
    );
    const lastOffset = Math.max(0, Math.ceil(documentCount / 50) - 1) * 50;
    add(
      'documents-page-last',
      'documents.page, last 50 (the list page at its last page)',
      await measure(() => call(app, 'documents.page', { offset: lastOffset, limit: 50 }), light),
      null,
    );
    const people = call(app, 'departments.list', { search: terms.person }).length;
    add(
      'register-search',
      `departments.list {search: "${terms.person}"} (person's name)`,
      await measure(() => call(app, 'departments.list', { search: terms.person }), light),
      10,
      [`${people} departments match`],
    );
    for (const [id, term, path] of [
      ['long', terms.long, '3 pairs'],
      ['short', terms.short, '1 pair'],
      ['one', terms.one, 'prefix of pairs'],
      ['eight', terms.eight, '7 pairs'],
    ] as const) {
      const answers = call(app, 'answers.list', { search: term }).length;
      add(
        `answers-search-${id}`,
        `answers.list {search: "${term}"} (${path})`,
        await measure(() => call(app, 'answers.list', { search: term }), light),
        20,
        [`${answers} answers match`],
      );
      // The list page searching: its first page and the count of all that match.
      const matching = call(app, 'documents.page', { search: term, offset: 0, limit: 50 }).total;
      add(
        `documents-search-${id}`,
        `documents.page {search: "${term}"}, first 50 (${path})`,
        await measure(() => call(app, 'documents.page', { search: term, offset: 0, limit: 50 }), light),
        20,
        [`${matching} documents match`],
      );
      // All at once, as a screen wanting the whole list would ask (none searches it so now).
      const listed = call(app, 'documents.list', { search: term }).length;
      add(
        `documents-list-search-${id}`,
        `  documents.list {search: "${term}"}, all that match`,
        await measure(() => call(app, 'documents.list', { search: term }), light),
        null,
        [`${listed} documents listed (the list stops at 2,000)`],
      );
    }
    const proposals = call(app, 'planner.propose', { year: CURRENT_YEAR, quarter: 4 }).proposals.length;
    add(
      'planner',
      `planner.propose ${CURRENT_YEAR} Q4, all departments`,
      await measure(() => call(app, 'planner.propose', { year: CURRENT_YEAR, quarter: 4 }), light),
      500,
      [`${proposals} conferences proposed`],
    );
    const heavyish = { warmup: 1, runs: Math.min(runs, 5) };
    for (const format of ['xlsx', 'docx'] as const) {
      add(
        `compliance-export-${format}`,
        `compliance.export ${LAST_FULL_YEAR} .${format}`,
        await measure(
          () => callAsync(app, 'compliance.export', { year: LAST_FULL_YEAR, format, dir: exportDir, overwrite: true }),
          heavyish,
        ),
        1000,
      );
    }
  } finally {
    app.close();
    rmSync(exportDir, { recursive: true, force: true });
  }
  return out;
};

/** Runs `bench.mjs probe-… ` in a fresh node process and returns the JSON it prints last. */
function probe<T>(ctx: RunContext, name: string, db: string, extra: string[] = []): T {
  // As the app runs: without --enable-source-maps (which holds the bundle's source map in memory).
  const flags = process.execArgv.filter((f) => f !== '--enable-source-maps');
  const args = [...flags, process.argv[1] as string, name, '--db', db, '--root', ctx.options.root];
  if (ctx.options.migrations) args.push('--migrations', ctx.options.migrations);
  const r = spawnSync(process.execPath, [...args, ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench: ${name} failed (exit ${r.status}): ${r.stderr.trim()}`);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}

const memoryFigure: Figure = async (ctx) => {
  const samples: MemoryProbe[] = [];
  for (let i = 0; i < Math.min(ctx.runs.light, 5); i++) samples.push(probe<MemoryProbe>(ctx, 'probe-memory', ctx.db));
  const rss = spread(samples.map((s) => s.rssMB));
  return [
    {
      id: 'memory',
      label: 'RSS after open + dashboard + compliance (fresh process)',
      unit: 'MB',
      value: rss,
      cpu: null,
      target: 250,
      verdict: judge(rss, 250, ctx.judged),
      notes: [`heap used ${spread(samples.map((s) => s.heapUsedMB)).median.toFixed(0)} MB (median)`],
    },
  ];
};

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

const importFigure: Figure = async (ctx) => {
  const file = join(ctx.work, 'export.json');
  const source = openBenchApp(ctx.db, ctx.options.migrations);
  let counts: Record<string, number>;
  try {
    counts = exportToFile(source.ctx.db, makeStamp(source.ctx, 'bench'), file);
  } finally {
    source.close();
  }
  const whole: number[] = [];
  const wholeCpu: number[] = [];
  const importOnly: number[] = [];
  const importCpu: number[] = [];
  const notes: string[] = [];
  for (let i = 0; i < ctx.runs.heavy; i++) {
    const target = join(ctx.work, `import-${i}.db`);
    (globalThis as { gc?: () => void }).gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // As `press-office import` does: read and parse the file, open a new database, import in one transaction.
    const raw = readJsonFile(file);
    const app = openApp(target, { mode: 'cli', actor: 'bench', seed: false, migrationsFolder: ctx.options.migrations });
    try {
      const c1 = process.cpuUsage();
      const t1 = performance.now();
      importDocument(app.ctx.db, makeStamp(app.ctx, app.ctx.defaultActor), raw, file);
      importOnly.push(performance.now() - t1);
      const cu = process.cpuUsage(c1);
      importCpu.push((cu.user + cu.system) / 1000);
    } finally {
      app.close();
    }
    whole.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    wholeCpu.push((c.user + c.system) / 1000);
    removeDb(target);
    if (overBudget(whole, i, ctx.runs.heavy, notes)) break;
  }
  const mb = (statSync(file).size / 1_048_576).toFixed(0);
  const note = `${mb} MB file: ${counts.attendance} attendance, ${counts.conferences} conferences, ${counts.documents} documents`;
  return [
    timingFigure(
      'import',
      'import press-office/v1 into a new database (read + import)',
      fromSamples(whole, wholeCpu),
      10_000,
      ctx.judged,
      [note, ...notes],
    ),
    timingFigure(
      'import-only',
      '  of which importDocument (one transaction)',
      fromSamples(importOnly, importCpu),
      null,
      ctx.judged,
    ),
  ];
};

const portalFigure: Figure = async (ctx) => {
  const cold: PortalProbe[] = [];
  const warm: PortalProbe[] = [];
  const coldNotes: string[] = [];
  const warmNotes: string[] = [];
  // A first full export: each run starts from a copy never exported (the .docx stored at approval are used).
  let last: { db: string; dir: string } | null = null;
  for (let i = 0; i < ctx.runs.heavy; i++) {
    if (last) cleanPortal(last);
    last = { db: join(ctx.work, `portal-${i}.db`), dir: join(ctx.work, `portal-${i}`) };
    copyFileSync(ctx.db, last.db);
    cold.push(probe<PortalProbe>(ctx, 'probe-portal', last.db, ['--dir', last.dir]));
    if (
      overBudget(
        cold.map((p) => p.ms),
        i,
        ctx.runs.heavy,
        coldNotes,
      )
    )
      break;
  }
  try {
    // A full export again on the last copy reuses the stored .docx of every unchanged item.
    for (let k = 0; last && k < ctx.runs.heavy; k++) {
      warm.push(probe<PortalProbe>(ctx, 'probe-portal', last.db, ['--dir', last.dir]));
      if (
        overBudget(
          warm.map((p) => p.ms),
          k,
          ctx.runs.heavy,
          warmNotes,
        )
      )
        break;
    }
  } finally {
    if (last) cleanPortal(last);
  }
  const items = cold[0]?.items ?? 0;
  const timing = (list: PortalProbe[]) =>
    fromSamples(
      list.map((p) => p.ms),
      list.map((p) => p.cpuMs),
    );
  const peak = (list: PortalProbe[]) => spread(list.map((p) => p.peakRssMB ?? Number.NaN));
  const peakFigure = (id: string, list: PortalProbe[]): FigureResult => ({
    id,
    label: '  peak RSS during it',
    unit: 'MB',
    value: peak(list),
    cpu: null,
    target: null,
    verdict: 'info',
    notes: [`RSS before the export ${spread(list.map((p) => p.rssBeforeMB)).median.toFixed(0)} MB (median)`],
  });
  return [
    timingFigure(
      'portal-full',
      `portal.export {full}, first (${items} items never exported; .docx stored at approval)`,
      timing(cold),
      20_000,
      ctx.judged,
      coldNotes,
    ),
    peakFigure('portal-full-peak', cold),
    timingFigure(
      'portal-full-again',
      'portal.export {full}, again (stored .docx reused)',
      timing(warm),
      20_000,
      ctx.judged,
      warmNotes,
    ),
    peakFigure('portal-full-again-peak', warm),
  ];
};

function cleanPortal(p: { db: string; dir: string }): void {
  removeDb(p.db);
  rmSync(p.dir, { recursive: true, force: true });
}

/** Every figure group, in the order they run (`--only` picks some by name). */
export const figureGroups: [string, Figure][] = [
  ['open', openFigure],
  ['queries', queryFigures],
  ['memory', memoryFigure],
  ['import', importFigure],
  ['portal', portalFigure],
];
