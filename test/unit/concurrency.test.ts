// The CLI writing while the app (browser mode) runs: two writer processes, thousands of
// transactions each, and not one lost.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { startBrowserServer, TOKEN_HEADER } from '../../server/browser-mode';
import { dispatch } from '../../services/dispatch';
import { openApp } from '../../services/open-app';

const ROOT = join(import.meta.dirname, '..', '..');
const EACH = 2000;

async function bundleWriter(): Promise<string> {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = join(mkdtempSync(join(cache, 'press-office-concurrency-')), 'writer.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/unit/helpers/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return out;
}

describe('two writers at once', () => {
  it(`loses nothing: ${EACH} API writes in browser mode and ${EACH} from a second process`, async () => {
    const writer = await bundleWriter();
    const dir = mkdtempSync(join(tmpdir(), 'press-office-concurrency-'));
    const dbPath = join(dir, 'press-office.db');
    const app = openApp(dbPath, { mode: 'browser' });
    const person = dispatch(app.ctx, 'people.create', {
      departmentId: 'rizhao-01',
      name: '发言人',
      role: 'spokesperson',
    });
    if (!person.ok) throw new Error(person.error.message);
    const personId = (person.value as { id: string }).id;
    const srv = await startBrowserServer({ ctx: app.ctx, rendererDir: dir });

    const child = spawn(
      process.execPath,
      [writer, 'count', dbPath, join(ROOT, 'db/migrations'), personId, String(EACH)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let childErr = '';
    child.stderr?.on('data', (c: Buffer) => {
      childErr += c.toString();
    });
    const childDone = new Promise<number | null>((resolve) => child.on('exit', resolve));

    const post = (i: number) =>
      fetch(`http://127.0.0.1:${srv.port}/api/trainings.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: srv.token },
        body: JSON.stringify({ personId, date: '2026-01-02', course: `app ${i}` }),
      }).then((r) => r.json() as Promise<{ ok: boolean; error?: { message: string } }>);
    const failures: string[] = [];
    for (let i = 0; i < EACH; i += 4) {
      const results = await Promise.all([post(i), post(i + 1), post(i + 2), post(i + 3)]);
      for (const r of results) if (!r.ok) failures.push(r.error?.message ?? 'unknown');
    }
    expect(failures).toEqual([]);
    expect(await childDone, childErr).toBe(0);
    await srv.close();

    const counts = app.client
      .prepare(
        'SELECT substr(course, 1, 3) AS who, count(*) AS n, count(DISTINCT id) AS ids FROM trainings GROUP BY who ORDER BY who',
      )
      .all();
    expect(counts).toEqual([
      { who: 'app', n: EACH, ids: EACH },
      { who: 'cli', n: EACH, ids: EACH },
    ]);
    expect(app.client.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  }, 240_000);
});
