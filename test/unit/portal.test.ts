// Portal packages: incremental by default, 索引号 stable and never reused, 政策解读 with its policy,
// verify-portal catching tampering, clean HTML, exact re-creation, and a killed export leaving no
// package behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'parse5';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../services/dispatch';
import { openApp } from '../../services/open-app';
import type { Manifest } from '../../services/portal/manifest';
import { verifyPortal } from '../../services/portal/verify';
import { type TestApp, testApp } from './helpers/app';
import { call } from './helpers/call';

const ROOT = join(import.meta.dirname, '..', '..');
let app: TestApp;
let dir: string;

beforeEach(() => {
  app = testApp({ now: '2026-06-01T09:00:00+08:00' });
  dir = mkdtempSync(join(tmpdir(), 'press-office-portal-'));
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run<T>(method: string, input: unknown, on: TestApp = app): Promise<T> {
  const r = await dispatchAsync(on.ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

interface Exported {
  written: boolean;
  sequence: number | null;
  folder: string;
  items: number;
}

const exportTo = (out: string, opts: { full?: boolean; zip?: boolean } = {}) =>
  run<Exported>('portal.export', { dir: out, ...opts });
const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;

function approved(fields: Record<string, unknown>, on: TestApp = app): string {
  call(on, 'settings.update', { userName: '起草人' });
  const doc = call(on, 'documents.create', { fields: { kind: 'release', portalColumn: '新闻发布', ...fields } });
  call(on, 'documents.review', { id: doc.id, action: 'submit' });
  call(on, 'settings.update', { userName: '审核人' });
  call(on, 'documents.review', { id: doc.id, action: 'approve', confidentialityBy: '保密员' });
  return doc.id;
}

function revise(id: string, body: string): void {
  call(app, 'settings.update', { userName: '起草人' });
  call(app, 'documents.review', { id, action: 'reopen' });
  const doc = call(app, 'documents.get', { id });
  call(app, 'documents.update', { id, fields: { ...doc, body } as never });
  call(app, 'documents.review', { id, action: 'submit' });
  call(app, 'settings.update', { userName: '审核人' });
  call(app, 'documents.review', { id, action: 'approve', confidentialityBy: '保密员' });
}

describe('portal packages', () => {
  it('holds exactly what changed since the last package', async () => {
    const a = approved({ title: '全市经济运行情况通稿', body: '第一段。\n\n第二段。', departmentId: 'rizhao-01' });
    const b = approved({ title: '文字实录', kind: 'transcript', body: '主持人：各位记者朋友……' });
    const first = await exportTo(dir);
    expect(first).toMatchObject({ written: true, sequence: 1, items: 2 });
    const m1 = manifestOf(first.folder);
    expect(m1).toMatchObject({
      format: 'press-office-portal/v1',
      sequence: 1,
      previousSequence: null,
      full: false,
      deleted: [],
    });
    const indexA = m1.items.find((i) => i.id === a)?.metadata.indexNo;
    expect(indexA).toBe('RZXWB-2026-00001');
    expect(m1.items.find((i) => i.id === a)?.metadata.publisher).toBe('日照市发展和改革委员会');
    expect((await verifyPortal(first.folder)).problems).toEqual([]);
    // Right after an export nothing is pending (the 索引号 given by it is not a change).
    expect(call(app, 'portal.plan', {})).toMatchObject({ added: [], changed: [], withdrawn: [], unchanged: 2 });

    revise(a, '第一段（更新）。\n\n第二段。');
    call(app, 'documents.review', { id: b, action: 'reopen' });
    const plan = call(app, 'portal.plan', {});
    expect(plan.changed.map((i) => i.documentId)).toEqual([a]);
    expect(plan.withdrawn.map((i) => i.documentId)).toEqual([b]);
    expect(plan.added).toEqual([]);
    const second = await exportTo(dir);
    const m2 = manifestOf(second.folder);
    expect(m2).toMatchObject({ sequence: 2, previousSequence: 1, deleted: [b] });
    expect(m2.items.map((i) => [i.id, i.metadata.indexNo])).toEqual([[a, indexA]]);
    expect((await verifyPortal(second.folder)).ok).toBe(true);

    // Nothing changed: an incremental export writes nothing; a full one is written, even if empty.
    expect(await exportTo(dir)).toMatchObject({ written: false, sequence: null });
    const full = await exportTo(dir, { full: true, zip: true });
    expect(manifestOf(full.folder)).toMatchObject({ sequence: 3, full: true, deleted: [] });
    expect(manifestOf(full.folder).items.map((i) => i.id)).toEqual([a]);
    expect(existsSync(`${full.folder}.zip`)).toBe(true);
    expect((await verifyPortal(`${full.folder}.zip`)).problems).toEqual([]);
    expect(call(app, 'portal.history', {}).map((h) => [h.sequence, h.added, h.changed, h.withdrawn])).toEqual([
      [3, 0, 0, 0],
      [2, 0, 1, 1],
      [1, 2, 0, 0],
    ]);
    // The portal channel is recorded for the assessment.
    expect(call(app, 'documents.channels', { id: a })).toEqual([{ channel: 'portal', date: '2026-06-01' }]);
  });

  it('never gives a 索引号 twice, and keeps it when an item comes back', async () => {
    const a = approved({ title: '通稿甲', body: '甲' });
    await exportTo(dir);
    call(app, 'documents.review', { id: a, action: 'reopen' });
    await exportTo(dir);
    call(app, 'documents.remove', { id: a });
    const b = approved({ title: '通稿乙', body: '乙' });
    const c = approved({ title: '通稿丙', body: '丙' });
    const m = manifestOf((await exportTo(dir)).folder);
    expect(m.items.map((i) => [i.id, i.metadata.indexNo])).toEqual(
      [
        [b, 'RZXWB-2026-00002'],
        [c, 'RZXWB-2026-00003'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
  });

  it('publishes a 政策解读 in the same package as the policy it interprets', async () => {
    const interp = approved({
      kind: 'interpretation',
      title: '《关于促进消费的若干措施》政策解读',
      body: '一、出台背景\n\n为进一步……',
      portalColumn: '政策解读',
      policyTitle: '关于促进消费的若干措施',
      policyNumber: '日政办发〔2026〕5号',
    });
    call(app, 'settings.update', { userName: '起草人' });
    const policy = call(app, 'documents.create', {
      fields: {
        kind: 'notice',
        title: '关于促进消费的若干措施',
        body: '各区县人民政府……',
        docNumber: '日政办发〔2026〕5号',
        portalColumn: '政府信息公开',
      },
    });
    const plan = call(app, 'portal.plan', {});
    expect(plan.held.map((h) => h.documentId)).toEqual([interp]);
    expect(plan.held[0]?.reason).toMatch(/waits for the policy/);
    expect(await exportTo(dir)).toMatchObject({ written: false });
    call(app, 'documents.review', { id: policy.id, action: 'submit' });
    call(app, 'settings.update', { userName: '审核人' });
    call(app, 'documents.review', { id: policy.id, action: 'approve', confidentialityBy: '保密员' });
    const m = manifestOf((await exportTo(dir)).folder);
    expect(m.items.map((i) => i.id).sort()).toEqual([interp, policy.id].sort());
    expect(m.items.find((i) => i.id === interp)?.interprets).toBe(policy.id);
    const assessment = call(app, 'assessment.year', { year: 2026 });
    expect(assessment.rows).toHaveLength(24);
  });

  it('writes clean HTML: valid, no scripts, no external resources, inline styles only', async () => {
    approved({
      title: '<script>alert(1)</script> & "引号"',
      body: '一、标题\n\n正文<img src=x onerror=alert(1)>\u0001\uFFFE\n\n（一）二级\n\n😀',
      docNumber: '日新办〔2026〕1号',
    });
    const folder = (await exportTo(dir)).folder;
    const m = manifestOf(folder);
    const htmlPath = m.items[0]?.files.find((f) => f.path.endsWith('.html'))?.path as string;
    const html = readFileSync(join(folder, htmlPath), 'utf8');
    const errors: string[] = [];
    const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    // Every element and attribute in the parsed page: nothing that runs or loads.
    const tags = new Set<string>();
    const attributes = new Set<string>();
    const walk = (node: { tagName?: string; attrs?: { name: string }[]; childNodes?: unknown[] }) => {
      if (node.tagName) tags.add(node.tagName);
      for (const a of node.attrs ?? []) attributes.add(a.name);
      for (const c of node.childNodes ?? []) walk(c as typeof node);
    };
    walk(doc as never);
    expect([...tags].sort()).toEqual(
      [
        'article',
        'body',
        'h1',
        'h2',
        'h3',
        'head',
        'header',
        'html',
        'meta',
        'p',
        'section',
        'tbody',
        'td',
        'th',
        'title',
        'tr',
        'table',
      ].sort(),
    );
    expect([...attributes].sort()).toEqual(['charset', 'lang', 'scope', 'style']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;');
    expect(html).toContain('<h2 style=');
    expect(html).toContain('<h3 style=');
    expect(html.includes('\u0001') || html.includes('\uFFFE')).toBe(false);
    expect(html).toContain('😀');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('re-creates a past package exactly', async () => {
    approved({ title: '通稿', body: '正文' });
    const first = await exportTo(dir, { full: true });
    const again = join(dir, 'again');
    const { folder } = call(app, 'portal.recreate', { sequence: 1, dir: again });
    const files = (root: string): string[] =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(root.length))
        .sort();
    expect(files(folder)).toEqual(files(first.folder));
    for (const f of files(folder))
      expect(readFileSync(join(folder, f)).equals(readFileSync(join(first.folder, f)))).toBe(true);
    expect(() => call(app, 'portal.recreate', { sequence: 1, dir: again })).toThrow(/already exists/);
  });
});

describe('verify-portal', () => {
  let pkg: string;
  let good: Manifest;
  beforeEach(async () => {
    approved({ title: '通稿一', body: '正文一' });
    approved({ title: '通稿二', body: '正文二' });
    pkg = (await exportTo(dir)).folder;
    good = manifestOf(pkg);
  });
  const first = () => good.items[0]?.files[0]?.path as string;

  it('passes an untouched package', async () => {
    expect(await verifyPortal(pkg)).toMatchObject({ ok: true, problems: [], items: 2, files: 4 });
  });
  it('catches a tampered file', async () => {
    writeFileSync(join(pkg, first()), `${readFileSync(join(pkg, first()), 'utf8')}<!-- x -->`);
    const r = await verifyPortal(pkg);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(new RegExp(`${first()}: \\d+ bytes, the manifest says`));
    expect(r.problems.join('\n')).toMatch(/SHA-256 .* does not match/);
  });
  it('catches a missing file', async () => {
    rmSync(join(pkg, first()));
    expect((await verifyPortal(pkg)).problems).toEqual([`${first()}: missing`]);
  });
  it('catches an extra file', async () => {
    writeFileSync(join(pkg, 'items', 'notes.txt'), 'x');
    expect((await verifyPortal(pkg)).problems).toEqual(['items/notes.txt: extra file, not in the manifest']);
  });
  it('catches a path that escapes the package', async () => {
    const bad = structuredClone(good);
    (bad.items[0]?.files[0] as { path: string }).path = '../outside.html';
    writeFileSync(join(pkg, 'manifest.json'), JSON.stringify(bad));
    const problems = (await verifyPortal(pkg)).problems;
    expect(problems).toContain('../outside.html: leaves the package (..)');
    expect(problems).toContain(`${first()}: extra file, not in the manifest`);
  });
  it('catches a manifest that breaks the schema', async () => {
    writeFileSync(join(pkg, 'manifest.json'), JSON.stringify({ ...good, sequence: 0, surprise: true }));
    const problems = (await verifyPortal(pkg)).problems;
    expect(problems.some((p) => p.startsWith('manifest.json: sequence:'))).toBe(true);
    expect(problems.some((p) => /surprise/.test(p))).toBe(true);
  });
  it('refuses to walk a folder that is not a package', async () => {
    expect((await verifyPortal(tmpdir())).problems[0]).toMatch(/not a portal package \(no manifest.json in it\)/);
  });
});

describe('a killed export', () => {
  let exporter: string;
  beforeAll(async () => {
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    exporter = join(mkdtempSync(join(cache, 'press-office-portal-')), 'portal-exporter.mjs');
    await build({
      entryPoints: [join(ROOT, 'test/unit/helpers/portal-exporter.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: exporter,
      external: ['better-sqlite3'],
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
  }, 60_000);
  afterAll(() => rmSync(join(exporter, '..'), { recursive: true, force: true }));

  function runAndKill(db: string, out: string, afterMs: number): Promise<string> {
    return new Promise((resolve) => {
      const child: ChildProcess = spawn(process.execPath, [exporter, db, out, join(ROOT, 'db', 'migrations')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout?.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes('started')) setTimeout(() => child.kill('SIGKILL'), afterMs);
      });
      child.on('exit', () => resolve(text));
    });
  }

  it('leaves no package, and the next export is correct', async () => {
    const db = join(dir, 'office.db');
    const office = openApp(db, { mode: 'cli', actor: 't', now: () => new Date('2026-06-01T01:00:00Z') });
    const officeApp = { ...office, setNow: () => {} } as TestApp;
    for (let i = 0; i < 120; i++) approved({ title: `通稿${i}`, body: `第${i}号通稿正文。\n\n`.repeat(20) }, officeApp);
    office.close();
    const out = join(dir, 'portal');
    let killedMidway = 0;
    for (const delay of [0, 40, 120, 250, 400, 700]) {
      const text = await runAndKill(db, out, delay);
      if (!text.includes('done')) killedMidway++;
      // Only complete, logged packages are visible; each verifies.
      for (const name of existsSync(out) ? readdirSync(out) : []) {
        if (name.startsWith('.')) continue;
        expect((await verifyPortal(join(out, name))).problems).toEqual([]);
      }
      if (text.includes('done')) break;
    }
    expect(killedMidway).toBeGreaterThan(0);
    const after = openApp(db, { mode: 'cli', actor: 't', now: () => new Date('2026-06-01T02:00:00Z') });
    try {
      const logged = after.client.prepare('SELECT count(*) AS n FROM portal_exports').get() as { n: number };
      const r = await run<Exported>('portal.export', { dir: out, full: true }, {
        ...after,
        setNow: () => {},
      } as TestApp);
      expect(r.sequence).toBe(logged.n + 1);
      expect(r.items).toBe(120);
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
      expect((await verifyPortal(r.folder)).problems).toEqual([]);
    } finally {
      after.close();
    }
  }, 120_000);
});
