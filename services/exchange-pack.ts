// 材料包: the office sends a department its conferences, talking points and 口径库 entries to prepare
// (a .docx to read and a .json file the app opens); the department edits them in its own copy of
// the app and returns the file; the office compares and accepts item by item. A pack carries one
// department's drafts only, and a returned pack can only change items of that department.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { diffLines } from '../common/diff';
import { parseBody } from '../common/document-body';
import type { Block } from '../common/document-model';
import { DOCUMENT_KINDS } from '../common/document-model';
import { talkingPoints } from '../common/document-schemas';
import type { WrittenFile } from '../common/document-types';
import { isEditable } from '../common/domain/review';
import type { Pack, PackComparison, PackComparisonItem, PackSummary } from '../common/pack-types';
import { AppError } from '../common/result';
import { ROLES } from '../common/schemas';
import { talkingPointsBody } from '../common/talking-points';
import { LIMITS, optionalText, requiredText, text } from '../common/text';
import { getAnswer, listAnswers, updateAnswer } from '../db/queries/answers';
import { getDepartment } from '../db/queries/departments';
import { getDocumentRecord, updateDocument } from '../db/queries/documents';
import { conferenceDepartments, conferences, documents, exchangePacks, people } from '../db/schema';
import { makeStamp, type ServiceContext } from './context';
import { answererNames } from './documents';
import { loadDocxRenderer } from './docx/load';
import { checkedFileName, safeFileName, writeExport } from './export-files';
import { exportDir, readOffice } from './office';
import { currentActor } from './settings';

export const PACK_FORMAT = 'press-office-pack/v1';
const MAX_PACK_BYTES = 20 * 1024 * 1024;

const iso = z.iso.datetime({ offset: true });
const nullableId = z.union([requiredText(100), z.null()]);

const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT, { error: `must be "${PACK_FORMAT}"` }),
    packId: requiredText(100),
    direction: z.enum(['to_department', 'to_office']),
    createdAt: iso,
    office: requiredText(LIMITS.name),
    department: z
      .object({ id: requiredText(100), name: requiredText(LIMITS.name), fullName: requiredText(LIMITS.name) })
      .strict(),
    people: z
      .array(z.object({ id: requiredText(100), name: requiredText(LIMITS.name), role: z.enum(ROLES) }).strict())
      .max(LIMITS.listItems),
    conferences: z
      .array(
        z
          .object({
            id: requiredText(100),
            title: requiredText(LIMITS.title),
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            time: z.union([z.string().regex(/^\d{2}:\d{2}$/), z.null()]),
            venue: z.union([text(LIMITS.shortText), z.null()]),
          })
          .strict(),
      )
      .max(LIMITS.listItems),
    documents: z
      .array(
        z
          .object({
            id: requiredText(100),
            kind: z.enum(DOCUMENT_KINDS as [string, ...string[]]),
            title: requiredText(LIMITS.title),
            conferenceId: nullableId,
            personId: nullableId,
            body: text(LIMITS.body),
            talkingPoints: z.union([talkingPoints, z.null()]),
            baseVersion: z.number().int().min(1),
            editedBy: z.union([text(LIMITS.name), z.null()]),
            editedAt: z.union([iso, z.null()]),
          })
          .strict(),
      )
      .max(5000),
    answers: z
      .array(
        z
          .object({
            id: requiredText(100),
            question: requiredText(LIMITS.notes),
            answer: requiredText(LIMITS.notes),
            topic: optionalText(100),
            tags: z.array(requiredText(50)).max(50),
            stale: z.boolean(),
            baseVersion: z.number().int().min(1),
            editedBy: z.union([text(LIMITS.name), z.null()]),
            editedAt: z.union([iso, z.null()]),
          })
          .strict(),
      )
      .max(5000),
    returnedAt: z.union([iso, z.null()]),
    returnedBy: z.union([text(LIMITS.name), z.null()]),
  })
  .strict();

