// The .docx of portal items, rendered once and stored (portal_renders, bytes in portal_files):
// when a document becomes approved or released (the hook in services/documents.ts), or by the
// first export that needs it (a database from before renderings were stored). A stored rendering
// is keyed by everything the file shows — the document as it reads on paper (title, 文号, body,
// signature with the office's name and date, 附注 with drafter, reviewer and dates), the time
// written into it, and the renderer's version — and is used only while the key is still the
// document's: an edited document, a changed office signature or a new renderer is rendered again,
// never shipped stale.
import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { RenderableDocument } from '../../common/document-model';
import type { OfficeSettings } from '../../common/document-types';
import { isFinal } from '../../common/domain/review';
import type { Db } from '../../db/open';
import { documents, portalFiles, portalRenders } from '../../db/schema';
import type { ServiceContext } from '../context';
import { renderableRecord } from '../documents';
import { docxRendererIfLoaded, loadDocxRenderer } from '../docx/load';
import { DOCX_RENDERER_VERSION } from '../docx/version';
import { readOffice } from '../office';

type DocumentRecord = typeof documents.$inferSelect;
export type OfficeText = Pick<OfficeSettings, 'name' | 'signature'>;

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** What a portal package can hold: approved or released, with a portal column, not 答问口径. */
export function isPortalDocument(d: Pick<DocumentRecord, 'status' | 'portalColumn' | 'kind'>): boolean {
  return isFinal(d.status) && !!d.portalColumn && d.kind !== 'qa';
}

export interface DocxSource {
  doc: RenderableDocument;
  /** Written into the file as its created/modified time: the approval, which a release leaves alone. */
  at: Date;
  /** Hash of the renderer's version, the time and everything the file shows. */
  key: string;
}

/** How a portal item's .docx is rendered, and the key its stored rendering must have. */
export function docxSource(d: DocumentRecord, office: OfficeText): DocxSource {
  const at = new Date(d.reviewedAt ?? d.updatedAt);
  // `now` dates only a draft's signature; a portal item is final.
  const doc = renderableRecord(d, office, at);
  const key = sha256(JSON.stringify({ renderer: DOCX_RENDERER_VERSION, at: at.toISOString(), doc }));
  return { doc, at, key };
}

/** The office's settings from a bare connection (readOffice reads only ctx.db). */
function officeOf(db: Db): OfficeText {
  return readOffice({ db } as ServiceContext);
}

/** Prepared statements over the stored renderings, for loops over thousands of items. */
export class PortalRenderStore {
  private readonly find;
  private readonly putFile;
  private readonly putRender;

  constructor(db: Db) {
    this.find = db
      .select({ key: portalRenders.renderKey, sha256: portalRenders.docxSha256, bytes: portalFiles.bytes })
      .from(portalRenders)
      .innerJoin(portalFiles, eq(portalFiles.sha256, portalRenders.docxSha256))
      .where(eq(portalRenders.documentId, sql.placeholder('id')))
      .prepare();
    this.putFile = db
      .insert(portalFiles)
      .values({ sha256: sql.placeholder('sha256'), bytes: sql.placeholder('bytes') })
      .onConflictDoNothing()
      .prepare();
    this.putRender = db
      .insert(portalRenders)
      .values({
        documentId: sql.placeholder('id'),
        renderKey: sql.placeholder('key'),
        docxSha256: sql.placeholder('sha256'),
      })
      .onConflictDoUpdate({
        target: portalRenders.documentId,
        set: { renderKey: sql`excluded.render_key`, docxSha256: sql`excluded.docx_sha256` },
      })
      .prepare();
  }

  /** The stored .docx of a document when it was rendered with this key (and is intact), else null. */
  docx(documentId: string, key: string): { bytes: Buffer; sha256: string } | null {
    const row = this.find.get({ id: documentId });
    if (!row || row.key !== key) return null;
    const bytes = row.bytes;
    const hash = sha256(bytes);
    return hash === row.sha256 ? { bytes, sha256: hash } : null;
  }

