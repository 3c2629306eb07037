// What the next portal package holds: the documents that are approved or released and have a
// portal column, compared with what was last exported of each. A 政策解读 whose policy is in the
// app but not yet approved waits for it, so that the two are published in the same package.
import { createHash } from 'node:crypto';
import { desc, inArray, isNotNull } from 'drizzle-orm';
import { bodyPlainText } from '../../common/document-body';
import type { PortalPlan, PortalPlanItem } from '../../common/opinion-types';
import { departments, documents, portalEntries, portalExports } from '../../db/schema';
import type { ServiceContext } from '../context';
import { localDay } from '../documents';
import { readOffice } from '../office';
import type { ManifestItem } from './manifest';

export const DEFAULT_TOPIC_CATEGORY = '综合政务';

export interface PortalCandidate {
  doc: typeof documents.$inferSelect;
  entry: typeof portalEntries.$inferSelect | null;
  /** The manifest item without its files; indexNo null until the export assigns it. */
  item: Omit<ManifestItem, 'files' | 'metadata'> & {
    metadata: Omit<ManifestItem['metadata'], 'indexNo'> & { indexNo: string | null };
  };
  /** Hash of everything published about the item (not its updatedAt). */
  hash: string;
  change: 'added' | 'changed' | 'unchanged';
  signature: { office: string; date: string } | null;
}

export interface ComputedPlan {
  candidates: PortalCandidate[];
  withdrawn: (typeof portalEntries.$inferSelect & { title: string })[];
  held: PortalPlan['held'];
  nextSequence: number;
  previousSequence: number | null;
}

const SIGNED_KINDS = new Set(['notice', 'circular']);

/** The first 100 characters of the body's text: the default summary (摘要). */
export function defaultSummary(body: string): string {
  const first = bodyPlainText(body).replace(/\s+/g, ' ').trim();
  return Array.from(first).slice(0, 100).join('');
}

export function computePlan(ctx: ServiceContext): ComputedPlan {
  const office = readOffice(ctx);
  const eligible = ctx.db
    .select()
    .from(documents)
    .where(inArray(documents.status, ['approved', 'released']))
    .all()
    .filter((d) => d.portalColumn && d.kind !== 'qa');
  const entries = new Map(
    ctx.db
      .select()
      .from(portalEntries)
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
  const byNumber = new Map<string, typeof documents.$inferSelect>();
  for (const d of ctx.db.select().from(documents).where(isNotNull(documents.docNumber)).all()) {
    if (d.kind !== 'interpretation' && d.docNumber) byNumber.set(d.docNumber, d);
  }
  const eligibleIds = new Set(eligible.map((d) => d.id));
  const held: PortalPlan['held'] = [];
  const candidates: PortalCandidate[] = [];
  for (const doc of eligible.sort((a, b) => a.id.localeCompare(b.id))) {
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
    candidates.push({ doc, entry, item, hash, change, signature });
  }
  const current = new Set(candidates.map((c) => c.doc.id));
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