/** Reads a pack file's bytes; every problem is named with its place in the file. */
export function parsePack(bytes: Uint8Array, expected: Pack['direction']): Pack {
  if (bytes.length > MAX_PACK_BYTES)
    throw new AppError('invalid_file', `pack is ${bytes.length} bytes; the limit is ${MAX_PACK_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new AppError('invalid_file', `not a pack file (not UTF-8 JSON: ${(err as Error).message})`);
  }
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'invalid_file',
      `not a valid pack: ${issues
        .slice(0, 5)
        .map((i) => `${i.path || 'file'}: ${i.message}`)
        .join('; ')}`,
      issues,
    );
  }
  const pack = parsed.data as Pack;
  if (pack.direction !== expected) {
    throw new AppError(
      'invalid_file',
      expected === 'to_office'
        ? 'this pack was sent by the office to a department; open it in the department’s copy of the app'
        : 'this pack is a department’s reply; import it at the office',
    );
  }
  return pack;
}

function decode(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

/** Office side: the pack for one department, from the records as they are now. */
export function buildPack(ctx: ServiceContext, departmentId: string): Pack {
  const dep = getDepartment(ctx.db, departmentId);
  const today = makeStamp(ctx, '').today;
  const docs = ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.departmentId, departmentId), inArray(documents.status, ['draft', 'returned'])))
    .orderBy(documents.id)
    .all();
  const conferenceIds = new Set(docs.map((d) => d.conferenceId).filter((v): v is string => !!v));
  const upcoming = ctx.db
    .selectDistinct({ id: conferences.id })
    .from(conferences)
    .leftJoin(conferenceDepartments, eq(conferenceDepartments.conferenceId, conferences.id))
    .where(
      and(
        eq(conferences.status, 'planned'),
        sql`${conferences.date} >= ${today}`,
        or(eq(conferences.hostDepartmentId, departmentId), eq(conferenceDepartments.departmentId, departmentId)),
      ),
    )
    .all();
  for (const c of upcoming) conferenceIds.add(c.id);
  const confRows = conferenceIds.size
    ? ctx.db
        .select({
          id: conferences.id,
          title: conferences.title,
          date: conferences.date,
          time: conferences.time,
          venue: conferences.venue,
        })
        .from(conferences)
        .where(inArray(conferences.id, [...conferenceIds]))
        .orderBy(conferences.date, conferences.id)
        .all()
    : [];
  const staff = ctx.db
    .select({ id: people.id, name: people.name, role: people.role })
    .from(people)
    .where(and(eq(people.departmentId, departmentId), eq(people.archived, false)))
    .orderBy(people.id)
    .all();
  const answerRows = listAnswers(ctx.db, { departmentId }, today, 5000);
  return {
    format: PACK_FORMAT,
    packId: ctx.newId(),
    direction: 'to_department',
    createdAt: ctx.now().toISOString(),
    office: readOffice(ctx).name,
    department: { id: dep.id, name: dep.name, fullName: dep.fullName },
    people: staff,
    conferences: confRows,
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      conferenceId: d.conferenceId,
      personId: d.personId,
      body: d.body,
      talkingPoints: (d.talkingPoints as Pack['documents'][number]['talkingPoints']) ?? null,
      baseVersion: d.version,
      editedBy: null,
      editedAt: null,
    })),
    answers: answerRows
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((a) => ({
        id: a.id,
        question: a.question,
        answer: a.answer,
        topic: a.topic,
        tags: a.tags,
        stale: a.stale,
        baseVersion: a.version,
        editedBy: null,
        editedAt: null,
      })),
    returnedAt: null,
    returnedBy: null,
  };
}

/** The .docx a department reads: its conferences, then every document and answer in the pack. */
export function packBlocks(pack: Pack): Block[] {
  const blocks: Block[] = [];
  const conferenceTitle = new Map(
    pack.conferences.map((c) => [c.id, `${c.title}（${c.date}${c.time ? ` ${c.time}` : ''}）`]),
  );
  if (pack.conferences.length) {
    blocks.push({ type: 'heading1', text: '一、近期新闻发布会' });
    for (const c of pack.conferences) {
      blocks.push({ type: 'paragraph', text: `${conferenceTitle.get(c.id)}${c.venue ? `，地点：${c.venue}` : ''}` });
    }
  }
  blocks.push({ type: 'heading1', text: `${pack.conferences.length ? '二' : '一'}、待准备材料` });
  if (!pack.documents.length) blocks.push({ type: 'paragraph', text: '（无）' });
  pack.documents.forEach((d, i) => {
    const conf = d.conferenceId ? conferenceTitle.get(d.conferenceId) : undefined;
    blocks.push({ type: 'heading2', text: `（${i + 1}）${d.title}${conf ? `——${conf}` : ''}` });
    blocks.push(...parseBody(d.body));
  });
  blocks.push({ type: 'heading1', text: `${pack.conferences.length ? '三' : '二'}、口径库条目` });
  if (!pack.answers.length) blocks.push({ type: 'paragraph', text: '（无）' });
  pack.answers.forEach((a, i) => {
    blocks.push({
      type: 'heading2',
      text: `（${i + 1}）${a.question.split('\n')[0]}${a.stale ? '（超过90天未复核）' : ''}`,
    });
    blocks.push({ type: 'paragraph', text: a.answer });
  });
  return blocks;
}

async function writePackFiles(
  ctx: ServiceContext,
  pack: Pack,
  target: { dir?: string | null | undefined; fileName?: string | null | undefined; overwrite?: boolean | undefined },
): Promise<{ json: WrittenFile; docx: WrittenFile }> {
  const reply = pack.direction === 'to_office';
  const base = target.fileName
    ? checkedFileName(target.fileName, '.json').slice(0, -'.json'.length)
    : safeFileName(
        `${pack.department.name}${reply ? '材料回传' : '材料包'}-${pack.createdAt.slice(0, 10)}`,
        '.x',
      ).slice(0, -2);
  const dir = target.dir ?? exportDir(ctx);
  const { renderDocx } = await loadDocxRenderer();
  const docxBytes = await renderDocx({
    title: `${pack.department.fullName}新闻发布材料${reply ? '（回传）' : ''}`,
    blocks: packBlocks(pack),
    signature: {
      office: reply ? pack.department.fullName : pack.office,
      date: (pack.returnedAt ?? pack.createdAt).slice(0, 10),
    },
    draft: true,
    author: pack.office,
  });
  const json = writeExport(
    { dir, fileName: `${base}.json`, overwrite: target.overwrite },
    `${JSON.stringify(pack, null, 2)}\n`,
  );
  const docx = writeExport({ dir, fileName: `${base}.docx`, overwrite: true }, docxBytes);
  return { json, docx };
}

export async function exportPack(
  ctx: ServiceContext,
  input: { departmentId: string; dir?: string | null; fileName?: string | null; overwrite?: boolean },
): Promise<{ json: WrittenFile; docx: WrittenFile; documents: number; answers: number }> {
  const pack = buildPack(ctx, input.departmentId);
  const files = await writePackFiles(ctx, pack, input);
  const at = ctx.now().toISOString();
  ctx.db
    .insert(exchangePacks)
    .values({
      id: pack.packId,
      direction: 'sent',
      departmentId: pack.department.id,
      departmentName: pack.department.name,
      office: pack.office,
      content: pack,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return { ...files, documents: pack.documents.length, answers: pack.answers.length };
}

function summary(row: typeof exchangePacks.$inferSelect): PackSummary {
  const pack = row.content as Pack;
  return {
    id: row.id,
    direction: row.direction,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    office: row.office,
    createdAt: row.createdAt,
    returnedAt: row.returnedAt,
    documents: pack.documents.length,
    answers: pack.answers.length,
  };
}

export function listPacks(ctx: ServiceContext): PackSummary[] {
  return ctx.db.select().from(exchangePacks).orderBy(sql`${exchangePacks.createdAt} DESC`).all().map(summary);
}

function packRow(ctx: ServiceContext, id: string) {
  const row = ctx.db.select().from(exchangePacks).where(eq(exchangePacks.id, id)).get();
  if (!row) throw new AppError('not_found', `pack "${id}" does not exist`);
  return row;
}

export function getPack(ctx: ServiceContext, id: string): Pack {
  return packRow(ctx, id).content as Pack;
}

/** Department side: opens a pack the office sent; opening the same pack again keeps the edits made so far. */
export function openPack(ctx: ServiceContext, file: { fileName: string; data: string }): PackSummary {
  const pack = parsePack(decode(file.data), 'to_department');
  const existing = ctx.db.select().from(exchangePacks).where(eq(exchangePacks.id, pack.packId)).get();
  if (existing) {
    if (existing.direction === 'sent')
      throw new AppError('conflict', 'this pack was made by this copy of the app; send it to the department');
    return summary(existing);
  }
  const at = ctx.now().toISOString();
  ctx.db
    .insert(exchangePacks)
    .values({
      id: pack.packId,
      direction: 'opened',
      departmentId: pack.department.id,
      departmentName: pack.department.name,
      office: pack.office,
      content: pack,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return summary(packRow(ctx, pack.packId));
}

export type PackEdit =
  | {
      type: 'document';
      id: string;
      title: string;
      body: string;
      talkingPoints: Pack['documents'][number]['talkingPoints'];
    }
  | { type: 'answer'; id: string; question: string; answer: string };

/** Department side: saves one edited item of an opened pack. */
export function savePackItem(ctx: ServiceContext, packId: string, edit: PackEdit): Pack {
  return ctx.db.transaction((t) => {
    const row = packRow({ ...ctx, db: t }, packId);
    if (row.direction !== 'opened') throw new AppError('conflict', 'only a pack opened from a file can be edited here');
    const pack = structuredClone(row.content as Pack);
    const actor = currentActor(ctx);
    const at = ctx.now().toISOString();
    if (edit.type === 'document') {
      const doc = pack.documents.find((d) => d.id === edit.id);
      if (!doc) throw new AppError('not_found', `pack has no document "${edit.id}"`);
      doc.title = edit.title;
      if (doc.kind === 'qa' && edit.talkingPoints) {
        doc.talkingPoints = edit.talkingPoints;
        const names = new Map(pack.people.map((p) => [p.id, p.name]));
        doc.body = talkingPointsBody(edit.talkingPoints, names);
      } else doc.body = edit.body;
      Object.assign(doc, { editedBy: actor, editedAt: at });
    } else {
      const answer = pack.answers.find((a) => a.id === edit.id);
      if (!answer) throw new AppError('not_found', `pack has no answer "${edit.id}"`);
      Object.assign(answer, { question: edit.question, answer: edit.answer, editedBy: actor, editedAt: at });
    }
    t.update(exchangePacks).set({ content: pack, updatedAt: at }).where(eq(exchangePacks.id, packId)).run();
    return pack;
  });
}

/** Department side: writes the reply for the office. */
export async function returnPack(
  ctx: ServiceContext,
  input: { packId: string; dir?: string | null; fileName?: string | null; overwrite?: boolean },
): Promise<{ json: WrittenFile; docx: WrittenFile }> {
  const row = packRow(ctx, input.packId);
  if (row.direction !== 'opened') throw new AppError('conflict', 'only a pack opened from a file can be returned');
  const at = ctx.now().toISOString();
  const reply: Pack = {
    ...(row.content as Pack),
    direction: 'to_office',
    returnedAt: at,
    returnedBy: currentActor(ctx),
  };
  const files = await writePackFiles(ctx, reply, input);
  ctx.db.update(exchangePacks).set({ returnedAt: at, updatedAt: at }).where(eq(exchangePacks.id, row.id)).run();
  return files;
}

/** Office side: what a returned pack would change, item by item. Writes nothing. */
export function comparePack(ctx: ServiceContext, file: { fileName: string; data: string }): PackComparison {
  const pack = parsePack(decode(file.data), 'to_office');
  const today = makeStamp(ctx, '').today;
  const items: PackComparisonItem[] = [];
  for (const d of pack.documents) {
    const current = ctx.db.select().from(documents).where(eq(documents.id, d.id)).get();
    let problem: string | null = null;
    if (!current) problem = 'the document no longer exists at the office';
    else if (current.departmentId !== pack.department.id)
      problem = `the document belongs to another department, not ${pack.department.name}`;
    else if (!isEditable(current.status))
      problem = `the document is ${current.status} at the office; reopen it to accept changes`;
    const before = current ? `${current.title}\n\n${current.body}` : '';
    const after = `${d.title}\n\n${d.body}`;
    items.push({
      type: 'document',
      id: d.id,
      title: d.title,
      changed:
        !current ||
        before !== after ||
        JSON.stringify(current.talkingPoints ?? null) !== JSON.stringify(d.talkingPoints),
      conflict: !!current && current.version !== d.baseVersion,
      problem,
      editedBy: d.editedBy,
      lines: diffLines(before, after),
    });
  }
  for (const a of pack.answers) {
    let current: ReturnType<typeof getAnswer> | null = null;
    try {
      current = getAnswer(ctx.db, a.id, today);
    } catch {
      current = null;
    }
    let problem: string | null = null;
    if (!current) problem = 'the answer no longer exists at the office';
    else if (current.departmentId !== pack.department.id)
      problem = `the answer belongs to another department, not ${pack.department.name}`;
    const before = current ? `${current.question}\n\n${current.answer}` : '';
    const after = `${a.question}\n\n${a.answer}`;
    items.push({
      type: 'answer',
      id: a.id,
      title: a.question.split('\n')[0] ?? a.id,
      changed: before !== after,
      conflict: !!current && current.version !== a.baseVersion,
      problem,
      editedBy: a.editedBy,
      lines: diffLines(before, after),
    });
  }
  return {
    packId: pack.packId,
    department: { id: pack.department.id, name: pack.department.name },
    returnedBy: pack.returnedBy,
    returnedAt: pack.returnedAt,
    items,
  };
}

/** Office side: accepts the chosen items of a returned pack, all in one transaction. */
export function acceptPack(
  ctx: ServiceContext,
  input: { fileName: string; data: string; items: { type: 'document' | 'answer'; id: string }[] },
): { accepted: number } {
  const comparison = comparePack(ctx, input);
  const pack = parsePack(decode(input.data), 'to_office');
  const actor = currentActor(ctx);
  return ctx.db.transaction((t) => {
    const tctx = { ...ctx, db: t };
    let accepted = 0;
    for (const want of input.items) {
      const item = comparison.items.find((i) => i.type === want.type && i.id === want.id);
      if (!item) throw new AppError('not_found', `the pack has no ${want.type} "${want.id}"`);
      if (item.problem) throw new AppError('conflict', `${item.title}: ${item.problem}`);
      if (!item.changed) continue;
      const who = item.editedBy ? `${item.editedBy}（${pack.department.name}）` : pack.department.name;
      const stamp = makeStamp(tctx, actor);
      if (want.type === 'document') {
        const d = pack.documents.find((x) => x.id === want.id);
        const current = getDocumentRecord(t, want.id);
        if (!d) continue;
        const tp = current.kind === 'qa' ? d.talkingPoints : null;
        updateDocument(
          t,
          stamp,
          want.id,
          {
            kind: current.kind,
            title: d.title,
            conferenceId: current.conferenceId,
            departmentId: current.departmentId,
            personId: current.personId,
            body: tp ? talkingPointsBody(tp, answererNames(tctx, tp)) : d.body,
            talkingPoints: tp,
            portalColumn: current.portalColumn,
            docNumber: current.docNumber,
            policyTitle: current.policyTitle,
            policyNumber: current.policyNumber,
            policyDate: current.policyDate,
            templateId: current.templateId,
          },
          { note: `部门回传：${who}` },
        );
      } else {
        const a = pack.answers.find((x) => x.id === want.id);
        const current = getAnswer(t, want.id, stamp.today);
        if (!a) continue;
        updateAnswer(t, stamp, want.id, {
          question: a.question,
          answer: a.answer,
          departmentId: current.departmentId,
          topic: current.topic,
          tags: current.tags,
        });
      }
      accepted++;
    }
    const sent = t.select().from(exchangePacks).where(eq(exchangePacks.id, pack.packId)).get();
    if (sent)
      t.update(exchangePacks)
        .set({ returnedAt: pack.returnedAt, updatedAt: ctx.now().toISOString() })
        .where(eq(exchangePacks.id, sent.id))
        .run();
    return { accepted };
  });
}
