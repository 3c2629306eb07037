// Reading and writing the register's rows as press-office/v1 records. The register's own queries
// (db/queries/departments.ts, people.ts, documents.ts, answers.ts) work one edit at a time with
// audit and rules; the data format needs whole rows, bulk and verbatim (documents with their
// versions and review records), inside the import's one transaction.
import type Database from 'better-sqlite3';
import { asc, between, Column, getTableColumns, getTableName, gt } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { TalkingPoints } from '../common/document-schemas';
import type { Db } from '../db/open';
import type { AuditAction } from '../db/queries/audit';
import type { AttendanceData, ConferenceData } from '../db/queries/conferences';
import { quotaCellsBackfillFor } from '../db/quota-cells';
import {
  answers,
  answerVersions,
  attendance,
  auditLog,
  conferenceDepartments,
  conferenceMedia,
  conferenceSpeakers,
  conferences,
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
import type { SearchIndexBuild, SearchIndexJob } from './search-index-worker';

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

/** Documents read at a time when they are read page by page (`documentRecordPages`). */
const DOCUMENT_PAGE = 500;

/** Documents by id, each with its versions (by version) and review records (see compareReviews). */
export function readDocumentRecords(db: Db): DocumentRecord[] {
  const all: DocumentRecord[] = [];
  for (const page of documentRecordPages(db)) all.push(...page);
  return all;
}

/**
 * The documents of `readDocumentRecords`, in the same order, `size` at a time with their versions and
 * review records (each page three reads over ranges of ids): a decade's documents are a few hundred
 * megabytes, which an export need not hold all at once.
 */
export function* documentRecordPages(db: Db, size = DOCUMENT_PAGE): Generator<DocumentRecord[]> {
  let after: string | null = null;
  for (;;) {
    const rows: (typeof documents.$inferSelect)[] = db
      .select()
      .from(documents)
      .where(after === null ? undefined : gt(documents.id, after))
      .orderBy(asc(documents.id))
      .limit(size)
      .all();
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return;
    after = last.id;
    const versions = groupBy(
      db
        .select()
        .from(documentVersions)
        .where(between(documentVersions.documentId, first.id, last.id))
        .orderBy(asc(documentVersions.documentId), asc(documentVersions.version))
        .all(),
      (v) => v.documentId,
    );
    const reviews = groupBy(
      db
        .select()
        .from(documentReviews)
        .where(between(documentReviews.documentId, first.id, last.id))
        .all(),
      (r) => r.documentId,
    );
    yield rows.map((d) => ({
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
    if (rows.length < size) return;
  }
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

// Writing. An import writes up to hundreds of thousands of rows in one transaction: each statement
// is prepared once per import on the connection itself (better-sqlite3), not built and prepared
// again by drizzle for every row. The SQL and the encoding of each value (booleans as 0/1, JSON
// as text) come from the drizzle schema, so they are the same as drizzle's.

type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(table: SQLiteTable, keys: readonly string[]) {
  const all = getTableColumns(table) as Record<string, SQLiteColumn>;
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`internal: ${getTableName(table)} has no column for ${key}`);
    return column;
  });
}

/** The values of `keys` in `row`, as drizzle would bind them. */
function encoder(table: SQLiteTable, keys: readonly string[]) {
  // Most columns bind the value as it is; booleans and JSON are converted by their column.
  const convert = columnsOf(table, keys).map((column) =>
    column.mapToDriverValue === Column.prototype.mapToDriverValue
      ? null
      : (value: unknown) => column.mapToDriverValue(value),
  );
  return (row: Row): unknown[] => {
    const values = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i] as string];
      if (value === undefined) throw new Error(`internal: no value for ${getTableName(table)}.${keys[i]}`);
      const map = convert[i];
      values[i] = value === null || !map ? value : map(value);
    }
    return values;
  };
}

