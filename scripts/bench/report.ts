// The figures table (printed) and bench-results.json (kept): one row per figure with its median,
// spread, CPU time, target and verdict.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Spread, Timing } from './stats';

export type Verdict = 'PASS' | 'FAIL' | 'n/a' | 'info';

export interface FigureResult {
  id: string;
  label: string;
  unit: 'ms' | 'MB';
  /** The judged quantity: wall-clock time, or memory for the MB figures. */
  value: Spread;
  /** CPU time of the process over the same runs (timings only). */
  cpu: Spread | null;
  target: number | null;
  verdict: Verdict;
  notes: string[];
}

/** Verdicts are given only at scale 1: the targets are for a decade at full scale. */
export function judge(value: Spread, target: number | null, judged: boolean): Verdict {
  if (target === null) return 'info';
  if (!judged) return 'n/a';
  return value.median < target ? 'PASS' : 'FAIL';
}

export function timingFigure(
  id: string,
  label: string,
  timing: Timing,
  target: number | null,
  judged: boolean,
  notes: string[] = [],
): FigureResult {
  return {
    id,
    label,
    unit: 'ms',
    value: timing.wall,
    cpu: timing.cpu,
    target,
    verdict: judge(timing.wall, target, judged),
    notes,
  };
}

function num(v: number, unit: 'ms' | 'MB'): string {
  if (!Number.isFinite(v)) return '–';
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (v >= 100) return `${v.toFixed(0)} ms`;
  return `${v.toFixed(1)} ms`;
}

export function renderTable(results: readonly FigureResult[]): string {
  const header = ['Figure', 'median', 'min–max', 'p90', 'CPU median', 'runs', 'target', 'verdict'];
  const rows = results.map((r) => [
    r.label,
    num(r.value.median, r.unit),
    `${num(r.value.min, r.unit)} – ${num(r.value.max, r.unit)}`,
    num(r.value.p90, r.unit),
    r.cpu ? num(r.cpu.median, 'ms') : '',
    String(r.value.runs),
    r.target === null ? '' : `< ${num(r.target, r.unit)}`,
    r.verdict,
  ]);
  // East Asian wide characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFDC]/.test(ch) && !/[–]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] as string))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 ? c + ' '.repeat((widths[i] as number) - width(c)) : ' '.repeat((widths[i] as number) - width(c)) + c,
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function gitCommit(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export function environment(root: string, extra: Record<string, unknown>): Record<string, unknown> {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? null,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    commit: gitCommit(root),
    ...extra,
  };
}

export function writeResults(path: string, content: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}
