// The disclosure metadata of one document on the portal (主题分类, 公开属性, 摘要) and the channels
// a document was released through.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { isFinal } from '../../common/domain/review';
import type { portalEntryFields, ReleaseChannel } from '../../common/opinion-schemas';
import type { PortalEntryView } from '../../common/opinion-types';
import { AppError } from '../../common/result';
import { recordAudit } from '../../db/queries/audit';
import { getDocumentRecord } from '../../db/queries/documents';
import { documentChannels, portalEntries } from '../../db/schema';
import { makeStamp, type ServiceContext } from '../context';
import { readOffice } from '../office';
import { currentActor } from '../settings';
import { allocateIndexNo } from './export';
import { DEFAULT_TOPIC_CATEGORY, defaultSummary } from './plan';

export function portalEntry(ctx: ServiceContext, documentId: string): PortalEntryView {
  const doc = getDocumentRecord(ctx.db, documentId);
  const e = ctx.db.select().from(portalEntries).where(eq(portalEntries.documentId, documentId)).get();
  return {
    documentId,
    title: doc.title,
    indexNo: e?.indexNo ?? '',
    topicCategory: e?.topicCategory ?? DEFAULT_TOPIC_CATEGORY,
    disclosure: e?.disclosure ?? '主动公开',
    summary: e?.summary ?? defaultSummary(doc.body),
    exportedSequence: e?.exportedSequence ?? null,
    withdrawnSequence: e?.withdrawnSequence ?? null,
  };
}

/** Saves the metadata; the 索引号 is given here if the document has none yet, and never changes after. */
export function updatePortalEntry(
  ctx: ServiceContext,
  documentId: string,
  fields: z.output<typeof portalEntryFields>,
): PortalEntryView {
  const doc = getDocumentRecord(ctx.db, documentId);
  const stamp = makeStamp(ctx, currentActor(ctx));
  ctx.db.transaction((t) => {
    const tctx = { ...ctx, db: t };
    const before = t.select().from(portalEntries).where(eq(portalEntries.documentId, documentId)).get();
    if (!before) allocateIndexNo(tctx, readOffice(ctx).indexCode, stamp.today, stamp.at, documentId);
    t.update(portalEntries)
      .set({
        topicCategory: fields.topicCategory,
        disclosure: fields.disclosure,
        summary: fields.summary,
        updatedAt: stamp.at,
      })
      .where(eq(portalEntries.documentId, documentId))
      .run();
    recordAudit(t, stamp, 'update', 'portal_entry', documentId, before ?? null, { ...fields, title: doc.title });
  });
  return portalEntry(ctx, documentId);
}

export function documentChannelList(
  ctx: ServiceContext,
  documentId: string,
): { channel: ReleaseChannel; date: string }[] {
  return ctx.db
    .select({ channel: documentChannels.channel, date: documentChannels.date })
    .from(documentChannels)
    .where(eq(documentChannels.documentId, documentId))
    .orderBy(documentChannels.date, documentChannels.channel)
    .all();
}

/** Replaces the channels a released (or approved) document went out through. */
export function setDocumentChannels(
  ctx: ServiceContext,
  documentId: string,
  channels: { channel: ReleaseChannel; date: string }[],
): { channel: ReleaseChannel; date: string }[] {
  const doc = getDocumentRecord(ctx.db, documentId);
  if (!isFinal(doc.status)) {
    throw new AppError(
      'conflict',
      `document "${doc.title}" is ${doc.status}; only approved or released documents have release channels`,
    );
  }
  const seen = new Set<string>();
  for (const c of channels) {
    if (seen.has(c.channel)) throw new AppError('invalid_input', `channel ${c.channel} appears more than once`);
    seen.add(c.channel);
  }
  const stamp = makeStamp(ctx, currentActor(ctx));
  ctx.db.transaction((t) => {
    const before = t.select().from(documentChannels).where(eq(documentChannels.documentId, documentId)).all();
    t.delete(documentChannels).where(eq(documentChannels.documentId, documentId)).run();
    for (const c of channels)
      t.insert(documentChannels)
        .values({ documentId, ...c })
        .run();
    recordAudit(t, stamp, 'update', 'document_channels', documentId, before, channels);
  });
  return documentChannelList(ctx, documentId);
}
