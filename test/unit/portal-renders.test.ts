// Portal items' .docx rendered when approved and stored: the export ships the stored file while
// everything it shows is unchanged, and renders again (never ships the stale one) when the
// document, the office's signature or the reviewer changed. Also: a database without stored
// renderings, a change made while an export runs, the default summary of long bodies, and the zip.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyPlainText } from '../../common/document-body';
import { documents } from '../../db/schema';
import { dispatchAsync } from '../../services/dispatch';
import { loadDocxRenderer } from '../../services/docx/load';
import { zipSync } from '../../services/docx/package';
import { DOCX_RENDERER_VERSION, renderDocxSync } from '../../services/docx/render';
import { exportPortal } from '../../services/portal/export';
import type { Manifest } from '../../services/portal/manifest';
import { defaultSummary } from '../../services/portal/plan';
import { docxSource, prerenderPortalFiles } from '../../services/portal/renders';
import { verifyPortal } from '../../services/portal/verify';
import { type TestApp, testApp } from './helpers/app';
import { call } from './helpers/call';

let app: TestApp;
let dir: string;

// As the app does a few seconds after it starts (services/startup.ts): the approval hook renders only once
// the renderer is loaded (services/docx/load.ts). The test below the first one covers the time before.
beforeAll(async () => {
  await loadDocxRenderer();
});

