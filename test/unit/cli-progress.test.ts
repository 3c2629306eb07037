// `press-office import` and `export portal` say how far they have got, a line at a time, where the command's
// io has a progress outlet (stderr on a terminal: cli/press-office.ts), and nothing more anywhere else.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/commands';
import { IMPORT_BACKUP_THRESHOLD } from '../../cli/commands';
import { portalProgressText } from '../../cli/portal';
import { run } from '../../cli/run';
import { fixtureDocument } from './helpers/cli-fixture';

const dir = mkdtempSync(join(tmpdir(), 'press-office-cli-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `db-${++n}.db`);

function writeDoc(value: unknown): string {
  const path = join(dir, `doc-${++n}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** Runs the command with an io that keeps what goes where; `progress` only when asked for. */
async function runWith(args: string[], withProgress: boolean) {
  const out = { stdout: '', stderr: '', progress: [] as string[] };
  const io: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    env: {},
    ...(withProgress ? { progress: (line: string) => out.progress.push(line) } : {}),
  };
  const code = await run(args, io);
  return { code, ...out };
}

/** The lines' texts, without the command's name and the seconds. */
const texts = (lines: string[]) =>
  lines.map((line) => {
    const m = /^press-office import: +(\d+\.\d) s {2}(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    return (m as RegExpExecArray)[2];
  });

describe('press-office import: progress', () => {
  it('reads, checks, writes each array with its count, then finishes, in that order', async () => {
    const doc = fixtureDocument();
    const file = writeDoc(doc);
    const result = await runWith(['import', file, '--db', fresh()], true);
    expect(result.code).toBe(0);
    const lines = texts(result.progress);
    expect(lines[0]).toBe(`reading ${file} (${(statSync(file).size / 1_048_576).toFixed(1)} MB)`);
    const writing = (Object.entries(doc) as [string, unknown][])
      .filter(([, v]) => Array.isArray(v) && v.length > 0)
      .map(([k, v]) => `writing ${k} (${(v as unknown[]).length})`);
    expect(lines).toEqual([lines[0], 'checking every record', ...writing, 'finishing and saving']);
    // The seconds never go back.
    const seconds = result.progress.map((l) => Number(/(\d+\.\d) s/.exec(l)?.[1]));
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    // The result is on stdout as always, and stderr holds nothing.
    expect(result.stdout).toMatch(/^Imported /);
    expect(result.stderr).toBe('');
  });

  it('says nothing without a progress outlet, and keeps --json output one JSON document', async () => {
    const file = writeDoc(fixtureDocument());
    const quiet = await runWith(['import', file, '--db', fresh()], false);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const json = await runWith(['import', file, '--db', fresh(), '--json'], true);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ file });
    expect(json.progress.length).toBeGreaterThan(3);
  });

  it('into a database that holds records: the check before the backup and the backup are said too; unchanged arrays are not written', async () => {
    const doc = fixtureDocument();
    const db = fresh();
    expect((await runWith(['import', writeDoc(doc), '--db', db], false)).code).toBe(0);
    // Enough new records for the backup before a large import.
    const extra = Array.from({ length: IMPORT_BACKUP_THRESHOLD }, (_, i) => ({
      ...doc.media[0],
      id: `m-extra-${i}`,
      name: `媒体 ${i}`,
    }));
    const bigger = { ...doc, media: [...doc.media, ...extra] };
    const result = await runWith(['import', writeDoc(bigger), '--db', db], true);
    expect(result.code).toBe(0);
    const lines = texts(result.progress);
    expect(lines.slice(1)).toEqual([
      'checking every record before the backup',
      `backing up ${db}`,
      'checking every record',
      `writing media (${IMPORT_BACKUP_THRESHOLD.toLocaleString('en-US')})`,
      'finishing and saving',
    ]);
    expect(result.stdout).toMatch(/kept in /);
  });

  it('a file that fails its checks: the lines up to the check, then the problems as always', async () => {
    const doc = fixtureDocument();
    const broken = { ...doc, media: [{ ...doc.media[0], name: '' }] };
    const result = await runWith(['import', writeDoc(broken), '--db', fresh()], true);
    expect(result.code).toBe(1);
    expect(texts(result.progress).slice(1)).toEqual(['checking every record']);
    expect(result.stderr).toMatch(/media\[0\]\.name/);
  });
});

describe('press-office export portal: progress', () => {
  it('says each phase as the app’s progress bar does', () => {
    expect(portalProgressText({ phase: 'render', done: 1234, total: 10000 })).toBe(
      'rendering 1,234 of 10,000 documents',
    );
    expect(portalProgressText({ phase: 'write', done: 10000, total: 10000 })).toBe(
      'writing 10,000 files and the manifest',
    );
    expect(portalProgressText({ phase: 'zip', done: 5, total: 12 })).toBe('zipping 5 of 12 files');
  });

  it('starts with what it looks for, and says nothing without a progress outlet', async () => {
    const db = fresh();
    expect((await runWith(['import', writeDoc(fixtureDocument()), '--db', db], false)).code).toBe(0);
    const out = join(dir, `portal-${++n}`);
    const result = await runWith(['export', 'portal', '--out', out, '--full', '--db', db], true);
    expect(result.code, result.stderr).toBe(0);
    expect(result.progress[0]).toMatch(
      /^press-office export portal: +0\.\d s {2}finding what changed since the last package \(a full package\)$/,
    );
    for (const line of result.progress.slice(1)) expect(line).toMatch(/^press-office export portal: +\d+\.\d s {2}\S/);
    const quiet = await runWith(['export', 'portal', '--out', out, '--full', '--db', db], false);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

describe('press-office export data: progress', () => {
  it('says each array as it writes it, then the saving of the file', async () => {
    const db = fresh();
    expect((await runWith(['import', writeDoc(fixtureDocument()), '--db', db], false)).code).toBe(0);
    const out = join(dir, `export-${++n}.json`);
    const result = await runWith(['export', 'data', '--out', out, '--db', db], true);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.progress.map((line) => {
      const m = /^press-office export data: +\d+\.\d s {2}(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      return (m as RegExpExecArray)[1];
    });
    expect(lines).toEqual([
      ...['departments', 'people', 'trainings', 'media', 'conferences', 'attendance', 'documents', 'answers'].map(
        (name) => `writing ${name}`,
      ),
      `saving ${out}`,
    ]);
    const quiet = await runWith(['export', 'data', '--out', join(dir, `export-${++n}.json`), '--db', db], false);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
