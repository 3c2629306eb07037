// The worker that syncs a fresh import's database file while the import writes it: it holds a
// descriptor of the file only between its start and the stop, which returns once the file is closed
// (on POSIX systems closing any descriptor of a file drops the process's locks on it, SQLite's too).
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncFileMeanwhile } from '../../services/file-sync-worker';

const dir = mkdtempSync(join(tmpdir(), 'press-office-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How many descriptors of this process are open on `path` (Linux). */
function openCount(path: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) n++;
    } catch {
      // Closed meanwhile.
    }
  }
  return n;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(process.platform === 'linux')('syncFileMeanwhile', () => {
  it('keeps the file open while it runs, and has closed it when the stop returns', async () => {
    const path = join(dir, 'a.db');
    writeFileSync(path, 'x'.repeat(100_000));
    const stop = syncFileMeanwhile(path);
    for (let i = 0; i < 200 && openCount(path) === 0; i++) await sleep(25);
    expect(openCount(path)).toBe(1);
    writeFileSync(path, 'y'.repeat(100_000));
    await sleep(300);
    stop();
    expect(openCount(path)).toBe(0);
    stop();
  });

  it('never opens the file when stopped before the worker started', async () => {
    const path = join(dir, 'b.db');
    writeFileSync(path, 'x');
    const stop = syncFileMeanwhile(path);
    stop();
    for (let i = 0; i < 20; i++) {
      expect(openCount(path)).toBe(0);
      await sleep(25);
    }
  });

  it('does nothing worse than end when the file is not there', async () => {
    const stop = syncFileMeanwhile(join(dir, 'missing.db'));
    await sleep(200);
    stop();
    expect(openCount(join(dir, 'missing.db'))).toBe(0);
  });
});