/** Prepared on first use, so a small import prepares only what it needs. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

function inserter(client: Database.Database, table: SQLiteTable, keys: readonly string[]) {
  const statement = lazy(() => {
    const names = columnsOf(table, keys).map((c) => quote(c.name));
    return client.prepare(
      `INSERT INTO ${quote(getTableName(table))} (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    );
  });
  const encode = encoder(table, keys);
  return (row: Row) => {
    statement().run(encode(row));
  };
}

/** `UPDATE table SET keys… WHERE id = row.id`. */
function updater(client: Database.Database, table: SQLiteTable, keys: readonly string[]) {
  const statement = lazy(() => {
    const [id] = columnsOf(table, ['id']);
    const set = columnsOf(table, keys).map((c) => `${quote(c.name)} = ?`);
    return client.prepare(
      `UPDATE ${quote(getTableName(table))} SET ${set.join(', ')} WHERE ${quote((id as SQLiteColumn).name)} = ?`,
    );
  });
  const encode = encoder(table, keys);
  return (row: Row) => {
    statement().run([...encode(row), row.id]);
  };
}

function deleter(client: Database.Database, table: SQLiteTable, key: string) {
  const statement = lazy(() => {
    const [column] = columnsOf(table, [key]);
    return client.prepare(
      `DELETE FROM ${quote(getTableName(table))} WHERE ${quote((column as SQLiteColumn).name)} = ?`,
    );
  });
  return (value: string) => {
    statement().run(value);
  };
}

const DEPARTMENT = [
  'name',
  'fullName',
  'listed',
  'listedFrom',
  'listedUntil',
  'contactPerson',
  'contactPhone',
  'sortOrder',
  'notes',
  'status',
  'mergedIntoId',
] as const satisfies readonly (keyof DepartmentRecord)[];
const PERSON = [
  'departmentId',
  'name',
  'role',
  'title',
  'phone',
  'email',
  'tenureStart',
  'tenureEnd',
  'notes',
  'archived',
] as const satisfies readonly (keyof PersonRecord)[];
const TRAINING = ['personId', 'date', 'course', 'hours'] as const satisfies readonly (keyof TrainingRecord)[];
const MEDIA = [
  'name',
  'kind',
  'contactPerson',
  'phone',
  'email',
  'notes',
  'archived',
] as const satisfies readonly (keyof MediaRecord)[];
const CONFERENCE = [
  'title',
  'date',
  'time',
  'venue',
  'organizer',
  'hostDepartmentId',
  'status',
  'topics',
  'notes',
  'kind',
  'cancelReason',
  'postponedFromId',
  'postponedToId',
] as const satisfies readonly (keyof ConferenceData)[];
const ATTENDANCE = [
  'conferenceId',
  'personId',
  'role',
  'departmentId',
  'status',
  'substituteForPersonId',
] as const satisfies readonly (keyof AttendanceData)[];
const DOCUMENT = [
  'kind',
  'title',
  'conferenceId',
  'departmentId',
  'personId',
  'body',
  'status',
  'drafter',
  'reviewer',
  'portalColumn',
  'reviewedAt',
  'confidentialityBy',
  'confidentialityAt',
  'agencyConfirmation',
  'docNumber',
  'policyTitle',
  'policyNumber',
  'policyDate',
  'talkingPoints',
  'templateId',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof DocumentRecord)[];
const ANSWER = [
  'question',
  'answer',
  'departmentId',
  'topic',
  'tags',
  'reviewedAt',
  'reviewedBy',
  'archived',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof AnswerRecord)[];
const STAMPS = ['createdAt', 'updatedAt'] as const;

/** Fails if a list above misses a field of the record (checked on the first of each kind): every field is written. */
function completeness() {
  const seen = new Set<string>();
  return (name: string, record: object, keys: readonly string[]): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const key of Object.keys(record)) {
      if (key !== 'id' && !keys.includes(key)) throw new Error(`internal: import does not write ${name}.${key}`);
    }
  };
}

/**
 * The import's writes, by id, inside the caller's transaction on `client`: new records inserted,
 * existing ones replaced (with their former names, departments, speakers, media, versions and
 * review records). The caller compares first, so an unchanged record is never written.
 */