  /** Stores a file by its hash (as every packaged file is, for re-creating a package). */
  file(bytes: Uint8Array, hash = sha256(bytes)): string {
    this.putFile.run({ sha256: hash, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return hash;
  }

  /** Stores a document's rendering under its key, replacing the one before. */
  rendering(documentId: string, key: string, bytes: Uint8Array, hash = sha256(bytes)): string {
    this.file(bytes, hash);
    this.putRender.run({ id: documentId, key, sha256: hash });
    return hash;
  }
}

/**
 * The approval hook: renders and stores the .docx of a document that has just become approved or
 * released, unless the stored one is still current. Runs inside the approval's transaction. A
 * rendering that fails is left to the export (which renders what is missing, and reports).
 */
export function storePortalRendering(db: Db, id: string): void {
  const d = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!d || !isPortalDocument(d)) return;
  const source = docxSource(d, officeOf(db));
  const stored = db
    .select({ key: portalRenders.renderKey })
    .from(portalRenders)
    .where(eq(portalRenders.documentId, id))
    .get();
  if (stored?.key === source.key) return;
  // In the first seconds after a start the renderer may not be loaded yet (docx/load.ts): the export renders it.
  const renderer = docxRendererIfLoaded();
  if (!renderer) return;
  let bytes: Buffer;
  try {
    bytes = renderer.renderDocxSync(source.doc, { at: source.at });
  } catch {
    return;
  }
  new PortalRenderStore(db).rendering(id, source.key, bytes);
}

export interface PrerenderResult {
  /** Portal documents looked at. */
  documents: number;
  /** Of them rendered now (no stored rendering, or one whose key is no longer theirs). */
  rendered: number;
}

const PRERENDER_PAGE = 200;

/**
 * Renders and stores the .docx of every portal document that has no current rendering: for a
 * database from before renderings were stored (or after the office's signature or the renderer
 * changed), so that the next export only reads files. A page of documents per transaction; yields
 * between pages. Safe to stop at any point: what was stored is used, the rest is rendered later.
 */
export async function prerenderPortalFiles(
  ctx: ServiceContext,
  onProgress?: (done: number, total: number) => void,
  options: { page?: number } = {},
): Promise<PrerenderResult> {
  const pageSize = options.page ?? PRERENDER_PAGE;
  const { renderDocxSync } = await loadDocxRenderer();
  const eligible = and(
    inArray(documents.status, ['approved', 'released']),
    isNotNull(documents.portalColumn),
    ne(documents.kind, 'qa'),
  );
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(documents).where(eligible).get()?.n ?? 0;
  const office = readOffice(ctx);
  const store = new PortalRenderStore(ctx.db);
  let after = '';
  let seen = 0;
  let rendered = 0;
  for (;;) {
    const page = ctx.db
      .select()
      .from(documents)
      .where(and(eligible, gt(documents.id, after)))
      .orderBy(documents.id)
      .limit(pageSize)
      .all();
    if (!page.length) break;
    after = (page.at(-1) as DocumentRecord).id;
    const keys = new Map(
      ctx.db
        .select({ id: portalRenders.documentId, key: portalRenders.renderKey })
        .from(portalRenders)
        .where(
          inArray(
            portalRenders.documentId,
            page.map((d) => d.id),
          ),
        )
        .all()
        .map((r) => [r.id, r.key]),
    );
    const fresh: { id: string; key: string; bytes: Buffer }[] = [];
    for (const d of page) {
      if (!isPortalDocument(d)) continue;
      seen++;
      const source = docxSource(d, office);
      if (keys.get(d.id) === source.key) continue;
      fresh.push({ id: d.id, key: source.key, bytes: renderDocxSync(source.doc, { at: source.at }) });
    }
    if (fresh.length) {
      ctx.db.transaction(() => {
        for (const f of fresh) store.rendering(f.id, f.key, f.bytes);
      });
      rendered += fresh.length;
    }
    onProgress?.(seen, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { documents: seen, rendered };
}
