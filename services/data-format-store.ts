// Reading and writing the register's rows as press-office/v1 records. The register's own queries
// (db/queries/departments.ts, people.ts, documents.ts, answers.ts) work one edit at a time with
// audit and rules; the data format needs whole rows, bulk and verbatim (documents with their
// versions and review records), inside the import's one transaction.
import { asc, eq } from 'drizzle-orm';
import type { TalkingPoints } from '../common/document-schemas';
import type { Db } from '../db/open';
import {
  answers,
  answerVersions,
  departmentNames,
  departments,
  documentReviews,
  documents,
  documentVersions,
  mediaOutlets,
  people,
  trainings,
} from '../db/schema';
import type { Stamp } from '../db/stamp';
import {
  type AnswerRecord,
  type AnswerVersionRecord,
  compareReviews,
  type DocumentRecord,
  type DocumentReviewRecord,
  type DocumentVersionRecord,
} from './data-format-documents';
import type {
  DepartmentRecord,
  FormerNameRecord,
  MediaRecord,
  PersonRecord,
  TrainingRecord,
} from './data-format-schema';

/** Departments in register order (sortOrder, then id), with their former names. */
export function readDepartmentRecords(db: Db): DepartmentRecord[] {
  const history = new Map<string, FormerNameRecord[]>();
  const names = db
    .select()
    .from(departmentNames)
    .orderBy(asc(departmentNames.departmentId), asc(departmentNames.until), asc(departmentNames.id))
    .all();
  for (const n of names) {
    const list = history.get(n.departmentId) ?? [];
    list.push({ name: n.name, fullName: n.fullName, until: n.until });
    history.set(n.departmentId, list);
  }
  return db
    .select()
    .from(departments)
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .all()
    .map((d) => ({
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      listed: d.listed,
      listedFrom: d.listedFrom,
      listedUntil: d.listedUntil,
      contactPerson: d.contactPerson,
      contactPhone: d.contactPhone,
      sortOrder: d.sortOrder,
      notes: d.notes,
      status: d.status,
      mergedIntoId: d.mergedIntoId,
      formerNames: history.get(d.id) ?? [],
    }));
}

export function readPersonRecords(db: Db): PersonRecord[] {
  return db
    .select()
    .from(people)
    .orderBy(asc(people.id))
    .all()
    .map((p) => ({
      id: p.id,
      departmentId: p.departmentId,
      name: p.name,
      role: p.role,
      title: p.title,
      phone: p.phone,
      email: p.email,
      tenureStart: p.tenureStart,
      tenureEnd: p.tenureEnd,
      notes: p.notes,
      archived: p.archived,
    }));
}

export function readTrainingRecords(db: Db): TrainingRecord[] {
  return db
    .select()
    .from(trainings)
    .orderBy(asc(trainings.id))
    .all()
    .map((t) => ({ id: t.id, personId: t.personId, date: t.date, course: t.course, hours: t.hours }));
}

/** Media outlets (媒体) by id. */
export function readMediaRecords(db: Db): MediaRecord[] {
  return db
    .select()
    .from(mediaOutlets)
    .orderBy(asc(mediaOutlets.id))
    .all()
    .map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      contactPerson: m.contactPerson,
      phone: m.phone,
      email: m.email,
      notes: m.notes,
      archived: m.archived,
    }));
}

/**
 * Takes a department out of the active-name unique index for the rest of the transaction, so that
 * a file which swaps two short names can be written one row at a time. Every department parked
 * here is written again with its final values before the transaction commits.
 */
export function parkDepartment(db: Db, id: string): void {
  db.update(departments).set({ status: 'archived' }).where(eq(departments.id, id)).run();
}

