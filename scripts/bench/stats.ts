// Repeated measurement: warm-up runs first (not counted), then the median and spread of the rest.
// Wall-clock and CPU time are both kept: on a machine shared with other work, CPU time shows what
// the code costs and the wall clock what the office would wait.

export interface Spread {
  runs: number;
  median: number;
  min: number;
  max: number;
  p90: number;
}

export interface Timing {
  wall: Spread;
  cpu: Spread;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median =
    n === 0
      ? Number.NaN
      : n % 2
        ? (sorted[n >> 1] as number)
        : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return {
    runs: n,
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    p90: percentile(sorted, 90),
  };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** Times `fn` (sync or async) `runs` times after `warmup` uncounted runs; `setup` runs untimed before each. */
export async function measure(
  fn: () => unknown,
  options: { warmup: number; runs: number; setup?: () => unknown },
): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    await options.setup?.();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const t = performance.now() - t0;
    const c = cpuMs(process.cpuUsage(c0));
    if (i >= options.warmup) {
      wall.push(t);
      cpu.push(c);
    }
  }
  return { wall: spread(wall), cpu: spread(cpu) };
}

export function fromSamples(wall: readonly number[], cpu: readonly number[]): Timing {
  return { wall: spread(wall), cpu: spread(cpu) };
}
