// Writing portal packages. A package is written whole into a hidden temporary folder, recorded in
// the export log in one transaction (the sequence advances only then), and renamed into place. A
// killed export leaves at most a temporary folder: the next export removes it, or, when the log
// already has it (killed between commit and rename), finishes the rename.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { localDate } from '../../common/dates';
import type { PortalExportView } from '../../common/opinion-types';
import { AppError } from '../../common/result';
import { recordAudit } from '../../db/queries/audit';
import { documentChannels, documents, portalEntries, portalExports, portalFiles, portalSerials } from '../../db/schema';
import { fsyncFolder, TEMP_MARKER, tempPathFor } from '../atomic-file';
import { makeStamp, type ServiceContext } from '../context';
import { docxRendererIfLoaded, loadDocxRenderer } from '../docx/load';
import { ZipWriter, zipBlock } from '../docx/package';
import { safeFileName } from '../export-files';
import { readOffice } from '../office';
import { currentActor } from '../settings';
import { DurableFolderWriter } from './durable-writer';
import { itemHtml } from './html';
import { type FileEntry, type Manifest, type ManifestItem, PORTAL_FORMAT } from './manifest';
import { computePlan, documentFingerprint, type PortalCandidate } from './plan';
import { docxSource, PortalRenderStore } from './renders';

export interface PortalProgress {
  phase: 'render' | 'write' | 'zip' | 'done';
  done: number;
  total: number;
}

let progress: PortalProgress | null = null;

/** How far the running export is, for the UI's progress bar; null when none runs. */
export function portalProgress(): PortalProgress | null {
  return progress;
}

export interface PortalExportResult {
  written: boolean;
  sequence: number | null;
  folder: string | null;
  zip: string | null;
  added: number;
  changed: number;
  withdrawn: number;
  items: number;
  manifestSha256: string | null;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const tempName = (folder: string) => `.${folder}${TEMP_MARKER}`;
const FOLDER = /^(\d{6,})-\d{8}T\d{6}Z$/;

/**
 * Before an export: a temporary package the log knows (the process died after recording it) is
 * renamed into place; any other temporary package is an unfinished export and is removed.
 */
export function sweepPortalTemps(ctx: ServiceContext, dir: string): string[] {
  const done: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return done;
  }
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith(TEMP_MARKER)) continue;
    const folder = name.slice(1, -TEMP_MARKER.length);
    const m = FOLDER.exec(folder);
    const logged = m
      ? ctx.db
          .select()
          .from(portalExports)
          .where(eq(portalExports.sequence, Number(m[1])))
          .get()
      : undefined;
    if (logged && logged.folder === folder && !existsSync(join(dir, folder))) {
      renameSync(join(dir, name), join(dir, folder));
      done.push(`finished ${folder}`);
    } else {
      rmSync(join(dir, name), { recursive: true, force: true });
      done.push(`removed ${name}`);
    }
  }
  if (done.length) fsyncFolder(dir);
  return done;
}