beforeEach(() => {
  app = testApp({ now: '2026-06-01T09:00:00+08:00' });
  dir = mkdtempSync(join(tmpdir(), 'press-office-portal-renders-'));
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface Exported {
  written: boolean;
  folder: string;
  items: number;
}

async function exportTo(opts: { full?: boolean; zip?: boolean } = {}): Promise<Exported> {
  const r = await dispatchAsync(app.ctx, 'portal.export', { dir, ...opts });
  if (!r.ok) throw new Error(`portal.export: ${r.error.code}: ${r.error.message}`);
  return r.value as Exported;
}

function approved(fields: Record<string, unknown>, reviewer = '审核人', on: Pick<TestApp, 'ctx'> = app): string {
  call(on, 'settings.update', { userName: '起草人' });
  const doc = call(on, 'documents.create', { fields: { kind: 'release', portalColumn: '新闻发布', ...fields } });
  call(on, 'documents.review', { id: doc.id, action: 'submit' });
  call(on, 'settings.update', { userName: reviewer });
  call(on, 'documents.review', { id: doc.id, action: 'approve', confidentialityBy: '保密员' });
  return doc.id;
}

const stored = (id: string) =>
  app.client
    .prepare('SELECT render_key AS key, docx_sha256 AS sha FROM portal_renders WHERE document_id = ?')
    .get(id) as { key: string; sha: string } | undefined;

/** The key the document's rendering must have now. */
function currentKey(id: string): string {
  const doc = app.ctx.db.select().from(documents).where(eq(documents.id, id)).get();
  if (!doc) throw new Error(`no document ${id}`);
  return docxSource(doc, call(app, 'office.get', {})).key;
}

/** The .docx of an item in a package folder, and the text of its body. */
async function packagedDocx(folder: string, id: string): Promise<{ sha: string; text: string }> {
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const file = manifest.items.find((i) => i.id === id)?.files.find((f) => f.path.endsWith('.docx'));
  if (!file) throw new Error(`no .docx for ${id}`);
  const bytes = readFileSync(join(folder, file.path));
  expect(sha256(bytes)).toBe(file.sha256);
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  return { sha: file.sha256, text: (xml ?? '').replace(/<[^>]+>/g, '') };
}

describe('portal renderings stored at approval', () => {
  it('renders the .docx when a document is approved, and the export ships that file', async () => {
    const id = approved({ title: '全市经济运行情况通稿', body: '第一段。\n\n第二段。' });
    const row = stored(id);
    expect(row).toBeDefined();
    // Swap in another valid file under the same key: the export must ship exactly what is stored.
    const marker = renderDocxSync(
      { title: '标记', blocks: [{ type: 'paragraph', text: '存储的文件' }], draft: false },
      { at: new Date('2026-01-01T00:00:00Z') },
    );
    const markerSha = sha256(marker);
    app.client.prepare('INSERT INTO portal_files (sha256, bytes) VALUES (?, ?)').run(markerSha, marker);
    app.client.prepare('UPDATE portal_renders SET docx_sha256 = ? WHERE document_id = ?').run(markerSha, id);
    const first = await exportTo({ full: true });
    expect((await packagedDocx(first.folder, id)).sha).toBe(markerSha);
    expect((await verifyPortal(first.folder)).problems).toEqual([]);
  });

  it('leaves the file to the export when an approval comes before the renderer is loaded', async () => {
    // A fresh copy of the services, as in a process that has just started: nothing has loaded the renderer.
    vi.resetModules();
    const fresh = await import('../../services/dispatch');
    const freshCall = (method: string, input: unknown) => {
      const r = fresh.dispatch(app.ctx, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as { id: string };
    };
    freshCall('settings.update', { userName: '起草人' });
    const { id } = freshCall('documents.create', {
      fields: { kind: 'release', portalColumn: '新闻发布', title: '通稿' },
    });
    freshCall('documents.review', { id, action: 'submit' });
    freshCall('settings.update', { userName: '审核人' });
    freshCall('documents.review', { id, action: 'approve', confidentialityBy: '保密员' });
    expect(stored(id)).toBeUndefined();
    const r = await fresh.dispatchAsync(app.ctx, 'portal.export', { dir, full: true });
    if (!r.ok) throw new Error(r.error.message);
    const { folder } = r.value as Exported;
    expect((await packagedDocx(folder, id)).text).toContain('通稿');
    expect(stored(id)?.key).toBe(currentKey(id));
  });

  it('keys the rendering by what the file shows: a release alone keeps it', () => {
    const id = approved({ title: '通稿', body: '正文' });
    const before = stored(id);
    call(app, 'settings.update', { userName: '审核人' });
    app.setNow('2026-06-03T10:00:00+08:00');
    call(app, 'documents.review', { id, action: 'release' });
    expect(stored(id)).toEqual(before);
  });

  it('renders again, never ships the stale file, when the document changed', async () => {
    const id = approved({ title: '通稿', body: '旧的正文。' });
    const first = await exportTo();
    expect((await packagedDocx(first.folder, id)).text).toContain('旧的正文');
    const oldKey = stored(id)?.key;

    // Reopened, edited and approved again: the hook renders the new content.
    call(app, 'settings.update', { userName: '起草人' });
    call(app, 'documents.review', { id, action: 'reopen' });
    const doc = call(app, 'documents.get', { id });
    call(app, 'documents.update', { id, fields: { ...doc, body: '新的正文。' } as never });
    call(app, 'documents.review', { id, action: 'submit' });
    call(app, 'settings.update', { userName: '审核人' });
    app.setNow('2026-06-02T09:00:00+08:00');
    call(app, 'documents.review', { id, action: 'approve', confidentialityBy: '保密员' });
    expect(stored(id)?.key).not.toBe(oldKey);
    const second = await exportTo();
    const shipped = await packagedDocx(second.folder, id);
    expect(shipped.text).toContain('新的正文');
    expect(shipped.text).not.toContain('旧的正文');
  });

  it('renders again when the office signature printed in the file changed', async () => {
    const id = approved({
      kind: 'notice',
      title: '关于召开发布会的通知',
      body: '各单位：……',
      portalColumn: '通知公告',
    });
    const keyBefore = stored(id)?.key;
    const office = call(app, 'office.get', {});
    call(app, 'office.update', { ...office, signature: '日照市新闻办（新署名）' });
    // The stored rendering is now stale (its key is not the document's): the export renders.
    const pkg = await exportTo({ full: true });
    const shipped = await packagedDocx(pkg.folder, id);
    expect(shipped.text).toContain('日照市新闻办（新署名）');
    expect(stored(id)?.key).not.toBe(keyBefore);
    expect(stored(id)?.sha).toBe(shipped.sha);
  });

  it('renders again when another reviewer approved the same content the same day', async () => {
    const id = approved({ title: '通稿', body: '正文。' }, '审核人甲');
    const first = await exportTo({ full: true });
    expect((await packagedDocx(first.folder, id)).text).toContain('审核人甲');
    call(app, 'settings.update', { userName: '起草人' });
    call(app, 'documents.review', { id, action: 'reopen' });
    call(app, 'documents.review', { id, action: 'submit' });
    call(app, 'settings.update', { userName: '审核人乙' });
    call(app, 'documents.review', { id, action: 'approve', confidentialityBy: '保密员' });
    // Nothing the portal lists changed (an incremental export has nothing to do) …
    expect(call(app, 'portal.plan', {})).toMatchObject({ added: [], changed: [], unchanged: 1 });
    // … but a full package carries the file as it reads now.
    const full = await exportTo({ full: true });
    const text = (await packagedDocx(full.folder, id)).text;
    expect(text).toContain('审核人乙');
    expect(text).not.toContain('审核人甲');
  });

  it('renders at the first export what a database from before stored renderings lacks', async () => {
    const a = approved({ title: '通稿甲', body: '甲' });
    const b = approved({ title: '通稿乙', body: '乙' });
    const shaA = stored(a)?.sha;
    app.client.prepare('DELETE FROM portal_renders').run();
    const pkg = await exportTo({ full: true });
    // Rendered (the same bytes as at approval: same inputs) and stored for the next export.
    expect((await packagedDocx(pkg.folder, a)).sha).toBe(shaA);
    expect(stored(a)?.key).toBe(currentKey(a));
    expect(stored(b)?.key).toBe(currentKey(b));
    // The manifest, written a part at a time, reads exactly as JSON.stringify(manifest, null, 2) would write it.
    const text = readFileSync(join(pkg.folder, 'manifest.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect((JSON.parse(text) as Manifest).items.map((i) => i.id)).toEqual([a, b].sort((x, y) => x.localeCompare(y)));
  });

  it('pre-renders every portal document missing a current rendering, once', async () => {
    const ids = [approved({ title: '一', body: '一' }), approved({ title: '二', body: '二' })];
    approved({ title: '不上网站', body: '内部', portalColumn: null });
    app.client.prepare('DELETE FROM portal_renders').run();
    const seen: number[] = [];
    expect(await prerenderPortalFiles(app.ctx, (done) => seen.push(done))).toEqual({ documents: 2, rendered: 2 });
    expect(seen.at(-1)).toBe(2);
    for (const id of ids) expect(stored(id)?.key).toBe(currentKey(id));
    expect(await prerenderPortalFiles(app.ctx)).toEqual({ documents: 2, rendered: 0 });
  });

  it('pre-renders in slices of the size asked', async () => {
    const ids = [approved({ title: '一', body: '一' }), approved({ title: '二', body: '二' })];
    app.client.prepare('DELETE FROM portal_renders').run();
    const seen: number[] = [];
    await prerenderPortalFiles(app.ctx, (done) => seen.push(done), { page: 1 });
    expect(seen).toEqual([1, 2]);
    for (const id of ids) expect(stored(id)?.key).toBe(currentKey(id));
  });

  it('refuses to commit a package when a document changed while it was written, and leaves nothing', async () => {
    const id = approved({ title: '通稿', body: '正文' });
    approved({ title: '通稿二', body: '正文二' });
    // exportPortal runs synchronously up to its first wait (the files' fsyncs): change a document then.
    const running = exportPortal(app.ctx, { dir, full: true });
    call(app, 'settings.update', { userName: '起草人' });
    call(app, 'documents.review', { id, action: 'reopen' });
    await expect(running).rejects.toThrow(/changed while the package was being prepared/);
    expect(readdirSync(dir)).toEqual([]);
    expect(app.client.prepare('SELECT count(*) AS n FROM portal_exports').get()).toEqual({ n: 0 });
    // The next export is whole.
    const next = await exportTo({ full: true, zip: true });
    expect(next.items).toBe(1);
    // The manifest, written a part at a time, reads exactly as JSON.stringify(manifest, null, 2) would write it.
    const text = readFileSync(join(next.folder, 'manifest.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect((await verifyPortal(next.folder)).problems).toEqual([]);
    expect((await verifyPortal(`${next.folder}.zip`)).problems).toEqual([]);
  });

  it('pins the renderer: a change of what it writes needs a new DOCX_RENDERER_VERSION', async () => {
    const bytes = renderDocxSync(
      {
        title: '关于做好新闻发布工作的通知',
        docNumber: '日新办〔2026〕1号',
        blocks: [
          { type: 'heading1', text: '一、总体要求' },
          { type: 'paragraph', text: '坚持以人民为中心。' },
        ],
        signature: { office: '日照市人民政府新闻办公室', date: '2026-06-01' },
        note: '起草：张三；审核：李四（2026年6月1日）',
        draft: false,
        author: '张三',
      },
      { at: new Date('2026-06-01T01:00:00Z') },
    );
    // The parts, in order, with their text (not the compressed bytes, which may differ with the
    // platform's zlib). If this fails because the renderer (layout, fonts, the docx library, the
    // package's finishing) changed on purpose: bump DOCX_RENDERER_VERSION in
    // services/docx/render.ts, so that stored renderings are made again, and update both values.
    const zip = await JSZip.loadAsync(bytes);
    const digest = createHash('sha256');
    for (const [name, file] of Object.entries(zip.files)) {
      digest.update(`${name}\u0000${file.date.toISOString()}\u0000`);
      digest.update(await file.async('uint8array'));
    }
    expect({ version: DOCX_RENDERER_VERSION, parts: digest.digest('hex') }).toEqual({
      version: 'gbt9704/2',
      parts: '4fa542844933adf66b9f6954cb40395d6749d9f0898b011919d06001e9d761cf',
    });
  });
});

describe('the default summary', () => {
  const reference = (body: string) =>
    Array.from(bodyPlainText(body).replace(/\s+/g, ' ').trim()).slice(0, 100).join('');

  it('is the first 100 characters of the text, whatever the length and the line breaks', () => {
    const pieces = ['一、总体要求', '坚持以人民为中心，', '\r\n', '\n\n', '   ', '\u3000', '😀', '（一）目标', 'x'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 300; round++) {
      const length = next() % 6000;
      let body = '';
      while (body.length < length) body += pieces[next() % pieces.length];
      expect(defaultSummary(body), `round ${round}`).toBe(reference(body));
    }
    expect(defaultSummary('')).toBe('');
  });
});

describe('zip', () => {
  it('writes ZIP64 end records past 65,535 entries, and JSZip reads every entry', async () => {
    const entries = Array.from({ length: 65_600 }, (_, i) => ({
      name: `f/${i}.txt`,
      data: Buffer.from(String(i)),
      store: i % 2 === 0,
    }));
    const zip = zipSync(entries, new Date('2026-06-01T00:00:00Z'));
    const read = await JSZip.loadAsync(zip);
    const names = Object.keys(read.files);
    expect(names).toHaveLength(65_600);
    expect(await read.file('f/65598.txt')?.async('string')).toBe('65598');
    expect(await read.file('f/65599.txt')?.async('string')).toBe('65599');
  }, 60_000);
});