export function importWriter(client: Database.Database, stamp: Stamp) {
  const w = {
    department: {
      insert: inserter(client, departments, ['id', ...DEPARTMENT, ...STAMPS]),
      update: updater(client, departments, [...DEPARTMENT, 'updatedAt']),
      park: lazy(() => client.prepare(`UPDATE departments SET status = 'archived' WHERE id = ?`)),
      names: inserter(client, departmentNames, ['departmentId', 'name', 'fullName', 'until']),
      clearNames: deleter(client, departmentNames, 'departmentId'),
    },
    person: {
      insert: inserter(client, people, ['id', ...PERSON, ...STAMPS]),
      update: updater(client, people, [...PERSON, 'updatedAt']),
    },
    training: {
      insert: inserter(client, trainings, ['id', ...TRAINING, ...STAMPS]),
      update: updater(client, trainings, [...TRAINING, 'updatedAt']),
    },
    media: {
      insert: inserter(client, mediaOutlets, ['id', ...MEDIA, ...STAMPS]),
      update: updater(client, mediaOutlets, [...MEDIA, 'updatedAt']),
    },
    conference: {
      insert: inserter(client, conferences, ['id', ...CONFERENCE, ...STAMPS]),
      update: updater(client, conferences, [...CONFERENCE, 'updatedAt']),
      department: inserter(client, conferenceDepartments, ['conferenceId', 'departmentId', 'position']),
      speaker: inserter(client, conferenceSpeakers, ['conferenceId', 'personId', 'role', 'departmentId', 'position']),
      media: inserter(client, conferenceMedia, ['conferenceId', 'mediaId', 'attended']),
      clear: [
        deleter(client, conferenceDepartments, 'conferenceId'),
        deleter(client, conferenceSpeakers, 'conferenceId'),
        deleter(client, conferenceMedia, 'conferenceId'),
      ],
    },
    attendance: {
      insert: inserter(client, attendance, ['id', ...ATTENDANCE, ...STAMPS]),
      update: updater(client, attendance, [...ATTENDANCE, 'updatedAt']),
    },
    document: {
      insert: inserter(client, documents, ['id', ...DOCUMENT]),
      update: updater(client, documents, DOCUMENT),
      version: inserter(client, documentVersions, [
        'documentId',
        'version',
        'title',
        'body',
        'talkingPoints',
        'author',
        'at',
        'note',
      ]),
      review: inserter(client, documentReviews, [
        'id',
        'documentId',
        'version',
        'action',
        'actor',
        'at',
        'comment',
        'confidentialityBy',
        'agencyConfirmation',
      ]),
      clearReviews: deleter(client, documentReviews, 'documentId'),
      clearVersions: deleter(client, documentVersions, 'documentId'),
    },
    answer: {
      insert: inserter(client, answers, ['id', ...ANSWER]),
      update: updater(client, answers, ANSWER),
      version: inserter(client, answerVersions, ['answerId', 'version', 'question', 'answer', 'author', 'at']),
      clearVersions: deleter(client, answerVersions, 'answerId'),
    },
    audit: inserter(client, auditLog, ['at', 'actor', 'action', 'entity', 'entityId', 'before', 'after', 'reason']),
  };
  const stamped = (record: object, exists: boolean) =>
    exists ? { ...record, updatedAt: stamp.at } : { ...record, createdAt: stamp.at, updatedAt: stamp.at };
  const complete = completeness();

  return {
    /**
     * Takes a department out of the active-name unique index for the rest of the transaction, so
     * that a file which swaps two short names can be written one row at a time. Every department
     * parked here is written again with its final values before the transaction commits.
     */
    parkDepartment(id: string): void {
      w.department.park().run(id);
    },
    department(record: DepartmentRecord, exists: boolean): void {
      const { formerNames, ...fields } = record;
      complete('department', fields, DEPARTMENT);
      if (exists) {
        w.department.update(stamped(fields, true));
        w.department.clearNames(record.id);
      } else w.department.insert(stamped(fields, false));
      for (const n of formerNames) w.department.names({ departmentId: record.id, ...n });
    },
    person(record: PersonRecord, exists: boolean): void {
      complete('person', record, PERSON);
      (exists ? w.person.update : w.person.insert)(stamped(record, exists));
    },
    training(record: TrainingRecord, exists: boolean): void {
      complete('training', record, TRAINING);
      (exists ? w.training.update : w.training.insert)(stamped(record, exists));
    },
    media(record: MediaRecord, exists: boolean): void {
      complete('media', record, MEDIA);
      (exists ? w.media.update : w.media.insert)(stamped(record, exists));
    },
    /** A conference with its departments, speakers and media (in speaking order: position). */
    conference(record: ConferenceData, exists: boolean): void {
      const { departmentIds, speakers, media, ...fields } = record;
      complete('conference', fields, CONFERENCE);
      if (exists) {
        w.conference.update(stamped(fields, true));
        for (const clear of w.conference.clear) clear(record.id);
      } else w.conference.insert(stamped(fields, false));
      departmentIds.forEach((departmentId, position) => {
        w.conference.department({ conferenceId: record.id, departmentId, position });
      });
      speakers.forEach((s, position) => {
        w.conference.speaker({ conferenceId: record.id, ...s, position });
      });
      for (const m of media) w.conference.media({ conferenceId: record.id, ...m });
    },
    attendance(record: AttendanceData, exists: boolean): void {
      complete('attendance', record, ATTENDANCE);
      (exists ? w.attendance.update : w.attendance.insert)(stamped(record, exists));
    },
    /**
     * Removes a stored document's versions and review records before the import writes them again,
     * so that a review id may move from one document to another within the same import.
     */
    clearDocumentHistory(id: string): void {
      w.document.clearReviews(id);
      w.document.clearVersions(id);
    },
    /** Writes a document as the file gives it, timestamps included; its history must have been cleared. */
    document(record: DocumentRecord, exists: boolean): void {
      const { versions, reviews, ...fields } = record;
      complete('document', fields, DOCUMENT);
      (exists ? w.document.update : w.document.insert)(fields);
      for (const v of versions) w.document.version({ documentId: record.id, ...v });
      for (const r of reviews) w.document.review({ documentId: record.id, ...r });
    },
    answer(record: AnswerRecord, exists: boolean): void {
      const { versions, ...fields } = record;
      complete('answer', fields, ANSWER);
      if (exists) {
        w.answer.update(fields);
        w.answer.clearVersions(record.id);
      } else w.answer.insert(fields);
      for (const v of versions) w.answer.version({ answerId: record.id, ...v });
    },
    /** An audit row, as db/queries/audit.ts `recordAudit` writes it. */
    audit(action: AuditAction, entity: string, entityId: string | null, before: unknown, after: unknown): void {
      w.audit({
        at: stamp.at,
        actor: stamp.actor,
        action,
        entity,
        entityId,
        before: before ?? null,
        after: after ?? null,
        reason: null,
      });
    },
  };
}