function writeDurable(path: string, data: Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What was written of an item before the commit, checked against the data inside it. */
interface WrittenItem {
  id: string;
  hash: string;
  change: PortalCandidate['change'];
  /** The year of its 索引号, when this export gives one. */
  generatedDate: string;
  /** The document row as the plan read it: the .docx is a function of it and the office. */
  fingerprint: string;
  indexNo: string;
  /** Whether this export gives the 索引号 (the item had none). */
  allocates: boolean;
  /** Its files ({path, sha256, bytes}[]) as JSON, as recorded in its portal entry. */
  files: string;
}

/** Stored renderings and packaged files waiting for their transaction (a batch of items). */
interface PendingBlobs {
  renders: { id: string; key: string; bytes: Uint8Array; sha256: string }[];
  files: { bytes: Uint8Array; sha256: string }[];
  bytes: number;
}

const BATCH_ITEMS = 250;
const BATCH_BYTES = 8 * 1_048_576;
/** The export yields to the event loop at least this often (progress polls, the UI). */
const YIELD_MS = 50;

const documentsChanged = () =>
  new AppError('conflict', 'documents changed while the package was being prepared; export again');

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The 索引号 the items without one would get, in order, as allocateIndexNo gives them: files are
 * written under them before the commit, which allocates them and checks they are these.
 */
function predictIndexNos(ctx: ServiceContext, code: string, items: PortalCandidate[]): Map<string, string> {
  const last = new Map(
    ctx.db
      .select()
      .from(portalSerials)
      .all()
      .map((r) => [r.year, r.last]),
  );
  const out = new Map<string, string>();
  for (const c of items) {
    if (c.entry?.indexNo) continue;
    const year = Number(c.item.metadata.generatedDate.slice(0, 4));
    const serial = (last.get(year) ?? 0) + 1;
    last.set(year, serial);
    out.set(c.doc.id, `${code}-${year}-${String(serial).padStart(5, '0')}`);
  }
  return out;
}

export async function exportPortal(
  ctx: ServiceContext,
  input: { dir: string; full?: boolean | undefined; zip?: boolean | undefined },
): Promise<PortalExportResult> {
  if (!isAbsolute(input.dir))
    throw new AppError('invalid_input', `portal folder "${input.dir}" must be an absolute path`);
  // Loaded before the check below: from it until `progress` is set nothing may wait, or two exports could start.
  // Once loaded (the usual case) this does not wait at all: the export runs synchronously up to its first fsync.
  const { renderDocxSync } = docxRendererIfLoaded() ?? (await loadDocxRenderer());
  if (progress && progress.phase !== 'done') throw new AppError('conflict', 'a portal export is already running');
  mkdirSync(input.dir, { recursive: true });
  sweepPortalTemps(ctx, input.dir);
  const plan = computePlan(ctx);
  const full = input.full === true;
  const include = full ? plan.candidates : plan.candidates.filter((c) => c.change !== 'unchanged');
  if (!full && include.length === 0 && plan.withdrawn.length === 0) {
    return {
      written: false,
      sequence: null,
      folder: null,
      zip: null,
      added: 0,
      changed: 0,
      withdrawn: 0,
      items: 0,
      manifestSha256: null,
    };
  }
  const total = include.length;
  const added = include.filter((c) => c.change === 'added').length;
  const changedItems = include.filter((c) => c.change === 'changed').length;
  const withdrawnIds = plan.withdrawn.map((w) => w.documentId);
  progress = { phase: 'render', done: 0, total };
  let temp: string | null = null;
  let committed = false;
  let writer: DurableFolderWriter | null = null;
  try {
    const stamp = makeStamp(ctx, currentActor(ctx));
    const office = readOffice(ctx);
    const sequence = plan.nextSequence;
    const folder = `${String(sequence).padStart(6, '0')}-${compactTime(stamp.at)}`;
    if (existsSync(join(input.dir, folder))) {
      throw new AppError(
        'conflict',
        `"${join(input.dir, folder)}" already exists; the folder holds a package this database does not know (restored from a backup?): choose another folder`,
      );
    }
    const predicted = predictIndexNos(ctx, office.indexCode, include);
    // Every item goes into the temporary folder as it is rendered (or read from its stored
    // rendering); only hashes and sizes stay in memory.
    temp = join(input.dir, tempName(folder));
    mkdirSync(temp);
    writer = new DurableFolderWriter(temp);
    const store = new PortalRenderStore(ctx.db);
    const readDocument = ctx.db
      .select()
      .from(documents)
      .where(eq(documents.id, sql.placeholder('id')))
      .prepare();
    const pending: PendingBlobs = { renders: [], files: [], bytes: 0 };
    const flush = () => {
      if (!pending.renders.length && !pending.files.length) return;
      ctx.db.transaction(() => {
        for (const r of pending.renders) store.rendering(r.id, r.key, r.bytes, r.sha256);
        for (const f of pending.files) store.file(f.bytes, f.sha256);
      });
      pending.renders = [];
      pending.files = [];
      pending.bytes = 0;
    };
    // The items' part of the manifest, as its text has it (UTF-8), in a few large blocks.
    const itemsText = new TextBlocks();
    const written: WrittenItem[] = [];
    let lastYield = performance.now();
    for (const [n, c] of include.entries()) {
      const indexNo = c.entry?.indexNo ?? (predicted.get(c.doc.id) as string);
      const metadata = { ...c.item.metadata, indexNo };
      // The plan keeps no bodies: each document is read again, and must be as the plan saw it.
      const doc = readDocument.get({ id: c.doc.id });
      if (!doc || documentFingerprint(doc) !== c.doc.fingerprint) throw documentsChanged();
      const source = docxSource(doc, office);
      let docx = store.docx(c.doc.id, source.key);
      if (!docx) {
        // Not rendered at approval (a database from before that), or its inputs changed since.
        const bytes = renderDocxSync(source.doc, { at: source.at });
        docx = { bytes, sha256: sha256(bytes) };
        pending.renders.push({ id: c.doc.id, key: source.key, ...docx });
        pending.bytes += bytes.length;
      }
      const html = Buffer.from(
        itemHtml({ item: { ...c.item, metadata }, body: doc.body, signature: c.signature }),
        'utf8',
      );
      const htmlSha = sha256(html);
      const base = `items/${safeFileName(indexNo, '.x').slice(0, -2)}`;
      const htmlPath = `${base}/index.html`;
      const docxPath = `${base}/${safeFileName(c.doc.title, '.docx')}`;
      // Stored by hash for re-creating the package (one already stored is left as it is).
      pending.files.push({ bytes: html, sha256: htmlSha });
      pending.bytes += html.length;
      writer.write(htmlPath, html);
      writer.write(docxPath, docx.bytes);
      const files: FileEntry[] = [
        { path: htmlPath, sha256: htmlSha, bytes: html.length },
        { path: docxPath, sha256: docx.sha256, bytes: docx.bytes.length },
      ];
      itemsText.append(`${n ? ',\n' : ''}${manifestItemText({ ...c.item, metadata, files })}`);
      written.push({
        id: c.doc.id,
        hash: c.hash,
        change: c.change,
        generatedDate: c.item.metadata.generatedDate,
        fingerprint: c.doc.fingerprint,
        indexNo,
        allocates: !c.entry?.indexNo,
        files: JSON.stringify(files),
      });
      if (pending.renders.length + pending.files.length >= BATCH_ITEMS || pending.bytes >= BATCH_BYTES) flush();
      if (writer.busy) await writer.drain();
      if (performance.now() - lastYield >= YIELD_MS) {
        progress = { phase: 'render', done: n + 1, total };
        await yieldNow();
        lastYield = performance.now();
      }
    }
    flush();
    // Only hashes, sizes and the manifest's items go on: the plan's candidates can be collected.
    include.length = 0;
    plan.candidates.length = 0;
    progress = { phase: 'write', done: total, total };
    await writer.finish();
    const folderPath = temp;
    const result = ctx.db.transaction((t) => {
      const tctx = { ...ctx, db: t };
      // The data may have changed while the files were written: then they are not what is current.
      // The plan is made again and each of its items checked against what was written, keeping
      // nothing of it (the items written are the package's, in their order).
      const position = new Map(written.map((w, i) => [w.id, i]));
      let matching = 0;
      let differs = false;
      const now = computePlan(tctx, (c) => {
        if (!full && c.change === 'unchanged') return;
        const w = written[position.get(c.doc.id) ?? -1];
        if (
          !w ||
          w.hash !== c.hash ||
          w.change !== c.change ||
          w.allocates !== !c.entry?.indexNo ||
          w.fingerprint !== c.doc.fingerprint
        )
          differs = true;
        else matching++;
      });
      if (
        differs ||
        matching !== written.length ||
        now.nextSequence !== sequence ||
        JSON.stringify(readOffice(tctx)) !== JSON.stringify(office) ||
        now.withdrawn.length !== withdrawnIds.length ||
        now.withdrawn.some((w, i) => w.documentId !== withdrawnIds[i])
      ) {
        throw documentsChanged();
      }
      const indexNos = new IndexAllocator(t, office.indexCode, stamp.at);
      const updateEntry = t
        .update(portalEntries)
        .set({
          exportedHash: sql`${sql.placeholder('hash')}`,
          exportedSequence: sequence,
          // Text of the JSON column, as drizzle would write it (a placeholder inside SQL is not encoded).
          exportedFiles: sql`${sql.placeholder('files')}`,
          withdrawnSequence: null,
          updatedAt: stamp.at,
        })
        .where(eq(portalEntries.documentId, sql.placeholder('id')))
        .prepare();
      const recordChannel = t
        .insert(documentChannels)
        .values({ documentId: sql.placeholder('id'), channel: 'portal', date: stamp.today })
        .onConflictDoUpdate({
          target: [documentChannels.documentId, documentChannels.channel],
          set: { date: stamp.today },
        })
        .prepare();
      for (const w of written) {
        if (w.allocates && indexNos.allocate(w.id, w.generatedDate) !== w.indexNo) {
          throw new AppError('conflict', 'the 索引号 given meanwhile differ from the package’s; export again');
        }
        updateEntry.run({ id: w.id, hash: w.hash, files: w.files });
        if (w.change !== 'unchanged') recordChannel.run({ id: w.id });
      }
      indexNos.save();
      for (const w of now.withdrawn) {
        t.update(portalEntries)
          .set({ exportedHash: null, exportedFiles: null, withdrawnSequence: sequence, updatedAt: stamp.at })
          .where(eq(portalEntries.documentId, w.documentId))
          .run();
      }
      const deleted = now.withdrawn.map((w) => w.documentId);
      const manifest = manifestBytes(
        {
          format: PORTAL_FORMAT,
          generatedAt: stamp.at,
          office: { name: office.name, indexCode: office.indexCode },
          sequence,
          previousSequence: now.previousSequence,
          full,
          deleted,
        },
        itemsText.blocks(),
      );
      const manifestSha = sha256(manifest);
      t.insert(portalExports)
        .values({
          sequence,
          generatedAt: stamp.at,
          full,
          added,
          changed: changedItems,
          withdrawn: deleted.length,
          manifestSha256: manifestSha,
          // The text bound as its UTF-8 bytes: no second copy of a large manifest as a JS string.
          manifest: sql`CAST(${manifest} AS TEXT)`,
          folder,
          actor: stamp.actor,
        })
        .run();
      recordAudit(t, stamp, 'export', 'portal', String(sequence), null, {
        folder,
        items: written.length,
        deleted: deleted.length,
      });
      // The whole package on disk, durable, before the transaction commits: the items are (the
      // writer synced them and their folders); the manifest, and the folder's entry for it, now.
      writeDurable(join(folderPath, 'manifest.json'), manifest);
      fsyncFolder(folderPath);
      return { manifestSha, deleted: deleted.length };
    });
    committed = true;
    const finalPath = join(input.dir, folder);
    renameSync(folderPath, finalPath);
    fsyncFolder(input.dir);
    let zipPath: string | null = null;
    if (input.zip) {
      progress = { phase: 'zip', done: 0, total };
      zipPath = `${finalPath}.zip`;
      const files = written.map((w) => (JSON.parse(w.files) as FileEntry[]).map((f) => f.path));
      await writePackageZip(finalPath, folder, files, new Date(stamp.at), zipPath);
    }
    return {
      written: true,
      sequence,
      folder: finalPath,
      zip: zipPath,
      added,
      changed: changedItems,
      withdrawn: result.deleted,
      items: written.length,
      manifestSha256: result.manifestSha,
    };
  } catch (err) {
    // Not logged: the temporary folder is not a package; remove it (the next export would).
    if (temp && !committed) {
      await writer?.settle();
      rmSync(temp, { recursive: true, force: true });
    }
    throw err;
  } finally {
    progress = null;
  }
}

/** Gives 索引号 inside the export's transaction with prepared statements, as allocateIndexNo does. */
class IndexAllocator {
  private readonly last: Map<number, number>;
  private readonly touched = new Set<number>();
  private readonly insertEntry;

  constructor(
    private readonly db: ServiceContext['db'],
    private readonly code: string,
    at: string,
  ) {
    this.last = new Map(
      db
        .select()
        .from(portalSerials)
        .all()
        .map((r) => [r.year, r.last]),
    );
    this.insertEntry = db
      .insert(portalEntries)
      .values({
        documentId: sql.placeholder('id'),
        indexNo: sql.placeholder('indexNo'),
        disclosure: '主动公开',
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .prepare();
  }

  allocate(documentId: string, generatedDate: string): string {
    const year = Number(generatedDate.slice(0, 4));
    const serial = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, serial);
    this.touched.add(year);
    const indexNo = `${this.code}-${year}-${String(serial).padStart(5, '0')}`;
    this.insertEntry.run({ id: documentId, indexNo });
    return indexNo;
  }

  /** Records the last serial of every year given from. */
  save(): void {
    for (const year of this.touched) {
      const last = this.last.get(year) as number;
      this.db
        .insert(portalSerials)
        .values({ year, last })
        .onConflictDoUpdate({ target: portalSerials.year, set: { last } })
        .run();
    }
  }
}

/**
 * The package's .zip beside its folder, read back from the folder a file at a time (the .docx
 * stored, being compressed already; the rest deflated), written to a temporary file, synced and
 * renamed into place.
 */
async function writePackageZip(
  finalPath: string,
  folder: string,
  items: string[][],
  at: Date,
  zipPath: string,
): Promise<void> {
  const temp = tempPathFor(zipPath);
  const fd = openSync(temp, 'wx');
  try {
    const zip = new ZipWriter((chunk) => {
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
    }, at);
    zip.add(zipBlock({ name: `${folder}/manifest.json`, data: readFileSync(join(finalPath, 'manifest.json')) }));
    let lastYield = performance.now();
    for (const [n, paths] of items.entries()) {
      for (const path of paths) {
        const data = readFileSync(join(finalPath, path));
        zip.add(zipBlock({ name: `${folder}/${path}`, data, store: path.endsWith('.docx') }));
      }
      if (performance.now() - lastYield >= YIELD_MS) {
        progress = { phase: 'zip', done: n + 1, total: items.length };
        await yieldNow();
        lastYield = performance.now();
      }
    }
    zip.finish();
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(temp, zipPath);
  fsyncFolder(dirname(zipPath));
}

/** An item of the manifest as `JSON.stringify(manifest, null, 2)` writes it inside `items`. */
function manifestItemText(item: ManifestItem): string {
  // JSON text holds no raw line breaks but those of the layout: each line moves in two levels.
  return `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
}

/** Text kept as UTF-8 in blocks of a megabyte: thousands of small pieces without a buffer each. */
class TextBlocks {
  private readonly done: Buffer[] = [];
  private block = Buffer.allocUnsafe(0);
  private used = 0;

  append(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > this.block.length) {
      if (this.used) this.done.push(this.block.subarray(0, this.used));
      this.block = Buffer.allocUnsafe(Math.max(bytes, 1_048_576));
      this.used = 0;
    }
    this.used += this.block.write(text, this.used, 'utf8');
  }

  /** Everything appended, in order. */
  blocks(): Buffer[] {
    return this.used ? [...this.done, this.block.subarray(0, this.used)] : [...this.done];
  }
}

const ITEMS_MARK = '\u0000items';

/**
 * The manifest's bytes, exactly `JSON.stringify(manifest, null, 2)` and a line break, from its head
 * and the text of its items (joined by ",\n"): the manifest never exists as objects or as one string.
 */
function manifestBytes(head: Omit<Manifest, 'items'>, items: Buffer[]): Buffer {
  const { format, generatedAt, office, sequence, previousSequence, full, deleted } = head;
  const some = items.some((b) => b.length > 0);
  const text = JSON.stringify(
    { format, generatedAt, office, sequence, previousSequence, full, items: some ? [ITEMS_MARK] : [], deleted },
    null,
    2,
  );
  if (!some) return Buffer.from(`${text}\n`, 'utf8');
  const mark = `    ${JSON.stringify(ITEMS_MARK)}`;
  const at = text.indexOf(mark);
  return Buffer.concat([
    Buffer.from(text.slice(0, at), 'utf8'),
    ...items,
    Buffer.from(`${text.slice(at + mark.length)}\n`, 'utf8'),
  ]);
}

/** 索引号: office code – year – serial. Serials of a year only grow, so no number is given twice. */
export function allocateIndexNo(
  ctx: ServiceContext,
  code: string,
  generatedDate: string,
  at: string,
  documentId: string,
): string {
  const year = Number(generatedDate.slice(0, 4));
  const row = ctx.db.select().from(portalSerials).where(eq(portalSerials.year, year)).get();
  const serial = (row?.last ?? 0) + 1;
  ctx.db
    .insert(portalSerials)
    .values({ year, last: serial })
    .onConflictDoUpdate({ target: portalSerials.year, set: { last: serial } })
    .run();
  const indexNo = `${code}-${year}-${String(serial).padStart(5, '0')}`;
  ctx.db
    .insert(portalEntries)
    .values({ documentId, indexNo, disclosure: '主动公开', createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .run();
  return indexNo;
}

export function listPortalExports(ctx: ServiceContext): PortalExportView[] {
  return ctx.db
    .select({
      sequence: portalExports.sequence,
      generatedAt: portalExports.generatedAt,
      full: portalExports.full,
      added: portalExports.added,
      changed: portalExports.changed,
      withdrawn: portalExports.withdrawn,
      manifestSha256: portalExports.manifestSha256,
      folder: portalExports.folder,
      actor: portalExports.actor,
    })
    .from(portalExports)
    .orderBy(desc(portalExports.sequence))
    .all();
}

/** Writes a past package again, byte for byte, from the export log and the stored files. */
export function recreatePortal(ctx: ServiceContext, input: { sequence: number; dir: string }): { folder: string } {
  if (!isAbsolute(input.dir))
    throw new AppError('invalid_input', `portal folder "${input.dir}" must be an absolute path`);
  const row = ctx.db.select().from(portalExports).where(eq(portalExports.sequence, input.sequence)).get();
  if (!row) throw new AppError('not_found', `no portal package ${input.sequence} in the export log`);
  const target = join(input.dir, row.folder);
  if (existsSync(target)) throw new AppError('file_exists', `"${target}" already exists`);
  const manifest = JSON.parse(row.manifest) as Manifest;
  const wanted = manifest.items.flatMap((i) => i.files);
  // One stored file at a time: a package of thousands of items is not held in memory.
  const blob = ctx.db
    .select({ bytes: portalFiles.bytes })
    .from(portalFiles)
    .where(eq(portalFiles.sha256, sql.placeholder('sha256')))
    .prepare();
  mkdirSync(input.dir, { recursive: true });
  const temp = join(input.dir, tempName(row.folder));
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp);
    for (const f of wanted) {
      const data = blob.get({ sha256: f.sha256 })?.bytes;
      if (!data || sha256(data) !== f.sha256)
        throw new AppError('internal', `the stored copy of ${f.path} is missing or damaged`);
      mkdirSync(join(temp, f.path, '..'), { recursive: true });
      writeDurable(join(temp, f.path), data);
    }
    writeDurable(join(temp, 'manifest.json'), Buffer.from(row.manifest, 'utf8'));
    renameSync(temp, target);
    fsyncFolder(input.dir);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  return { folder: target };
}

export { localDate };
