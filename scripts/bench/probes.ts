// Figures that need a process of their own, started by the runner as `bench.mjs probe-… --db FILE`:
// the memory of a process that has just opened the data and shown the dashboard and compliance, and
// a full portal export with its peak RSS (not blurred by what the runner itself has allocated).
import { readFileSync, writeFileSync } from 'node:fs';
import { call, callAsync, openBenchApp } from './app';
import type { BenchOptions } from './args';
import { DATASET_NOW } from './generate';

const MB = 1_048_576;

/** The process's peak resident set (VmHWM) in bytes, or null where /proc does not give it. */
export function peakRss(): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so the next peak is this phase's. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export interface MemoryProbe {
  rssMB: number;
  heapUsedMB: number;
  externalMB: number;
}

export function memoryProbe(o: BenchOptions): MemoryProbe {
  const app = openBenchApp(o.db, o.migrations);
  try {
    const year = Number(DATASET_NOW.slice(0, 4));
    call(app, 'dashboard.get', {});
    call(app, 'compliance.year', { year });
    const m = process.memoryUsage();
    return { rssMB: m.rss / MB, heapUsedMB: m.heapUsed / MB, externalMB: m.external / MB };
  } finally {
    app.close();
  }
}

export interface PortalProbe {
  ms: number;
  cpuMs: number;
  items: number;
  /** Peak RSS during the export (from the reset just before it), in MB. */
  peakRssMB: number | null;
  rssBeforeMB: number;
}

export async function portalProbe(o: BenchOptions): Promise<PortalProbe> {
  if (!o.dir) throw new Error('probe-portal needs --dir');
  const app = openBenchApp(o.db, o.migrations);
  try {
    const rssBefore = process.memoryUsage().rss;
    const reset = resetPeakRss();
    // Sampled too, in case /proc is not there: the render phase yields between documents.
    let sampled = rssBefore;
    const timer = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage().rss);
    }, 25);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await callAsync(app, 'portal.export', { full: true, dir: o.dir });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    clearInterval(timer);
    const hwm = reset ? peakRss() : null;
    return {
      ms,
      cpuMs: (c.user + c.system) / 1000,
      items: result.items,
      peakRssMB: Math.max(sampled, hwm ?? 0) / MB,
      rssBeforeMB: rssBefore / MB,
    };
  } finally {
    app.close();
  }
}
