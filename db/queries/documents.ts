// Documents (发布材料): the list, one document with its versions and review records, and the
// writes. Every content change keeps a version; every workflow step keeps a review record.
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DocumentKind } from '../../common/document-model';
import type { DocumentStatus, TalkingPoints } from '../../common/document-schemas';
import type {
  DocumentDetail,
  DocumentPage,
  DocumentRow,
  ReviewAction,
  ReviewRecord,
  VersionRow,
} from '../../common/document-types';
import { allowedActions, isEditable, nextStatus, refusal } from '../../common/domain/review';
import { AppError } from '../../common/result';
import type { Db } from '../open';
import { conferences, departments, documentReviews, documents, documentVersions, people } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';
import { textMatch } from './search';

export interface DocumentFilter {
  search?: string | undefined;
  kind?: DocumentKind | undefined;
  status?: DocumentStatus | undefined;
  conferenceId?: string | undefined;
  departmentId?: string | undefined;
}

/** The content and links of a document as the services hand them over (body already derived). */
export interface DocumentContent {
  kind: DocumentKind;
  title: string;
  conferenceId: string | null;
  departmentId: string | null;
  personId: string | null;
  body: string;
  talkingPoints: TalkingPoints | null;
  portalColumn: string | null;
  docNumber: string | null;
  policyTitle: string | null;
  policyNumber: string | null;
  policyDate: string | null;
  templateId: string | null;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toRow(r: Row): DocumentRow {
  return {
    id: r.id as string,
    kind: r.kind as DocumentKind,
    title: r.title as string,
    status: r.status as DocumentStatus,
    conferenceId: str(r.conference_id),
    conferenceTitle: str(r.conference_title),
    conferenceDate: str(r.conference_date),
    departmentId: str(r.department_id),
    departmentName: str(r.department_name),
    personId: str(r.person_id),
    personName: str(r.person_name),
    drafter: str(r.drafter),
    reviewer: str(r.reviewer),
    portalColumn: str(r.portal_column),
    version: r.version as number,
    updatedAt: r.updated_at as string,
  };
}

const ROW_SELECT = sql`
  SELECT d.id, d.kind, d.title, d.status, d.conference_id, d.department_id, d.person_id, d.drafter,
    d.reviewer, d.portal_column, d.version, d.updated_at,
    c.title AS conference_title, c.date AS conference_date, dep.name AS department_name, p.name AS person_name
  FROM documents d
  LEFT JOIN conferences c ON c.id = d.conference_id
  LEFT JOIN departments dep ON dep.id = d.department_id
  LEFT JOIN people p ON p.id = d.person_id`;

/** The WHERE of the document list for a filter (the search through the index of pairs). */
function filterWhere(filter: DocumentFilter): SQL {
  const where = [sql`1 = 1`];
  if (filter.kind) where.push(sql`d.kind = ${filter.kind}`);
  if (filter.status) where.push(sql`d.status = ${filter.status}`);
  if (filter.conferenceId) where.push(sql`d.conference_id = ${filter.conferenceId}`);
  if (filter.departmentId) where.push(sql`d.department_id = ${filter.departmentId}`);
  const search = filter.search?.trim();
  if (search) where.push(textMatch(search, 'documents_search', sql`d.rowid`));
  return sql`WHERE ${sql.join(where, sql` AND `)}`;
}

/** The list's order: the newest change first (the `documents(updated_at, id)` index read backwards). */
const LIST_ORDER = sql`ORDER BY d.updated_at DESC, d.id`;

export function listDocuments(db: Db, filter: DocumentFilter, limit = 2000): DocumentRow[] {
  return db.all<Row>(sql`${ROW_SELECT} ${filterWhere(filter)} ${LIST_ORDER} LIMIT ${limit}`).map(toRow);
}

/** The rowids of a page of the list, from the narrow query (exported for the query-plan test). */
export function documentPageRowidsQuery(request: DocumentFilter & { offset: number; limit: number }): SQL {
  return sql`SELECT d.rowid FROM documents d ${filterWhere(request)} ${LIST_ORDER} LIMIT ${request.limit} OFFSET ${request.offset}`;
}

/**
 * Rows `offset` to `offset + limit - 1` of the filtered list, in its order, and how many match: the
 * list page asks for the page it shows, so a decade's 30,000 documents are all reachable (the list
 * stops at 2,000) and a search reads the rows of one page with their conference, department and
 * person, not of every match (926 for 营商 over the decade). The page's rowids come from a narrow
 * query, then only those rows are joined; the count and the page are read in one transaction, so
 * they agree.
 */
export function pageDocuments(db: Db, request: DocumentFilter & { offset: number; limit: number }): DocumentPage {
  return db.transaction(
    (t) => {
      const total = t.get<{ n: number }>(sql`SELECT count(*) AS n FROM documents d ${filterWhere(request)}`)?.n ?? 0;
      if (request.offset >= total) return { total, offset: request.offset, rows: [] };
      const page = documentPageRowidsQuery(request);
      const rows = t.all<Row>(sql`${ROW_SELECT} WHERE d.rowid IN (${page}) ${LIST_ORDER}`).map(toRow);
      return { total, offset: request.offset, rows };
    },
    // A read: no write lock (db/open.ts makes IMMEDIATE the default).
    { behavior: 'deferred' },
  );
}

export function getDocumentRecord(db: Db, id: string) {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new AppError('not_found', `document "${id}" does not exist`);
  return row;
}

export function getDocumentDetail(db: Db, id: string, actor: string): DocumentDetail {
  const record = getDocumentRecord(db, id);
  const row = db.all<Row>(sql`${ROW_SELECT} WHERE d.id = ${id}`)[0];
  if (!row) throw new AppError('not_found', `document "${id}" does not exist`);
  return {
    ...toRow(row),
    body: record.body,
    talkingPoints: (record.talkingPoints as TalkingPoints | null) ?? null,
    reviewedAt: record.reviewedAt,
    confidentialityBy: record.confidentialityBy,
    confidentialityAt: record.confidentialityAt,
    agencyConfirmation: record.agencyConfirmation,
    docNumber: record.docNumber,
    policyTitle: record.policyTitle,
    policyNumber: record.policyNumber,
    policyDate: record.policyDate,
    templateId: record.templateId,
    createdAt: record.createdAt,
    reviews: listReviews(db, id),
    versions: listVersions(db, id),
    allowed: allowedActions(record.status, actor, record.drafter),
  };
}

export function listReviews(db: Db, id: string): ReviewRecord[] {
  return db
    .select({
      id: documentReviews.id,
      version: documentReviews.version,
      action: documentReviews.action,
      actor: documentReviews.actor,
      at: documentReviews.at,
      comment: documentReviews.comment,
      confidentialityBy: documentReviews.confidentialityBy,
      agencyConfirmation: documentReviews.agencyConfirmation,
    })
    .from(documentReviews)
    .where(eq(documentReviews.documentId, id))
    .orderBy(asc(documentReviews.at), asc(documentReviews.id))
    .all();
}

export function listVersions(db: Db, id: string): VersionRow[] {
  return db
    .select({
      version: documentVersions.version,
      title: documentVersions.title,
      author: documentVersions.author,
      at: documentVersions.at,
      note: documentVersions.note,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, id))
    .orderBy(desc(documentVersions.version))
    .all();
}

export function getVersion(db: Db, id: string, version: number) {
  const row = db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, id), eq(documentVersions.version, version)))
    .get();
  if (!row) throw new AppError('not_found', `document "${id}" has no version ${version}`);
  return row;
}