export function putDepartment(db: Db, stamp: Stamp, record: DepartmentRecord, exists: boolean): void {
  const { formerNames, ...fields } = record;
  if (exists) {
    db.update(departments)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(departments.id, record.id))
      .run();
    db.delete(departmentNames).where(eq(departmentNames.departmentId, record.id)).run();
  } else {
    db.insert(departments)
      .values({ ...fields, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
  for (const n of formerNames)
    db.insert(departmentNames)
      .values({ departmentId: record.id, ...n })
      .run();
}

export function putPerson(db: Db, stamp: Stamp, record: PersonRecord, exists: boolean): void {
  if (exists) {
    db.update(people)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(people.id, record.id))
      .run();
  } else {
    db.insert(people)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}

export function putTraining(db: Db, stamp: Stamp, record: TrainingRecord, exists: boolean): void {
  if (exists) {
    db.update(trainings)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(trainings.id, record.id))
      .run();
  } else {
    db.insert(trainings)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}

export function putMedia(db: Db, stamp: Stamp, record: MediaRecord, exists: boolean): void {
  if (exists) {
    db.update(mediaOutlets)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(mediaOutlets.id, record.id))
      .run();
  } else {
    db.insert(mediaOutlets)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const talking = (v: unknown) => (v ?? null) as TalkingPoints | null;

/** Documents by id, each with its versions (by version) and review records (by at, then id). */
export function readDocumentRecords(db: Db): DocumentRecord[] {
  const versions = groupBy(
    db.select().from(documentVersions).orderBy(asc(documentVersions.documentId), asc(documentVersions.version)).all(),
    (v) => v.documentId,
  );
  const reviews = groupBy(db.select().from(documentReviews).all(), (r) => r.documentId);
  return db
    .select()
    .from(documents)
    .orderBy(asc(documents.id))
    .all()
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      conferenceId: d.conferenceId,
      departmentId: d.departmentId,
      personId: d.personId,
      body: d.body,
      status: d.status,
      drafter: d.drafter,
      reviewer: d.reviewer,
      portalColumn: d.portalColumn,
      reviewedAt: d.reviewedAt,
      confidentialityBy: d.confidentialityBy,
      confidentialityAt: d.confidentialityAt,
      agencyConfirmation: d.agencyConfirmation,
      docNumber: d.docNumber,
      policyTitle: d.policyTitle,
      policyNumber: d.policyNumber,
      policyDate: d.policyDate,
      talkingPoints: talking(d.talkingPoints),
      templateId: d.templateId,
      version: d.version,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      versions: (versions.get(d.id) ?? []).map(
        (v): DocumentVersionRecord => ({
          version: v.version,
          title: v.title,
          body: v.body,
          talkingPoints: talking(v.talkingPoints),
          author: v.author,
          at: v.at,
          note: v.note,
        }),
      ),
      // Sorted here rather than by SQLite, so that import compares in exactly the same order.
      reviews: (reviews.get(d.id) ?? [])
        .map(
          (r): DocumentReviewRecord => ({
            id: r.id,
            version: r.version,
            action: r.action,
            actor: r.actor,
            at: r.at,
            comment: r.comment,
            confidentialityBy: r.confidentialityBy,
            agencyConfirmation: r.agencyConfirmation,
          }),
        )
        .sort(compareReviews),
    }));
}

/** Answers (口径库) by id, each with its versions by version. */
export function readAnswerRecords(db: Db): AnswerRecord[] {
  const versions = groupBy(
    db.select().from(answerVersions).orderBy(asc(answerVersions.answerId), asc(answerVersions.version)).all(),
    (v) => v.answerId,
  );
  return db
    .select()
    .from(answers)
    .orderBy(asc(answers.id))
    .all()
    .map((a) => ({
      id: a.id,
      question: a.question,
      answer: a.answer,
      departmentId: a.departmentId,
      topic: a.topic,
      tags: a.tags,
      reviewedAt: a.reviewedAt,
      reviewedBy: a.reviewedBy,
      archived: a.archived,
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      versions: (versions.get(a.id) ?? []).map(
        (v): AnswerVersionRecord => ({
          version: v.version,
          question: v.question,
          answer: v.answer,
          author: v.author,
          at: v.at,
        }),
      ),
    }));
}

/**
 * Removes a stored document's versions and review records before the import writes them again, so
 * that a review id may move from one document to another within the same import.
 */
export function clearDocumentHistory(db: Db, id: string): void {
  db.delete(documentReviews).where(eq(documentReviews.documentId, id)).run();
  db.delete(documentVersions).where(eq(documentVersions.documentId, id)).run();
}

/** Writes a document as the file gives it, timestamps included; its history must have been cleared. */
export function putDocument(db: Db, record: DocumentRecord, exists: boolean): void {
  const { versions, reviews, ...fields } = record;
  if (exists) db.update(documents).set(fields).where(eq(documents.id, record.id)).run();
  else db.insert(documents).values(fields).run();
  for (const v of versions)
    db.insert(documentVersions)
      .values({ documentId: record.id, ...v })
      .run();
  for (const r of reviews)
    db.insert(documentReviews)
      .values({ documentId: record.id, ...r })
      .run();
}

export function putAnswer(db: Db, record: AnswerRecord, exists: boolean): void {
  const { versions, ...fields } = record;
  if (exists) {
    db.update(answers).set(fields).where(eq(answers.id, record.id)).run();
    db.delete(answerVersions).where(eq(answerVersions.answerId, record.id)).run();
  } else db.insert(answers).values(fields).run();
  for (const v of versions)
    db.insert(answerVersions)
      .values({ answerId: record.id, ...v })
      .run();
}
