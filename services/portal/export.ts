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
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { localDate } from '../../common/dates';
import type { PortalExportView } from '../../common/opinion-types';
import { AppError } from '../../common/result';
import { recordAudit } from '../../db/queries/audit';
import { documentChannels, portalEntries, portalExports, portalFiles, portalSerials } from '../../db/schema';
import { fsyncFolder, TEMP_MARKER, writeFileAtomic } from '../atomic-file';
import { makeStamp, type ServiceContext } from '../context';
import { renderableDocument } from '../documents';
import { renderDocx } from '../docx/render';
import { safeFileName } from '../export-files';
import { readOffice } from '../office';
import { currentActor } from '../settings';
import { itemHtml } from './html';
import { type FileEntry, type Manifest, type ManifestItem, PORTAL_FORMAT } from './manifest';
import { computePlan, type PortalCandidate } from './plan';

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

interface Rendered {
  hash: string;
  docx: Buffer;
  docxName: string;
}

/** The .docx of an item: the stored one from its last export when the content is unchanged, else rendered. */
async function renderItem(ctx: ServiceContext, c: PortalCandidate): Promise<Rendered> {
  const stored = c.change === 'unchanged' ? (c.entry?.exportedFiles as FileEntry[] | null) : null;
  const docxEntry = stored?.find((f) => f.path.endsWith('.docx'));
  if (docxEntry) {
    const blob = ctx.db.select().from(portalFiles).where(eq(portalFiles.sha256, docxEntry.sha256)).get();
    if (blob) return { hash: c.hash, docx: blob.bytes, docxName: docxEntry.path.split('/').at(-1) as string };
  }
  // Dated by the document's last change: the same content gives the same bytes.
  const docx = await renderDocx(renderableDocument(ctx, c.doc.id), { at: new Date(c.doc.updatedAt) });
  return { hash: c.hash, docx, docxName: safeFileName(c.doc.title, '.docx') };
}

