// What the next portal package holds: the documents that are approved or released and have a
// portal column, compared with what was last exported of each. A 政策解读 whose policy is in the
// app but not yet approved waits for it, so that the two are published in the same package.
import { createHash } from 'node:crypto';
import { and, desc, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { bodyPlainText } from '../../common/document-body';
import type { PortalPlan, PortalPlanItem } from '../../common/opinion-types';
import { departments, documents, portalEntries, portalExports } from '../../db/schema';
import type { ServiceContext } from '../context';
import { localDay } from '../documents';
import { readOffice } from '../office';
import type { ManifestItem } from './manifest';

export const DEFAULT_TOPIC_CATEGORY = '综合政务';

type DocumentRecord = typeof documents.$inferSelect;

/** What the plan keeps of a document: not its body (the export reads each again, one at a time). */
export interface PlanDocument {
  id: string;
  title: string;
  kind: DocumentRecord['kind'];
  /** Hash of the whole row as the plan read it: the export checks it reads the same. */
  fingerprint: string;
}

/** What the plan reads of a document's portal entry. */
export interface PlanEntry {
  documentId: string;
  indexNo: string;
  topicCategory: string | null;
  disclosure: string;
  summary: string | null;
  exportedHash: string | null;
}

export interface PortalCandidate {
  doc: PlanDocument;
  entry: PlanEntry | null;
  /** The manifest item without its files; indexNo null until the export assigns it. */
  item: Omit<ManifestItem, 'files' | 'metadata'> & {
    metadata: Omit<ManifestItem['metadata'], 'indexNo'> & { indexNo: string | null };
  };
  /** Hash of everything published about the item (not its updatedAt). */
  hash: string;
  change: 'added' | 'changed' | 'unchanged';
  signature: { office: string; date: string } | null;
}

/** The fingerprint of a document row (every column; JSON columns as read). */
export function documentFingerprint(d: DocumentRecord): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex');
}

export interface ComputedPlan {
  candidates: PortalCandidate[];
  withdrawn: (PlanEntry & { title: string })[];
  held: PortalPlan['held'];
  nextSequence: number;
  previousSequence: number | null;
}

const SIGNED_KINDS = new Set(['notice', 'circular']);

const SUMMARY_LENGTH = 100;

/** The first 100 characters of the body's text: the default summary (摘要). */
export function defaultSummary(body: string): string {
  // The text of a prefix of the body is a prefix of the body's text (up to a space at its end), so
  // once a prefix gives more than 100 characters, its first 100 are the body's: a long body is not
  // parsed whole (the plan makes a summary for every item).
  for (let n = 1024; n < body.length; n *= 4) {
    const text = summaryText(body.slice(0, n));
    const end = codePointsEnd(text, SUMMARY_LENGTH);
    if (end < text.length) return text.slice(0, end);
  }
  const text = summaryText(body);
  return text.slice(0, codePointsEnd(text, SUMMARY_LENGTH));
}

/** Where the first `count` characters (code points, a lone surrogate counting as one) of `text` end. */
function codePointsEnd(text: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return i;
}

const summaryText = (body: string) => bodyPlainText(body).replace(/\s+/g, ' ').trim();

/** Documents read at a time: the plan keeps what it needs of each, not every body at once. */
const PLAN_PAGE = 500;

/**
 * The plan. With `visit`, each candidate goes to it instead of into `candidates` (left empty), in no
 * particular order: a check of a plan made before keeps nothing of this one.
 */
