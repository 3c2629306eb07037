// 口径库: agreed answers, searchable by Chinese substring, versioned, flagged when not reviewed for 90 days.
import { and, desc, eq, sql } from 'drizzle-orm';
import { addDays } from '../../common/dates';
import type { AnswerView } from '../../common/document-types';
import { AppError } from '../../common/result';
import type { Db } from '../open';
import { answers, answerVersions, departments } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';
import { textMatch } from './search';

export const STALE_AFTER_DAYS = 90;

export interface AnswerFilter {
  search?: string | undefined;
  departmentId?: string | undefined;
  topic?: string | undefined;
  staleOnly?: boolean | undefined;
  includeArchived?: boolean | undefined;
}

export interface AnswerContent {
  question: string;
  answer: string;
  departmentId: string | null;
  topic: string | null;
  tags: string[];
}

type Row = Record<string, unknown>;

/** The instant before which a review is stale, as an ISO string comparable with stored timestamps. */
function staleBefore(today: string): string {
  return `${addDays(today, -STALE_AFTER_DAYS)}T`;
}

function toView(r: Row, today: string): AnswerView {
  const reviewedAt = (r.reviewed_at as string | null) ?? null;
  const reference = reviewedAt ?? (r.created_at as string);
  return {
    id: r.id as string,
    question: r.question as string,
    answer: r.answer as string,
    departmentId: (r.department_id as string | null) ?? null,
    departmentName: (r.department_name as string | null) ?? null,
    topic: (r.topic as string | null) ?? null,
    tags: JSON.parse(String(r.tags ?? '[]')) as string[],
    reviewedAt,
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    stale: reference < staleBefore(today),
    archived: Boolean(r.archived),
    version: r.version as number,
    updatedAt: r.updated_at as string,
  };
}

export function listAnswers(db: Db, filter: AnswerFilter, today: string, limit = 500): AnswerView[] {
  const where = [sql`1 = 1`];
  if (!filter.includeArchived) where.push(sql`a.archived = 0`);
  if (filter.departmentId) where.push(sql`a.department_id = ${filter.departmentId}`);
  if (filter.topic) where.push(sql`a.topic = ${filter.topic}`);
  if (filter.staleOnly) where.push(sql`coalesce(a.reviewed_at, a.created_at) < ${staleBefore(today)}`);
  const search = filter.search?.trim();
  if (search) {
    where.push(textMatch(search, 'answers_search', sql`a.rowid`));
  }
  return db
    .all<Row>(sql`
      SELECT a.*, d.name AS department_name FROM answers a LEFT JOIN departments d ON d.id = a.department_id
      WHERE ${sql.join(where, sql` AND `)} ORDER BY a.updated_at DESC, a.id LIMIT ${limit}`)
    .map((r) => toView(r, today));
}

export function getAnswer(db: Db, id: string, today: string): AnswerView {
  const row = db.all<Row>(sql`
    SELECT a.*, d.name AS department_name FROM answers a LEFT JOIN departments d ON d.id = a.department_id
    WHERE a.id = ${id}`)[0];
  if (!row) throw new AppError('not_found', `answer "${id}" does not exist`);
  return toView(row, today);
}

function assertDepartment(db: Db, departmentId: string | null): void {
  if (
    departmentId &&
    !db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId)).get()
  ) {
    throw new AppError('not_found', `department "${departmentId}" does not exist`);
  }
}

export function createAnswer(db: Db, stamp: Stamp, content: AnswerContent): AnswerView {
  return db.transaction((t) => {
    assertDepartment(t, content.departmentId);
    const id = stamp.newId();
    const row = { id, ...content, archived: false, version: 1, createdAt: stamp.at, updatedAt: stamp.at };
    t.insert(answers).values(row).run();
    t.insert(answerVersions)
      .values({
        answerId: id,
        version: 1,
        question: content.question,
        answer: content.answer,
        author: stamp.actor,
        at: stamp.at,
      })
      .run();
    recordAudit(t, stamp, 'create', 'answer', id, null, row);
    return getAnswer(t, id, stamp.today);
  });
}

export function updateAnswer(db: Db, stamp: Stamp, id: string, content: AnswerContent): AnswerView {
  return db.transaction((t) => {
    const before = getAnswer(t, id, stamp.today);
    assertDepartment(t, content.departmentId);
    const changed = before.question !== content.question || before.answer !== content.answer;
    const version = changed ? before.version + 1 : before.version;
    t.update(answers)
      .set({ ...content, version, updatedAt: stamp.at })
      .where(eq(answers.id, id))
      .run();
    if (changed) {
      t.insert(answerVersions)
        .values({
          answerId: id,
          version,
          question: content.question,
          answer: content.answer,
          author: stamp.actor,
          at: stamp.at,
        })
        .run();
    }
    const after = getAnswer(t, id, stamp.today);
    recordAudit(t, stamp, 'update', 'answer', id, before, after);
    return after;
  });
}

/** Marks an answer as reviewed today: it is current again for another 90 days. */
export function markAnswerReviewed(db: Db, stamp: Stamp, id: string): AnswerView {
  return db.transaction((t) => {
    const before = getAnswer(t, id, stamp.today);
    t.update(answers).set({ reviewedAt: stamp.at, reviewedBy: stamp.actor }).where(eq(answers.id, id)).run();
    const after = getAnswer(t, id, stamp.today);
    recordAudit(t, stamp, 'update', 'answer', id, { reviewedAt: before.reviewedAt }, { reviewedAt: after.reviewedAt });
    return after;
  });
}

export function archiveAnswer(db: Db, stamp: Stamp, id: string, archived: boolean): AnswerView {
  return db.transaction((t) => {
    getAnswer(t, id, stamp.today);
    t.update(answers).set({ archived, updatedAt: stamp.at }).where(eq(answers.id, id)).run();
    recordAudit(t, stamp, archived ? 'archive' : 'restore', 'answer', id, null, null);
    return getAnswer(t, id, stamp.today);
  });
}

export function answerVersionList(db: Db, id: string) {
  return db
    .select()
    .from(answerVersions)
    .where(and(eq(answerVersions.answerId, id)))
    .orderBy(desc(answerVersions.version))
    .all();
}
