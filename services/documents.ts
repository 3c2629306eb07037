// Documents (发布材料): content with derived bodies for talking points, the review workflow, the
// version diff, and the way a stored document becomes a page (RenderableDocument) and a .docx.

import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { diffLines } from '../common/diff';
import { parseBody } from '../common/document-body';
import type { RenderableDocument } from '../common/document-model';
import type { documentFields, TalkingPoints } from '../common/document-schemas';
import type { OfficeSettings, VersionDiff, WrittenFile } from '../common/document-types';
import { isFinal } from '../common/domain/review';
import { AppError } from '../common/result';
import { talkingPointsBody } from '../common/talking-points';
import { type DocumentContent, getDocumentRecord, getVersion, setFinalDocumentHook } from '../db/queries/documents';
import { people } from '../db/schema';
import type { ServiceContext } from './context';
import { loadDocxRenderer } from './docx/load';
import { checkedFileName, safeFileName, writeExport } from './export-files';
import { exportDir, readOffice } from './office';
import { storePortalRendering } from './portal/renders';

export type ParsedDocumentFields = z.output<typeof documentFields>;
type DocumentRecord = ReturnType<typeof getDocumentRecord>;

/** Person ids named in talking points → their names, for the 答问人 lines of the body. */
export function answererNames(ctx: ServiceContext, tp: TalkingPoints | null): Map<string, string> {
  const ids = [...new Set((tp?.questions ?? []).map((q) => q.answererId).filter((v): v is string => !!v))];
  if (!ids.length) return new Map();
  const rows = ctx.db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The stored content: a qa document's body is derived from its talking points when it has them. */
export function documentContent(ctx: ServiceContext, f: ParsedDocumentFields): DocumentContent {
  if (!f.title.trim()) {
    throw new AppError('invalid_input', 'fields.title: is required', [
      { path: 'fields.title', message: 'is required' },
    ]);
  }
  const body =
    f.kind === 'qa' && f.talkingPoints
      ? talkingPointsBody(f.talkingPoints, answererNames(ctx, f.talkingPoints))
      : f.body;
  return {
    kind: f.kind,
    title: f.title,
    conferenceId: f.conferenceId,
    departmentId: f.departmentId,
    personId: f.personId,
    body,
    talkingPoints: f.kind === 'qa' ? f.talkingPoints : null,
    portalColumn: f.portalColumn,
    docNumber: f.docNumber,
    policyTitle: f.policyTitle,
    policyNumber: f.policyNumber,
    policyDate: f.policyDate,
    templateId: f.templateId,
  };
}

export function versionDiff(ctx: ServiceContext, id: string, from: number, to: number): VersionDiff {
  const a = getVersion(ctx.db, id, from);
  const b = getVersion(ctx.db, id, to);
  const head = (v: typeof a) => ({ version: v.version, author: v.author, at: v.at, title: v.title });
  const lines = diffLines(`${a.title}\n\n${a.body}`, `${b.title}\n\n${b.body}`);
  return { from: head(a), to: head(b), lines };
}

/** 2026-11-27 → 2026年11月27日 (GB/T 9704-2012 writes the date in Arabic numerals). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** The local calendar day of an ISO instant. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * Kinds that go out under the office's name carry the signature block (发文机关署名 and 成文日期), placed by the
 * layout as GB/T 9704 says; their templates leave it out of the body so it is not printed twice.
 */
const SIGNED_KINDS: ReadonlySet<string> = new Set(['notice', 'circular']);

/** How a stored document reads on paper: body blocks, signature, 附注 with who reviewed, 草稿 mark. */
export function renderableDocument(ctx: ServiceContext, id: string): RenderableDocument {
  return renderableRecord(getDocumentRecord(ctx.db, id), readOffice(ctx), ctx.now());
}

/** renderableDocument of a record already read, with the office's settings; `now` dates a draft's signature. */
export function renderableRecord(
  d: DocumentRecord,
  office: Pick<OfficeSettings, 'name' | 'signature'>,
  now: Date,
): RenderableDocument {
  const note: string[] = [];
  if (d.drafter) note.push(`起草：${d.drafter}`);
  if (d.reviewer && d.reviewedAt && isFinal(d.status))
    note.push(`审核：${d.reviewer}（${chineseDate(localDay(d.reviewedAt))}）`);
  if (d.confidentialityBy && d.confidentialityAt) {
    note.push(`保密审查：${d.confidentialityBy}（${chineseDate(localDay(d.confidentialityAt))}）`);
  }
  if (d.agencyConfirmation) note.push(`会商确认：${d.agencyConfirmation}`);
  const signedOn = d.reviewedAt && isFinal(d.status) ? localDay(d.reviewedAt) : localDay(now.toISOString());
  return {
    title: d.title,
    docNumber: d.docNumber,
    recipients: null,
    blocks: parseBody(d.body),
    signature: SIGNED_KINDS.has(d.kind) ? { office: office.signature || office.name, date: signedOn } : null,
    note: note.length ? note.join('；') : null,
    draft: !isFinal(d.status),
    author: d.drafter,
  };
}

// When a document becomes approved (or released), its portal files are rendered and stored in the
// same transaction, so that the next portal export finds them instead of rendering
// (services/portal/renders.ts; keyed by everything the file shows, so a stale one is never used).
setFinalDocumentHook((db, id) => storePortalRendering(db, id));

export async function exportDocument(
  ctx: ServiceContext,
  input: {
    id: string;
    dir?: string | null | undefined;
    fileName?: string | null | undefined;
    overwrite?: boolean | undefined;
  },
): Promise<WrittenFile> {
  const doc = renderableDocument(ctx, input.id);
  const { renderDocx } = await loadDocxRenderer();
  const bytes = await renderDocx(doc);
  const fileName = input.fileName
    ? checkedFileName(input.fileName, '.docx')
    : safeFileName(doc.draft ? `${doc.title}（草稿）` : doc.title, '.docx');
  return writeExport({ dir: input.dir ?? exportDir(ctx), fileName, overwrite: input.overwrite }, bytes);
}
