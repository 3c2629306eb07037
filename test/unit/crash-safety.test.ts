// Kill a writer with SIGKILL at random moments, again and again, then check that every committed
// transaction is there, whole, and the file is sound. Same for atomically written files.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepTempFiles, TEMP_MARKER } from '../../services/atomic-file';

const ROOT = join(import.meta.dirname, '..', '..');
const KILLS = 40;
let writer: string;

beforeAll(async () => {
  // Inside the repository, so that the bundle's `import 'better-sqlite3'` resolves.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'press-office-crash-'));
  writer = join(out, 'crash-writer.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/unit/helpers/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: writer,
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}, 60_000);

/** Runs the writer until it has printed `atLeast` lines plus a random extra time, then SIGKILLs it. */
function runAndKill(args: string[], minLines: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [writer, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.split('\n').length > minLines) {
        armed = true;
        // Somewhere inside the next transactions: 0–40 ms later.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${err}`));
      else resolve(out.split('\n').filter((l) => l.trim() !== ''));
    });
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}

describe('crash safety', () => {
  it(`keeps every committed conference whole across ${KILLS} SIGKILLs`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-office-crash-'));
    const dbPath = join(dir, 'press-office.db');
    const committed: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      committed.push(...(await runAndKill(['db', dbPath, join(ROOT, 'db/migrations')], 1 + (i % 3))));
    }
    expect(committed.length).toBeGreaterThanOrEqual(KILLS);

    const db = new Database(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ids = new Set((db.prepare('SELECT id FROM conferences').all() as { id: string }[]).map((r) => r.id));
    for (const id of committed) expect(ids.has(id), `committed conference ${id} is missing`).toBe(true);
    // No transaction is half there: every conference has its departments, speakers and attendance.
    const partial = db
      .prepare(
        `SELECT c.id FROM conferences c WHERE c.status <> 'held'
           OR (SELECT count(*) FROM conference_departments d WHERE d.conference_id = c.id) <> 3
           OR (SELECT count(*) FROM conference_speakers s WHERE s.conference_id = c.id) <> 3
           OR (SELECT count(*) FROM attendance a WHERE a.conference_id = c.id) <> 3
           OR (SELECT count(*) FROM audit_log l WHERE l.entity_id = c.id) <> 2`,
      )
      .all();
    expect(partial).toEqual([]);
    db.close();
  }, 240_000);

  it(`never leaves a half-written file across ${KILLS} SIGKILLs, and sweeps the leftovers`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'press-office-crash-file-'));
    const target = join(dir, 'export.json');
    let last = 0;
    for (let i = 0; i < KILLS; i++) {
      const lines = await runAndKill(['file', target], 1);
      last = Math.max(last, ...lines.map(Number));
      // The file under its real name is always a whole document, at least as new as the last one reported.
      const doc = JSON.parse(readFileSync(target, 'utf8')) as { n: number; filler: string };
      expect(doc.filler).toHaveLength(2_000_000);
      expect(doc.n).toBeGreaterThanOrEqual(Number(lines.at(-1)));
    }
    expect(last).toBeGreaterThan(0);
    // The writer is almost always mid-write when killed: its temp files are the proof, and are swept.
    expect(sweepTempFiles(dir).length).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(TEMP_MARKER))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  }, 240_000);
});
