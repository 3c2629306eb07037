// 舆情 register: items with their derived deadline, overdue and unreported flags.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { OpinionGrade } from '../../common/opinion-schemas';
import type { OpinionView } from '../../common/opinion-types';
import { AppError } from '../../common/result';
import type { Db } from '../open';
import { conferences, departments, documents, opinionItems } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';

export type OpinionContent = Omit<typeof opinionItems.$inferInsert, 'id' | 'deadlineAt' | 'createdAt' | 'updatedAt'>;

export interface OpinionFilter {
  search?: string | undefined;
  grade?: OpinionGrade | undefined;
  status?: OpinionView['status'] | undefined;
  departmentId?: string | undefined;
  overdueOnly?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

const HOUR = 3_600_000;

function toView(r: Row, nowIso: string): OpinionView {
  const answeredAt = s(r.answered_at);
  const deadlineAt = r.deadline_at as string;
  const detected = Date.parse(r.detected_at as string);
  const answered = answeredAt ? Date.parse(answeredAt) : null;
  const open = r.status === 'open' || r.status === 'answering';
  return {
    id: r.id as string,
    source: r.source as string,
    channel: r.channel as OpinionView['channel'],
    summary: r.summary as string,
    topic: s(r.topic),
    link: s(r.link),
    detectedAt: r.detected_at as string,
    grade: r.grade as OpinionGrade,
    judgement: s(r.judgement),
    reaction: s(r.reaction),
    mediaInvolvement: s(r.media_involvement),
    departmentId: s(r.department_id),
    departmentName: s(r.department_name),
    response: (r.response as OpinionView['response']) ?? null,
    deadlineAt,
    answeredAt,
    documentId: s(r.document_id),
    documentTitle: s(r.document_title),
    conferenceId: s(r.conference_id),
    conferenceTitle: s(r.conference_title),
    status: r.status as OpinionView['status'],
    reportedTo: s(r.reported_to),
    reportedAt: s(r.reported_at),
    notes: s(r.notes),
    overdue:
      answered !== null ? answered > Date.parse(deadlineAt) : open && Date.parse(nowIso) > Date.parse(deadlineAt),
    unreported: r.grade === 'severe' && !r.reported_at,
    responseHours: answered !== null ? Math.round(((answered - detected) / HOUR) * 10) / 10 : null,
    updatedAt: r.updated_at as string,
  };
}

const selectFrom = (items: SQL) => sql`
  SELECT o.*, d.name AS department_name, doc.title AS document_title, c.title AS conference_title
  FROM ${items}
  LEFT JOIN departments d ON d.id = o.department_id
  LEFT JOIN documents doc ON doc.id = o.document_id
  LEFT JOIN conferences c ON c.id = o.conference_id`;
const SELECT = selectFrom(sql`opinion_items o`);

export function listOpinions(db: Db, filter: OpinionFilter, nowIso: string, limit = 2000): OpinionView[] {
  const where = [sql`1 = 1`];
  if (filter.grade) where.push(sql`o.grade = ${filter.grade}`);
  if (filter.status) where.push(sql`o.status = ${filter.status}`);
  if (filter.departmentId) where.push(sql`o.department_id = ${filter.departmentId}`);
  if (filter.from) where.push(sql`o.detected_at >= ${filter.from}`);
  if (filter.to) where.push(sql`o.detected_at < ${`${filter.to}T24`}`);
  if (filter.overdueOnly) {
    where.push(
      sql`((o.status IN ('open', 'answering') AND o.deadline_at < ${nowIso}) OR o.answered_at > o.deadline_at)`,
    );
  }
  const search = filter.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(o.summary LIKE ${like} ESCAPE '\\' OR o.source LIKE ${like} ESCAPE '\\' OR o.topic LIKE ${like} ESCAPE '\\')`,
    );
  }
  return db
    .all<Row>(sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY o.detected_at DESC, o.id LIMIT ${limit}`)
    .map((r) => toView(r, nowIso));
}

/**
 * The dashboard's two alerts, each read as the first rows of a partial index whose WHERE the alert repeats word for
 * word so SQLite can use it (the migration 0013 indexes). The overdue one is named: without statistics SQLite takes
 * opinion_items_status_idx and sorts a decade's thousand rows.
 */
const OVERDUE_UNANSWERED_FROM = sql`opinion_items o INDEXED BY opinion_items_unanswered_deadline_idx`;
const overdueUnansweredWhere = (nowIso: string) =>
  sql`o.status IN ('open', 'answering') AND o.answered_at IS NULL AND o.deadline_at < ${nowIso}`;
const UNREPORTED_SEVERE_FROM = sql`opinion_items o`;
const UNREPORTED_SEVERE_WHERE = sql`o.grade = 'severe' AND o.reported_at IS NULL AND o.status <> 'closed'`;

/** What is overdue and still open with no answer, most overdue first. Exported with the next one for the query-plan test. */
export const overdueUnansweredQuery = (nowIso: string, limit: number) => sql`
  ${selectFrom(OVERDUE_UNANSWERED_FROM)} WHERE ${overdueUnansweredWhere(nowIso)}
  ORDER BY o.deadline_at, o.id LIMIT ${limit}`;

/** 重大 items not reported up and not closed, newest first. */
export const unreportedSevereQuery = (limit: number) => sql`
  ${selectFrom(UNREPORTED_SEVERE_FROM)} WHERE ${UNREPORTED_SEVERE_WHERE}
  ORDER BY o.detected_at DESC, o.id DESC LIMIT ${limit}`;