export function computePlan(ctx: ServiceContext, visit?: (c: PortalCandidate) => void): ComputedPlan {
  const office = readOffice(ctx);
  const isEligible = and(
    inArray(documents.status, ['approved', 'released']),
    isNotNull(documents.portalColumn),
    ne(documents.kind, 'qa'),
  );
  const eligible = ctx.db
    .select({ id: documents.id, rowid: sql<number>`rowid`, portalColumn: documents.portalColumn })
    .from(documents)
    .where(isEligible)
    .all()
    .filter((d) => d.portalColumn);
  const eligibleIds = new Set(eligible.map((d) => d.id));
  const entries = new Map(
    ctx.db
      .select({
        documentId: portalEntries.documentId,
        indexNo: portalEntries.indexNo,
        topicCategory: portalEntries.topicCategory,
        disclosure: portalEntries.disclosure,
        summary: portalEntries.summary,
        exportedHash: portalEntries.exportedHash,
      })
      .from(portalEntries)
      .orderBy(sql`rowid`)
      .all()
      .map((e) => [e.documentId, e]),
  );
  const depNames = new Map(
    ctx.db
      .select({ id: departments.id, fullName: departments.fullName })
      .from(departments)
      .all()
      .map((d) => [d.id, d.fullName]),
  );
  // Policies in the app, by 文号: an interpretation waits for its policy when the policy is here but not yet eligible.
  const byNumber = new Map<string, { id: string; title: string; docNumber: string | null }>();
  const policies = ctx.db
    .select({ id: documents.id, title: documents.title, docNumber: documents.docNumber })
    .from(documents)
    .where(and(isNotNull(documents.docNumber), ne(documents.kind, 'interpretation')))
    .orderBy(sql`rowid`)
    .all();
  for (const d of policies) if (d.docNumber) byNumber.set(d.docNumber, d);
  const held: PortalPlan['held'] = [];
  const candidates: PortalCandidate[] = [];
  const current = new Set<string>();
  // A page of documents at a time, in the table's order (read from the file front to back).
  const rowids = eligible.map((d) => d.rowid).sort((a, b) => a - b);
  for (let from = 0; from < rowids.length; from += PLAN_PAGE) {
    const rows = ctx.db
      .select()
      .from(documents)
      .where(inArray(sql<number>`rowid`, rowids.slice(from, from + PLAN_PAGE)))
      .all();
    for (const doc of rows) {
      const policy = doc.kind === 'interpretation' && doc.policyNumber ? byNumber.get(doc.policyNumber) : undefined;
      if (policy && !eligibleIds.has(policy.id)) {
        held.push({
          documentId: doc.id,
          title: doc.title,
          reason: `waits for the policy "${policy.title}" (${policy.docNumber}) to be approved with a portal column`,
        });
        continue;
      }
      const entry = entries.get(doc.id) ?? null;
      const generated = doc.reviewedAt ?? doc.updatedAt;
      const item = {
        id: doc.id,
        column: doc.portalColumn as string,
        kind: doc.kind,
        title: doc.title,
        metadata: {
          indexNo: entry?.indexNo ?? null,
          publisher: (doc.departmentId && depNames.get(doc.departmentId)) || office.name,
          generatedDate: localDay(generated),
          docNumber: doc.docNumber,
          topicCategory: entry?.topicCategory ?? DEFAULT_TOPIC_CATEGORY,
          disclosure: entry?.disclosure ?? '主动公开',
          summary: entry?.summary ?? defaultSummary(doc.body),
        },
        interprets: policy ? policy.id : null,
        updatedAt: doc.updatedAt,
      };
      const signature = SIGNED_KINDS.has(doc.kind)
        ? { office: office.signature || office.name, date: localDay(generated) }
        : null;
      // What the portal shows, without updatedAt (a status change alone is not a change) and the
      // 索引号 (given at the first export, never changed after).
      const { updatedAt: _u, metadata, ...rest } = item;
      const { indexNo: _i, ...shown } = metadata;
      const hash = createHash('sha256')
        .update(JSON.stringify({ ...rest, metadata: shown, body: doc.body, signature }))
        .digest('hex');
      const change = !entry?.exportedHash ? 'added' : entry.exportedHash === hash ? 'unchanged' : 'changed';
      const light = { id: doc.id, title: doc.title, kind: doc.kind, fingerprint: documentFingerprint(doc) };
      const candidate: PortalCandidate = { doc: light, entry, item, hash, change, signature };
      current.add(doc.id);
      if (visit) visit(candidate);
      else candidates.push(candidate);
    }
  }
  // In the order of the ids as the plan has always listed them.
  candidates.sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  held.sort((a, b) => a.documentId.localeCompare(b.documentId));
  const gone = [...entries.values()].filter((e) => e.exportedHash && !current.has(e.documentId));
  const titles = new Map(
    gone.length
      ? ctx.db
          .select({ id: documents.id, title: documents.title })
          .from(documents)
          .where(
            inArray(
              documents.id,
              gone.map((e) => e.documentId),
            ),
          )
          .all()
          .map((d) => [d.id, d.title])
      : [],
  );
  // A withdrawn document may since have been deleted: its 索引号 names it then.
  const withdrawn = gone.map((e) => ({ ...e, title: titles.get(e.documentId) ?? e.indexNo }));
  const last = ctx.db
    .select({ s: portalExports.sequence })
    .from(portalExports)
    .orderBy(desc(portalExports.sequence))
    .get();
  return {
    candidates,
    withdrawn,
    held,
    nextSequence: (last?.s ?? 0) + 1,
    previousSequence: last?.s ?? null,
  };
}

export function planView(plan: ComputedPlan): PortalPlan {
  const view = (c: PortalCandidate): PortalPlanItem => ({
    documentId: c.doc.id,
    title: c.doc.title,
    kind: c.doc.kind,
    column: c.item.column,
    indexNo: c.entry?.indexNo ?? null,
    change: c.change,
    interprets: c.item.interprets,
  });
  return {
    nextSequence: plan.nextSequence,
    previousSequence: plan.previousSequence,
    added: plan.candidates.filter((c) => c.change === 'added').map(view),
    changed: plan.candidates.filter((c) => c.change === 'changed').map(view),
    unchanged: plan.candidates.filter((c) => c.change === 'unchanged').length,
    withdrawn: plan.withdrawn.map((w) => ({ documentId: w.documentId, title: w.title, indexNo: w.indexNo })),
    held: plan.held,
  };
}