function assertLinks(db: Db, c: DocumentContent): void {
  if (
    c.conferenceId &&
    !db.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, c.conferenceId)).get()
  ) {
    throw new AppError('not_found', `conference "${c.conferenceId}" does not exist`);
  }
  if (
    c.departmentId &&
    !db.select({ id: departments.id }).from(departments).where(eq(departments.id, c.departmentId)).get()
  ) {
    throw new AppError('not_found', `department "${c.departmentId}" does not exist`);
  }
  if (c.personId) {
    const person = db
      .select({ id: people.id, departmentId: people.departmentId })
      .from(people)
      .where(eq(people.id, c.personId))
      .get();
    if (!person) throw new AppError('not_found', `person "${c.personId}" does not exist`);
    if (c.departmentId && person.departmentId !== c.departmentId) {
      throw new AppError('invalid_input', `person "${c.personId}" is not in department "${c.departmentId}"`);
    }
  }
}

export function createDocument(
  db: Db,
  stamp: Stamp,
  content: DocumentContent,
  options: { id?: string; note?: string | null } = {},
): string {
  return db.transaction((t) => {
    assertLinks(t, content);
    const id = options.id ?? stamp.newId();
    const row = {
      id,
      ...content,
      status: 'draft' as const,
      drafter: stamp.actor,
      version: 1,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    t.insert(documents).values(row).run();
    t.insert(documentVersions)
      .values({
        documentId: id,
        version: 1,
        title: content.title,
        body: content.body,
        talkingPoints: content.talkingPoints,
        author: stamp.actor,
        at: stamp.at,
        note: options.note ?? null,
      })
      .run();
    recordAudit(t, stamp, 'create', 'document', id, null, summary(row));
    return id;
  });
}

/** Saves new content as the next version. Only drafts and returned documents can be edited. */
export function updateDocument(
  db: Db,
  stamp: Stamp,
  id: string,
  content: DocumentContent,
  options: { note?: string | null; expectedVersion?: number | undefined } = {},
): number {
  return db.transaction((t) => {
    const before = getDocumentRecord(t, id);
    if (!isEditable(before.status)) {
      throw new AppError('conflict', `document "${before.title}" is ${before.status}; reopen it before editing`);
    }
    if (options.expectedVersion !== undefined && options.expectedVersion !== before.version) {
      throw new AppError(
        'conflict',
        `document "${before.title}" was changed by someone else (now version ${before.version}, you edited version ${options.expectedVersion}); reload it`,
      );
    }
    if (content.kind !== before.kind) throw new AppError('invalid_input', 'the kind of a document cannot change');
    assertLinks(t, content);
    const same =
      before.title === content.title &&
      before.body === content.body &&
      JSON.stringify(before.talkingPoints ?? null) === JSON.stringify(content.talkingPoints);
    const version = same ? before.version : before.version + 1;
    t.update(documents)
      .set({ ...content, version, updatedAt: stamp.at })
      .where(eq(documents.id, id))
      .run();
    if (!same) {
      t.insert(documentVersions)
        .values({
          documentId: id,
          version,
          title: content.title,
          body: content.body,
          talkingPoints: content.talkingPoints,
          author: stamp.actor,
          at: stamp.at,
          note: options.note ?? null,
        })
        .run();
    }
    recordAudit(t, stamp, 'update', 'document', id, summary(before), summary({ ...before, ...content, version }));
    return version;
  });
}

/**
 * Called inside the transaction that makes a document approved or released, after its row is
 * updated: the services store what the portal will publish of it (services/documents.ts sets it).
 * It must not throw for a reason of its own: the approval would fail with it.
 */
export type FinalDocumentHook = (db: Db, id: string) => void;
let finalDocumentHook: FinalDocumentHook | null = null;

export function setFinalDocumentHook(hook: FinalDocumentHook | null): void {
  finalDocumentHook = hook;
}

export interface ReviewOptions {
  comment: string | null;
  confidentialityBy: string | null;
  agencyConfirmation: string | null;
}

export function reviewDocument(db: Db, stamp: Stamp, id: string, action: ReviewAction, o: ReviewOptions): void {
  db.transaction((t) => {
    const before = getDocumentRecord(t, id);
    const why = refusal(action, before.status, stamp.actor, before.drafter);
    if (why) throw new AppError('conflict', `document "${before.title}": ${why}`);
    if (action === 'return' && !o.comment) {
      throw new AppError('invalid_input', 'returning a document needs a comment saying what to change');
    }
    if (action === 'approve' && !o.confidentialityBy) {
      throw new AppError('invalid_input', 'approval needs the confidentiality review (保密审查): who did it');
    }
    const set: Partial<typeof documents.$inferInsert> = { status: nextStatus(action), updatedAt: stamp.at };
    if (action === 'approve') {
      Object.assign(set, {
        reviewer: stamp.actor,
        reviewedAt: stamp.at,
        confidentialityBy: o.confidentialityBy,
        confidentialityAt: stamp.at,
        agencyConfirmation: o.agencyConfirmation,
      });
    }
    if (action === 'reopen' || action === 'submit') {
      Object.assign(set, {
        reviewer: null,
        reviewedAt: null,
        confidentialityBy: null,
        confidentialityAt: null,
        agencyConfirmation: null,
      });
    }
    if (action === 'return') Object.assign(set, { reviewer: stamp.actor, reviewedAt: stamp.at });
    t.update(documents).set(set).where(eq(documents.id, id)).run();
    if (finalDocumentHook && (action === 'approve' || action === 'release')) finalDocumentHook(t, id);
    t.insert(documentReviews)
      .values({
        id: stamp.newId(),
        documentId: id,
        version: before.version,
        action,
        actor: stamp.actor,
        at: stamp.at,
        comment: o.comment,
        confidentialityBy: action === 'approve' ? o.confidentialityBy : null,
        agencyConfirmation: action === 'approve' ? o.agencyConfirmation : null,
      })
      .run();
    recordAudit(
      t,
      stamp,
      'update',
      'document',
      id,
      { status: before.status },
      { status: set.status, action },
      o.comment,
    );
  });
}

/** Removes a document that was never approved; approved and released ones are kept for the record. */
export function removeDocument(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = getDocumentRecord(t, id);
    if (!isEditable(before.status)) {
      throw new AppError(
        'conflict',
        `document "${before.title}" is ${before.status}; only drafts and returned documents can be deleted`,
      );
    }
    t.delete(documents).where(eq(documents.id, id)).run();
    recordAudit(t, stamp, 'delete', 'document', id, summary(before), null);
  });
}

/** What the audit trail keeps of a document: everything but the (possibly huge) body. */
function summary(d: { title: string; kind: string; status: string; version: number; body: string }) {
  const { body, ...rest } = d as Record<string, unknown> & { body: string };
  return { ...rest, talkingPoints: undefined, bodyLength: body.length };
}