export async function exportPortal(
  ctx: ServiceContext,
  input: { dir: string; full?: boolean | undefined; zip?: boolean | undefined },
): Promise<PortalExportResult> {
  if (!isAbsolute(input.dir))
    throw new AppError('invalid_input', `portal folder "${input.dir}" must be an absolute path`);
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
  progress = { phase: 'render', done: 0, total: include.length };
  try {
    const rendered = new Map<string, Rendered>();
    for (const c of include) {
      rendered.set(c.doc.id, await renderItem(ctx, c));
      progress = { phase: 'render', done: rendered.size, total: include.length };
    }
    progress = { phase: 'write', done: 0, total: include.length };
    const stamp = makeStamp(ctx, currentActor(ctx));
    const office = readOffice(ctx);
    let written: { folder: string; manifest: Manifest; files: Map<string, Uint8Array>; manifestSha: string } | null =
      null;
    let temp: string | null = null;
    try {
      written = ctx.db.transaction((t) => {
        const tctx = { ...ctx, db: t };
        // The data may have changed while rendering: then the rendered files are not what is current.
        const now = computePlan(tctx);
        const current = full ? now.candidates : now.candidates.filter((c) => c.change !== 'unchanged');
        if (
          current.length !== include.length ||
          current.some((c) => rendered.get(c.doc.id)?.hash !== c.hash) ||
          now.withdrawn.length !== plan.withdrawn.length
        ) {
          throw new AppError('conflict', 'documents changed while the package was being prepared; export again');
        }
        const sequence = now.nextSequence;
        const folder = `${String(sequence).padStart(6, '0')}-${compactTime(stamp.at)}`;
        if (existsSync(join(input.dir, folder))) {
          throw new AppError(
            'conflict',
            `"${join(input.dir, folder)}" already exists; the folder holds a package this database does not know (restored from a backup?): choose another folder`,
          );
        }
        const files = new Map<string, Uint8Array>();
        const items: ManifestItem[] = [];
        for (const c of current) {
          const indexNo =
            c.entry?.indexNo ??
            allocateIndexNo(tctx, office.indexCode, c.item.metadata.generatedDate, stamp.at, c.doc.id);
          const metadata = { ...c.item.metadata, indexNo };
          const r = rendered.get(c.doc.id) as Rendered;
          const html = Buffer.from(
            itemHtml({ item: { ...c.item, metadata }, body: c.doc.body, signature: c.signature }),
            'utf8',
          );
          const base = `items/${safeFileName(indexNo, '.x').slice(0, -2)}`;
          const entries: FileEntry[] = [];
          for (const [path, data] of [
            [`${base}/index.html`, html],
            [`${base}/${r.docxName}`, r.docx],
          ] as const) {
            files.set(path, data);
            entries.push({ path, sha256: sha256(data), bytes: data.length });
            t.insert(portalFiles)
              .values({ sha256: sha256(data), bytes: Buffer.from(data) })
              .onConflictDoNothing()
              .run();
          }
          items.push({ ...c.item, metadata, files: entries });
          t.update(portalEntries)
            .set({
              exportedHash: c.hash,
              exportedSequence: sequence,
              exportedFiles: entries,
              withdrawnSequence: null,
              updatedAt: stamp.at,
            })
            .where(eq(portalEntries.documentId, c.doc.id))
            .run();
          if (c.change !== 'unchanged') {
            t.insert(documentChannels)
              .values({ documentId: c.doc.id, channel: 'portal', date: stamp.today })
              .onConflictDoUpdate({
                target: [documentChannels.documentId, documentChannels.channel],
                set: { date: stamp.today },
              })
              .run();
          }
        }
        for (const w of now.withdrawn) {
          t.update(portalEntries)
            .set({ exportedHash: null, exportedFiles: null, withdrawnSequence: sequence, updatedAt: stamp.at })
            .where(eq(portalEntries.documentId, w.documentId))
            .run();
        }
        const manifest: Manifest = {
          format: PORTAL_FORMAT,
          generatedAt: stamp.at,
          office: { name: office.name, indexCode: office.indexCode },
          sequence,
          previousSequence: now.previousSequence,
          full,
          items,
          deleted: now.withdrawn.map((w) => w.documentId),
        };
        const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
        const manifestSha = sha256(manifestText);
        t.insert(portalExports)
          .values({
            sequence,
            generatedAt: stamp.at,
            full,
            added: current.filter((c) => c.change === 'added').length,
            changed: current.filter((c) => c.change === 'changed').length,
            withdrawn: now.withdrawn.length,
            manifestSha256: manifestSha,
            manifest: manifestText,
            folder,
            actor: stamp.actor,
          })
          .run();
        recordAudit(t, stamp, 'export', 'portal', String(sequence), null, {
          folder,
          items: items.length,
          deleted: manifest.deleted.length,
        });
        // The whole package on disk, durable, before the transaction commits.
        temp = join(input.dir, tempName(folder));
        mkdirSync(temp);
        for (const [path, data] of files) {
          mkdirSync(join(temp, path, '..'), { recursive: true });
          writeDurable(join(temp, path), data);
        }
        writeDurable(join(temp, 'manifest.json'), Buffer.from(manifestText, 'utf8'));
        return { folder, manifest, files, manifestSha };
      });
    } catch (err) {
      if (temp) rmSync(temp, { recursive: true, force: true });
      throw err;
    }
    const finalPath = join(input.dir, written.folder);
    renameSync(join(input.dir, tempName(written.folder)), finalPath);
    fsyncFolder(input.dir);
    let zipPath: string | null = null;
    if (input.zip) {
      progress = { phase: 'zip', done: 0, total: 1 };
      zipPath = `${finalPath}.zip`;
      writeFileAtomic(zipPath, await packageZip(written.folder, written.manifest, written.files));
    }
    const m = written.manifest;
    return {
      written: true,
      sequence: m.sequence,
      folder: finalPath,
      zip: zipPath,
      added: include.filter((c) => c.change === 'added').length,
      changed: include.filter((c) => c.change === 'changed').length,
      withdrawn: m.deleted.length,
      items: m.items.length,
      manifestSha256: written.manifestSha,
    };
  } finally {
    progress = null;
  }
}

async function packageZip(folder: string, manifest: Manifest, files: Map<string, Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(manifest.generatedAt);
  zip.file(`${folder}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [path, data] of files) zip.file(`${folder}/${path}`, data, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
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
  const blobs = new Map(
    (wanted.length
      ? ctx.db
          .select()
          .from(portalFiles)
          .where(inArray(portalFiles.sha256, [...new Set(wanted.map((f) => f.sha256))]))
          .all()
      : []
    ).map((b) => [b.sha256, b.bytes]),
  );
  mkdirSync(input.dir, { recursive: true });
  const temp = join(input.dir, tempName(row.folder));
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp);
    for (const f of wanted) {
      const data = blobs.get(f.sha256);
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