/**
 * The full-text indexes kept in step with `documents` and `answers` by triggers: one per table, of
 * character pairs (migration 0010, contentless, through the SQL function `po_bigrams` of
 * db/open.ts). `rebuild` fills an index from the table as the migration that created it did (a unit
 * test finds each statement in the migrations).
 */
export const SEARCH_INDEXES = {
  documents: {
    indexes: ['documents_search'],
    /** The table's columns the index holds, in the index's order (the rebuild's SELECT). */
    columns: ['title', 'body'],
    triggers: ['documents_search_insert', 'documents_search_delete', 'documents_search_update'],
    rebuild: [
      "INSERT INTO documents_search(documents_search) VALUES ('delete-all')",
      'INSERT INTO documents_search(rowid, title, body) SELECT rowid, po_bigrams(title), po_bigrams(body) FROM documents',
    ],
  },
  answers: {
    indexes: ['answers_search'],
    columns: ['question', 'answer', 'topic', 'tags'],
    triggers: ['answers_search_insert', 'answers_search_delete', 'answers_search_update'],
    rebuild: [
      "INSERT INTO answers_search(answers_search) VALUES ('delete-all')",
      'INSERT INTO answers_search(rowid, question, answer, topic, tags) SELECT rowid, po_bigrams(question), po_bigrams(answer), po_bigrams(topic), po_bigrams(tags) FROM answers',
    ],
  },
} as const;

/**
 * FTS5's `automerge` while an index is filled from scratch: a level's segments are merged once it
 * holds 16 instead of 4, so the text is merged about half as many times (the trigram index of a
 * decade's 30,000 documents: 20 % less CPU, characters 12 %). The result is no worse to search: 9
 * segments in 2 levels instead of 10 in 4. The index's own setting is put back afterwards.
 */