/** The first rows of an alert's query, and how many rows its FROM and WHERE hold in all. */
function firstAndTotal(db: Db, nowIso: string, from: SQL, where: SQL, first: SQL) {
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
  const items = db.all<Row>(first).map((r) => toView(r, nowIso));
  return { items, total: total?.n ?? 0 };
}

/** The first `limit` of the overdue unanswered items, and how many there are in all. */
export function overdueUnanswered(db: Db, nowIso: string, limit: number): { items: OpinionView[]; total: number } {
  const where = overdueUnansweredWhere(nowIso);
  return firstAndTotal(db, nowIso, OVERDUE_UNANSWERED_FROM, where, overdueUnansweredQuery(nowIso, limit));
}

/** The first `limit` of the unreported 重大 items not closed, and how many there are in all. */
export function unreportedSevere(db: Db, nowIso: string, limit: number): { items: OpinionView[]; total: number } {
  return firstAndTotal(db, nowIso, UNREPORTED_SEVERE_FROM, UNREPORTED_SEVERE_WHERE, unreportedSevereQuery(limit));
}

export function getOpinion(db: Db, id: string, nowIso: string): OpinionView {
  const row = db.all<Row>(sql`${SELECT} WHERE o.id = ${id}`)[0];
  if (!row) throw new AppError('not_found', `public-opinion item "${id}" does not exist`);
  return toView(row, nowIso);
}

function assertLinks(db: Db, c: OpinionContent): void {
  const exists = (table: typeof departments | typeof documents | typeof conferences, value: string) =>
    db.select({ id: table.id }).from(table).where(eq(table.id, value)).get();
  if (c.departmentId && !exists(departments, c.departmentId))
    throw new AppError('not_found', `department "${c.departmentId}" does not exist`);
  if (c.documentId && !exists(documents, c.documentId))
    throw new AppError('not_found', `document "${c.documentId}" does not exist`);
  if (c.conferenceId && !exists(conferences, c.conferenceId))
    throw new AppError('not_found', `conference "${c.conferenceId}" does not exist`);
}

/** Rules between fields, each named with its field so the form can show it. */
export function opinionProblems(c: OpinionContent): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const t = (v: string | null | undefined) => (v ? Date.parse(v) : null);
  const detected = t(c.detectedAt) ?? 0;
  if ((c.status === 'answered' || c.status === 'closed') && !c.answeredAt) {
    out.push({ path: 'answeredAt', message: 'an answered or closed item needs the time it was answered' });
  }
  if (c.answeredAt && (t(c.answeredAt) ?? 0) < detected)
    out.push({ path: 'answeredAt', message: 'is before the item was detected' });
  if (c.reportedAt && (t(c.reportedAt) ?? 0) < detected)
    out.push({ path: 'reportedAt', message: 'is before the item was detected' });
  if (!!c.reportedTo !== !!c.reportedAt) {
    out.push({ path: c.reportedTo ? 'reportedAt' : 'reportedTo', message: 'a report up needs both to whom and when' });
  }
  if (c.response === 'conference' && c.status === 'answered' && !c.conferenceId) {
    out.push({ path: 'conferenceId', message: 'an item answered by a press conference links to it' });
  }
  return out;
}

function check(c: OpinionContent): void {
  const problems = opinionProblems(c);
  if (problems.length) {
    throw new AppError('invalid_input', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
}

export function deadlineFor(detectedAt: string, hours: number): string {
  return new Date(Date.parse(detectedAt) + hours * HOUR).toISOString();
}

export function createOpinion(db: Db, stamp: Stamp, c: OpinionContent, deadlineHours: number): string {
  check(c);
  return db.transaction((t) => {
    assertLinks(t, c);
    const id = stamp.newId();
    const row = {
      id,
      ...c,
      deadlineAt: deadlineFor(c.detectedAt, deadlineHours),
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    t.insert(opinionItems).values(row).run();
    recordAudit(t, stamp, 'create', 'opinion', id, null, row);
    return id;
  });
}

/** Saves an item; the deadline moves only when the grade or the detection time changes. */
export function updateOpinion(db: Db, stamp: Stamp, id: string, c: OpinionContent, deadlineHours: number): void {
  check(c);
  db.transaction((t) => {
    const before = t.select().from(opinionItems).where(eq(opinionItems.id, id)).get();
    if (!before) throw new AppError('not_found', `public-opinion item "${id}" does not exist`);
    assertLinks(t, c);
    const deadlineAt =
      before.grade === c.grade && before.detectedAt === c.detectedAt
        ? before.deadlineAt
        : deadlineFor(c.detectedAt, deadlineHours);
    const after = { ...c, deadlineAt, updatedAt: stamp.at };
    t.update(opinionItems).set(after).where(eq(opinionItems.id, id)).run();
    recordAudit(t, stamp, 'update', 'opinion', id, before, { ...before, ...after });
  });
}

export function removeOpinion(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = t.select().from(opinionItems).where(eq(opinionItems.id, id)).get();
    if (!before) throw new AppError('not_found', `public-opinion item "${id}" does not exist`);
    t.delete(opinionItems).where(eq(opinionItems.id, id)).run();
    recordAudit(t, stamp, 'delete', 'opinion', id, before, null);
  });
}