const BULK_AUTOMERGE = 16;
const DEFAULT_AUTOMERGE = 4;

function automergeOf(client: Database.Database, index: string): number {
  const row = client.prepare(`SELECT v FROM ${quote(`${index}_config`)} WHERE k = 'automerge'`).get() as
    | { v: number }
    | undefined;
  return row?.v ?? DEFAULT_AUTOMERGE;
}

function withBulkAutomerge(client: Database.Database, indexes: readonly string[], fill: () => void): void {
  const before = indexes.map((index) => automergeOf(client, index));
  // A literal: FTS5 takes only an integer, and a bound JavaScript number is a real.
  const setAutomerge = (index: string, value: number) =>
    client.exec(`INSERT INTO ${quote(index)}(${quote(index)}, rank) VALUES ('automerge', ${Math.trunc(value)})`);
  for (const index of indexes) setAutomerge(index, BULK_AUTOMERGE);
  fill();
  indexes.forEach((index, i) => {
    setAutomerge(index, before[i] as number);
  });
}

/**
 * What a worker thread needs to build the search index of `search` as the in-place rebuild would
 * (services/search-index-worker.ts), for `records` about to be written into the empty table in this
 * order (so under rowids 1…n): their indexed columns' values as they will be bound, and the
 * index's definition and `automerge`. Null when the index is not there as expected.
 */
export function searchIndexJob(
  client: Database.Database,
  search: keyof typeof SEARCH_INDEXES,
  records: readonly Row[],
): SearchIndexJob | null {
  const spec = SEARCH_INDEXES[search];
  const [index] = spec.indexes;
  const table = search === 'documents' ? documents : answers;
  const createSql = client
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(index) as string | undefined;
  if (!createSql) return null;
  const encode = encoder(table, spec.columns);
  return {
    index,
    createSql,
    table: getTableName(table),
    columns: columnsOf(table, spec.columns).map((c) => c.name),
    rows: records.map(encode),
    bulkAutomerge: BULK_AUTOMERGE,
    automerge: automergeOf(client, index),
    rebuild: spec.rebuild,
  };
}

/**
 * For a bulk write into `tables`, inside the caller's transaction: drops their secondary indexes
 * (the non-unique ones of CREATE INDEX; primary keys and unique indexes stay, and with them every
 * constraint) and, for `documents` and `answers`, the triggers of their full-text indexes, so that
 * the rows are written without updating each index row by row. The returned function builds the
 * indexes again with the very SQL they had (sqlite_master keeps the text of the migration) and
 * rebuilds the full-text indexes from the tables, or takes them from `prebuilt` (built on a worker
 * thread from the rows just written: services/search-index-worker.ts). Both happen in the same transaction: if anything
 * fails in between, the rollback brings the indexes and the triggers back as they were.
 */
export function suspendIndexes(
  client: Database.Database,
  tables: readonly SQLiteTable[],
  search: keyof typeof SEARCH_INDEXES | null,
  prebuilt: SearchIndexBuild | null = null,
): () => void {
  type Entry = { type: string; name: string; sql: string | null };
  const master = client.prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? ORDER BY name`);
  const secondary = client.prepare(`SELECT name FROM pragma_index_list(?) WHERE origin = 'c' AND "unique" = 0`);
  const indexes: { name: string; sql: string }[] = [];
  for (const table of tables) {
    const name = getTableName(table);
    const droppable = new Set((secondary.all(name) as { name: string }[]).map((r) => r.name));
    for (const row of master.all(name) as Entry[]) {
      if (row.type === 'index' && row.sql && droppable.has(row.name)) indexes.push({ name: row.name, sql: row.sql });
    }
  }
  const triggers: { name: string; sql: string }[] = [];
  let rebuild: readonly string[] = [];
  let searchIndexes: readonly string[] = [];
  if (search) {
    const rows = master.all(search) as Entry[];
    const found = SEARCH_INDEXES[search].triggers.map((name) =>
      rows.find((r) => r.type === 'trigger' && r.name === name),
    );
    // Left to their triggers, row by row, when these are not all there as expected.
    if (found.every((t) => t?.sql)) {
      for (const t of found) if (t?.sql) triggers.push({ name: t.name, sql: t.sql });
      rebuild = SEARCH_INDEXES[search].rebuild;
      searchIndexes = SEARCH_INDEXES[search].indexes;
    }
  }
  for (const i of indexes) client.exec(`DROP INDEX ${quote(i.name)}`);
  for (const t of triggers) client.exec(`DROP TRIGGER ${quote(t.name)}`);
  return () => {
    for (const i of indexes) client.exec(i.sql);
    // The search index built on a worker thread when there is one, else here from the table.
    const adopted =
      prebuilt !== null && searchIndexes.length > 0 && searchIndexes.every((i) => prebuilt.adopt(client, i));
    if (!adopted) {
      withBulkAutomerge(client, searchIndexes, () => {
        for (const statement of rebuild) client.exec(statement);
      });
    }
    for (const t of triggers) client.exec(t.sql);
  };
}

/**
 * For a fresh import, inside the caller's transaction: drops the triggers that keep `quota_cells`
 * (migration 0008: every trigger whose SQL names the table), so that conferences, their
 * departments, attendance and people are written without a trigger running per row. The returned
 * function fills the cells once with the migration's own backfill (db/quota-cells.ts) and creates
 * the triggers again with the very SQL they had (sqlite_master). Both happen in the same transaction:
 * a rollback brings the triggers back, and the cells as they were.
 *
 * Only when the cells are empty (so the backfill makes all of them, and nothing is counted twice)
 * and the backfill is the one this database was migrated with; otherwise null, and the triggers
 * keep the cells row by row as for any other write.
 */
export function suspendQuotaCells(client: Database.Database, migrationsFolder?: string): (() => void) | null {
  const table = client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quota_cells'`).get();
  if (!table || client.prepare('SELECT 1 FROM quota_cells LIMIT 1').get() !== undefined) return null;
  const backfill = quotaCellsBackfillFor(client, migrationsFolder);
  if (!backfill) return null;
  const triggers = (
    client
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%quota\\_cells%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as { name: string; sql: string | null }[]
  ).filter((t): t is { name: string; sql: string } => t.sql !== null);
  for (const t of triggers) client.exec(`DROP TRIGGER ${quote(t.name)}`);
  return () => {
    client.exec(backfill);
    for (const t of triggers) client.exec(t.sql);
  };
}

/** The tables of the format's records: a database with none of them filled gets a fresh import. */
const RECORD_TABLES = [
  departments,
  people,
  trainings,
  mediaOutlets,
  conferences,
  attendance,
  documents,
  answers,
] as const;

function holdsNoRecords(client: Database.Database): boolean {
  return RECORD_TABLES.every(
    (table) => client.prepare(`SELECT 1 FROM ${quote(getTableName(table))} LIMIT 1`).get() === undefined,
  );
}

/**
 * For an import into a database that holds no records yet: the rollback journal instead of the
 * WAL for the import's one transaction. In WAL mode every page of a new database is written
 * twice (into the WAL at the commit, then into the file at the checkpoint); with the rollback
 * journal it is written once, and the journal keeps only the few pages the empty database had,
 * so a failed or interrupted import still leaves the file as it was. Returns what puts the WAL
 * back. Nothing changes when the database is not in WAL mode (in memory) or when another
 * connection has it open (SQLite then refuses at once: the busy timeout is set to 0 meanwhile).
 */
export function journalForBulkImport(client: Database.Database): () => void {
  if (client.inTransaction || client.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  if (!holdsNoRecords(client)) return () => {};
  const timeout = client.pragma('busy_timeout', { simple: true }) as number;
  const setJournal = (mode: 'delete' | 'wal') => {
    client.pragma('busy_timeout = 0');
    try {
      return client.pragma(`journal_mode = ${mode}`, { simple: true }) === mode;
    } catch {
      return false;
    } finally {
      client.pragma(`busy_timeout = ${timeout}`);
    }
  };
  if (!setJournal('delete')) return () => {};
  return () => {
    // Every open sets WAL again (db/open.ts), should another connection be in the way now.
    setJournal('wal');
  };
}
