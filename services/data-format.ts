// press-office/v1 export and all-or-nothing import. Import checks the whole file first (structure,
// values, references against the file and the database), collects every problem, and only then
// upserts by id in one transaction; a record identical to the stored one is not written at all.
// Documents and answers keep their history: see data-format-documents.ts.
import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { AppError, formatPath } from '../common/result';
import type { Db } from '../db/open';
import { listAttendanceData, listConferenceData } from '../db/queries/conferences';
import {
  answers,
  answerVersions,
  attendance,
  conferenceDepartments,
  conferenceMedia,
  conferenceSpeakers,
  conferences,
  documentReviews,
  documents,
  documentVersions,
  mediaOutlets,
  people,
  trainings,
} from '../db/schema';
import type { Stamp } from '../db/stamp';
import {
  type AnswerPlan,
  type AnswerRecord,
  answerAudit,
  type DocumentPlan,
  type DocumentRecord,
  documentAudit,
  documentLinks,
  finishAnswer,
  finishDocument,
  planAnswer,
  planDocument,
  reviewIdProblems,
} from './data-format-documents';
import { fastRecord } from './data-format-fast';
import {
  ARRAYS,
  type ArrayName,
  type AttendanceRecord,
  type ConferenceInput,
  type ConferenceRecord,
  canonical,
  type DepartmentInput,
  type DepartmentRecord,
  documentShell,
  FORMAT,
  formatIssueMessage,
  type MediaRecord,
  type PersonRecord,
  type PressOfficeDocument,
  RECORD_SCHEMAS,
  recordRules,
  strippedKeys,
  type TrainingRecord,
} from './data-format-schema';
import {
  documentRecordPages,
  importWriter,
  journalForBulkImport,
  readAnswerRecords,
  readDepartmentRecords,
  readDocumentRecords,
  readMediaRecords,
  readPersonRecords,
  readTrainingRecords,
  type SEARCH_INDEXES,
  searchIndexJob,
  suspendIndexes,
  suspendQuotaCells,
} from './data-format-store';
import { buildSearchIndexes, type SearchIndexBuild, type SearchIndexJob } from './search-index-worker';

export type { PressOfficeDocument } from './data-format-schema';
export { FORMAT } from './data-format-schema';

/** One thing wrong with an import file, at a record path such as `people[3].departmentId`. */
export interface Problem {
  path: string;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<ArrayName, ImportCounts>;
export type ExportCounts = Record<ArrayName, number>;

/** What the database holds, keyed by id, in the format's shape. */
type Stored = { [K in ArrayName]: Map<string, PressOfficeDocument[K][number]> };

/** The file's records, parsed and resolved to exactly what would be stored. */
interface Plan {
  departments: DepartmentRecord[];
  people: PersonRecord[];
  trainings: TrainingRecord[];
  media: MediaRecord[];
  conferences: ConferenceRecord[];
  attendance: AttendanceRecord[];
  documents: DocumentPlan[];
  answers: AnswerPlan[];
}

/** How each array of the format is read from the database. */
const READERS: { [K in ArrayName]: (db: Db) => PressOfficeDocument[K] } = {
  departments: readDepartmentRecords,
  people: readPersonRecords,
  trainings: readTrainingRecords,
  media: readMediaRecords,
  conferences: listConferenceData,
  attendance: listAttendanceData,
  documents: readDocumentRecords,
  answers: readAnswerRecords,
};

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

function readStored(db: Db): Stored {
  const stored = {} as Record<ArrayName, Map<string, { id: string }>>;
  for (const name of ARRAYS) stored[name] = byId<{ id: string }>(READERS[name](db));
  return stored as Stored;
}

/**
 * The whole database as a press-office/v1 document, read in one transaction: a read one (deferred),
 * so that it is one snapshot of the data without holding off anyone's writes meanwhile.
 */
export function exportDocument(db: Db, exportedAt: string): PressOfficeDocument {
  return db.transaction(
    (tx) => {
      const doc = { format: FORMAT, exportedAt } as PressOfficeDocument;
      for (const name of ARRAYS) (doc as unknown as Record<ArrayName, unknown>)[name] = READERS[name](tx);
      return doc;
    },
    { behavior: 'deferred' },
  );
}

export function serializeDocument(doc: PressOfficeDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * What `serializeDocument(exportDocument(db, exportedAt))` is, byte for byte, given to `write` a piece
 * at a time: one array read at a time and one record serialized at a time, so that a decade's export
 * (350 MB of JSON) is never one string in memory (it was: 1.9 GB of memory for the command). One
 * snapshot, as exportDocument reads it. Returns the records per array.
 */
export function writeDocument(
  db: Db,
  exportedAt: string,
  write: (piece: string) => void,
  onArray?: (name: ArrayName) => void,
): ExportCounts {
  return db.transaction(
    (tx) => {
      // JSON.stringify(doc, null, 2): two spaces a level; an array's records at the second level.
      write(`{\n  "format": ${JSON.stringify(FORMAT)},\n  "exportedAt": ${JSON.stringify(exportedAt)}`);
      const counts = {} as ExportCounts;
      for (const name of ARRAYS) {
        onArray?.(name);
        // The documents (most of a decade's export) a page at a time; the other arrays at once.
        const pages: Iterable<readonly unknown[]> =
          name === 'documents' ? documentRecordPages(tx) : [READERS[name](tx)];
        let n = 0;
        write(`,\n  ${JSON.stringify(name)}: [`);
        for (const page of pages) {
          for (const record of page) {
            // A JSON text has no line break but between its tokens, so indenting every line is safe.
            write(`${n === 0 ? '' : ','}\n    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`);
            n++;
          }
        }
        counts[name] = n;
        write(n === 0 ? ']' : '\n  ]');
      }
      write('\n}\n');
      return counts;
    },
    { behavior: 'deferred' },
  );
}

/** Records per array; a record's nested lists (speakers, versions, reviews …) are part of it. */
export function countDocument(doc: Record<ArrayName, readonly unknown[]>): ExportCounts {
  return Object.fromEntries(ARRAYS.map((name) => [name, doc[name].length])) as ExportCounts;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(prefix: string, path: readonly PropertyKey[]): string {
  const rest = formatPath(path);
  if (!rest) return prefix;
  if (!prefix) return rest;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

function zodProblems(prefix: string, error: z.ZodError): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: join(prefix, [...issue.path, key]), message: `unknown field (not part of ${FORMAT})` });
      }
    } else {
      out.push({ path: join(prefix, issue.path), message: issue.message });
    }
  }
  return out;
}

const parseOptions = { error: formatIssueMessage };
const differs = (a: unknown, b: unknown) => canonical(a) !== canonical(b);

/**
 * Checks a parsed JSON value against the format and the database. Returns every problem found,
 * and the records resolved to what would be stored (meaningful only when there are no problems).
 */
export function checkDocument(db: Db, raw: unknown): { problems: Problem[]; plan: Plan; stored: Stored } {
  const stored = readStored(db);
  const plan: Plan = {
    departments: [],
    people: [],
    trainings: [],
    media: [],
    conferences: [],
    attendance: [],
    documents: [],
    answers: [],
  };
  const problems: Problem[] = [];
  if (!isPlainObject(raw)) {
    problems.push({
      path: '(file)',
      message: `must be a JSON object {"format": "${FORMAT}", "departments": [...], ...}`,
    });
    return { problems, plan, stored };
  }
  const shell = documentShell.safeParse(raw, parseOptions);
  if (!shell.success) {
    problems.push(...zodProblems('', shell.error));
    // Records of another format (or none) are not worth checking field by field.
    if (raw.format !== FORMAT) return { problems, plan, stored };
  }
  const records = Object.fromEntries(
    ARRAYS.map((name) => [name, Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []]),
  ) as Record<ArrayName, unknown[]>;

  // Ids the file declares, whether or not the rest of the record is valid: a person with a bad
  // date still exists as far as references go, so one mistake is reported once.
  const fileIds = {} as Record<ArrayName, Map<string, number>>;
  const duplicates = new Set<string>();
  for (const name of ARRAYS) {
    const seen = new Map<string, number>();
    records[name].forEach((rec, i) => {
      const id = isPlainObject(rec) ? rec.id : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else {
        problems.push({ path: `${name}[${i}].id`, message: `duplicate id "${id}" (also used by ${name}[${first}])` });
        duplicates.add(`${name}[${i}]`);
      }
    });
    fileIds[name] = seen;
  }
  const known = (name: ArrayName, id: string) => fileIds[name].has(id) || stored[name].has(id);
  // References are checked on the raw values, so a record with a bad date still has its unknown
  // department reported in the same run; a value of the wrong type is a structure problem already.
  // The path is built only for a problem: a decade's file holds a million references.
  const ref = (path: () => string, name: ArrayName, value: unknown) => {
    if (typeof value === 'string' && value.length > 0 && !known(name, value)) {
      problems.push({ path: path(), message: `unknown ${NOUNS[name]} "${value}"` });
    }
  };

  // A person's department as it will be after the import, for the documents that name both.
  const fileDepartments = new Map<string, unknown>();
  for (const p of records.people) {
    if (isPlainObject(p) && typeof p.id === 'string' && !fileDepartments.has(p.id)) {
      fileDepartments.set(p.id, p.departmentId);
    }
  }
  const documentLookups = {
    stored: stored.documents,
    personDepartment: (personId: string) => {
      const inFile = fileDepartments.get(personId);
      if (fileDepartments.has(personId)) return typeof inFile === 'string' ? inFile : undefined;
      return stored.people.get(personId)?.departmentId;
    },
  };

  const check = <N extends ArrayName>(
    name: N,
    each: (rec: z.output<(typeof RECORD_SCHEMAS)[N]>, at: string) => void,
  ) => {
    records[name].forEach((rec, i) => {
      const at = `${name}[${i}]`;
      // The fast path accepts only what zod would, strictly (no unknown field anywhere); anything
      // else goes to zod, which names the problems.
      let data = fastRecord(name, rec);
      if (data === undefined) {
        const result = RECORD_SCHEMAS[name].safeParse(rec, parseOptions);
        if (result.success) data = result.data;
        else problems.push(...zodProblems(at, result.error));
        if (isPlainObject(rec)) {
          for (const path of strippedKeys(RECORD_SCHEMAS[name], rec, at)) {
            problems.push({ path, message: `unknown field (not part of ${FORMAT})` });
          }
        }
      }
      if (!isPlainObject(rec)) return;
      for (const rule of recordRules(name, rec)) problems.push({ path: `${at}.${rule.field}`, message: rule.message });
      if (name === 'documents') {
        for (const rule of documentLinks(rec, documentLookups)) {
          problems.push({ path: `${at}.${rule.field}`, message: rule.message });
        }
      }
      for (const [field, target] of REFERENCES[name]) {
        if (name === 'departments' && field === 'mergedIntoId' && rec.mergedIntoId === rec.id) {
          problems.push({ path: `${at}.mergedIntoId`, message: 'a department cannot be merged into itself' });
        } else ref(() => `${at}.${field}`, target, rec[field]);
      }
      if (name === 'conferences') nestedReferences(at, rec);
      if (name === 'conferences' && Array.isArray(rec.departmentIds)) {
        const listed = new Map<unknown, number>();
        rec.departmentIds.forEach((id: unknown, j) => {
          const first = listed.get(id);
          if (first === undefined) {
            listed.set(id, j);
            ref(() => `${at}.departmentIds[${j}]`, 'departments', id);
          } else {
            problems.push({
              path: `${at}.departmentIds[${j}]`,
              message: `department "${String(id)}" is listed twice (also at [${first}])`,
            });
          }
        });
      }
      if (data !== undefined && !duplicates.has(at)) each(data as z.output<(typeof RECORD_SCHEMAS)[N]>, at);
    });
  };

  /** A conference's speakers and media: references, and each person or outlet at most once. */
  const nestedReferences = (at: string, rec: Record<string, unknown>) => {
    const lists = [
      ['speakers', 'personId', 'people', [['departmentId', 'departments']], 'person', 'booked'],
      ['media', 'mediaId', 'media', [], 'media outlet', 'invited'],
    ] as const;
    for (const [list, key, target, others, noun, verb] of lists) {
      const items = rec[list];
      if (!Array.isArray(items)) continue;
      const seen = new Map<unknown, number>();
      items.forEach((item: unknown, j) => {
        if (!isPlainObject(item)) return;
        const path = () => `${at}.${list}[${j}]`;
        const first = seen.get(item[key]);
        if (first !== undefined && typeof item[key] === 'string') {
          problems.push({
            path: `${path()}.${key}`,
            message: `${noun} "${item[key]}" is ${verb} twice (also at [${first}])`,
          });
        } else {
          seen.set(item[key], j);
          ref(() => `${path()}.${key}`, target, item[key]);
        }
        for (const [field, other] of others) ref(() => `${path()}.${field}`, other, item[field]);
      });
    }
  };

  let nextSort = 1 + Math.max(0, ...[...stored.departments.values()].map((d) => d.sortOrder));
  for (const rec of records.departments) {
    if (isPlainObject(rec) && typeof rec.sortOrder === 'number' && Number.isFinite(rec.sortOrder)) {
      nextSort = Math.max(nextSort, rec.sortOrder + 1);
    }
  }
  check('departments', (d: DepartmentInput) => {
    const existing = stored.departments.get(d.id);
    plan.departments.push({
      ...d,
      sortOrder: d.sortOrder ?? existing?.sortOrder ?? nextSort++,
      formerNames: d.formerNames ?? existing?.formerNames ?? [],
    });
  });
  problems.push(...activeNameClashes(stored, records.departments, duplicates));
  check('people', (p: PersonRecord) => plan.people.push(p));
  check('trainings', (t: TrainingRecord) => plan.trainings.push(t));
  check('media', (m: MediaRecord) => plan.media.push(m));
  check('conferences', (c: ConferenceInput) => {
    const existing = stored.conferences.get(c.id);
    plan.conferences.push({
      ...c,
      speakers: c.speakers ?? existing?.speakers ?? [],
      // Invitations have no order of their own: kept by mediaId, as export writes them.
      media: [...(c.media ?? existing?.media ?? [])].sort((a, b) =>
        a.mediaId < b.mediaId ? -1 : a.mediaId > b.mediaId ? 1 : 0,
      ),
    });
  });
  check('attendance', (a: AttendanceRecord) => plan.attendance.push(a));
  check('documents', (d, at) => {
    const { plan: p, rules } = planDocument(d, stored.documents.get(d.id), differs);
    for (const rule of rules) problems.push({ path: `${at}.${rule.field}`, message: rule.message });
    plan.documents.push(p);
  });
  problems.push(...reviewIdProblems(records.documents, stored.documents, (at) => duplicates.has(at)));
  check('answers', (a, at) => {
    const { plan: p, rules } = planAnswer(a, stored.answers.get(a.id));
    for (const rule of rules) problems.push({ path: `${at}.${rule.field}`, message: rule.message });
    plan.answers.push(p);
  });
  return { problems, plan, stored };
}

const NOUNS: Record<ArrayName, string> = {
  departments: 'department',
  people: 'person',
  trainings: 'training',
  media: 'media outlet',
  conferences: 'conference',
  attendance: 'attendance record',
  documents: 'document',
  answers: 'answer',
};

/** Fields that hold the id of another record, and the array that record lives in. */
const REFERENCES: Record<ArrayName, [field: string, target: ArrayName][]> = {
  departments: [['mergedIntoId', 'departments']],
  people: [['departmentId', 'departments']],
  trainings: [['personId', 'people']],
  media: [],
  conferences: [
    ['hostDepartmentId', 'departments'],
    ['postponedFromId', 'conferences'],
    ['postponedToId', 'conferences'],
  ],
  attendance: [
    ['conferenceId', 'conferences'],
    ['personId', 'people'],
    ['departmentId', 'departments'],
    ['substituteForPersonId', 'people'],
  ],
  documents: [
    ['conferenceId', 'conferences'],
    ['departmentId', 'departments'],
    ['personId', 'people'],
  ],
  answers: [['departmentId', 'departments']],
};

/**
 * Only one active department may hold a short name (departments_active_name_uq). Checked on the
 * state after import, so the file may swap two names; reported here instead of as a SQLite error.
 */
function activeNameClashes(stored: Stored, raw: unknown[], duplicates: Set<string>): Problem[] {
  // The state after import: stored departments overlaid by the file's (raw, so a department with
  // another mistake still takes part). `at` is the record path of those that come from the file.
  const final = new Map<string, { name: unknown; status: unknown; at: string | null }>();
  for (const d of stored.departments.values()) final.set(d.id, { name: d.name, status: d.status, at: null });
  raw.forEach((rec, i) => {
    const at = `departments[${i}]`;
    if (!isPlainObject(rec) || typeof rec.id !== 'string' || duplicates.has(at)) return;
    final.set(rec.id, { name: rec.name, status: rec.status ?? 'active', at });
  });
  const holders = new Map<string, string[]>();
  for (const [id, d] of final) {
    if (d.status !== 'active' || typeof d.name !== 'string') continue;
    holders.set(d.name, [...(holders.get(d.name) ?? []), id]);
  }
  const problems: Problem[] = [];
  for (const [name, ids] of holders) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const path = final.get(id)?.at;
      if (!path) continue;
      const others = ids
        .filter((o) => o !== id)
        .map((o) => `"${o}" (${final.get(o)?.at ?? 'in the database'})`)
        .join(', ');
      problems.push({
        path: `${path}.name`,
        message: `short name "${name}" is also held by active department ${others}; only one current department may hold a short name (rename one, or set its status to "merged" or "archived")`,
      });
    }
  }
  return problems;
}

function changes<T extends { id: string }>(incoming: T[], stored: Map<string, T>) {
  const out: { record: T; before: T | undefined }[] = [];
  for (const record of incoming) {
    const before = stored.get(record.id);
    if (!before || canonical(before) !== canonical(record)) out.push({ record, before });
  }
  return out;
}

/** The connection under a drizzle database: the import prepares its statements on it. */
function clientOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('internal: importDocument needs the database (ctx.db), not a transaction');
  return client;
}

/**
 * Imports a press-office/v1 document: all or nothing. Throws AppError('invalid_input') with every
 * problem in `issues` and changes nothing when the file is not entirely valid.
 *
 * Into a database that holds none of the format's records (a fresh import), the audit log gets one
 * row per table (the number of records and the file) instead of one per record, and the transaction
 * goes through the rollback journal rather than the WAL. Whenever the import writes at least as many
 * records of a table as the database holds, the table's secondary and full-text indexes are built
 * once after its rows instead of row by row, and into an empty database the compliance cells
 * (`quota_cells`) are filled once at the end instead of by their triggers row by row
 * (docs/data-format.md, "How the records are written").
 */
export function importDocument(
  db: Db,
  stamp: Stamp,
  raw: unknown,
  source: string | null = null,
  options: ImportOptions = {},
): ImportSummary {
  const client = clientOf(db);
  const restoreJournal = journalForBulkImport(client);
  const search: { build: SearchIndexBuild | null } = { build: null };
  try {
    return importInTransaction(db, client, stamp, raw, source, options, search);
  } finally {
    // The worker is not needed any more, whether the import went through or failed.
    search.build?.close();
    restoreJournal();
  }
}

export interface ImportOptions {
  /**
   * Whether a fresh import builds the search indexes on a worker thread: by default when the texts
   * to index are at least SEARCH_WORKER_MIN_CHARS long (a worker costs tens of milliseconds to
   * start); tests force it either way.
   */
  searchWorker?: boolean;
  /** Told as the import moves on (`press-office import` prints it on a terminal: a decade takes seconds). */
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Where an import is: checking the whole file; writing the records of one array (with their indexes
 * when they are built after the rows); the last steps (the compliance cells of a fresh import, the audit
 * rows) and the commit.
 */
export type ImportProgress =
  | { step: 'checking' }
  | { step: 'writing'; array: ArrayName; records: number }
  | { step: 'finishing' };

/** Characters of text to index from which a fresh import builds its search indexes on a worker thread. */
const SEARCH_WORKER_MIN_CHARS = 1_000_000;

/** The characters of text in the jobs' rows: what the indexes would tokenize. */
function textLength(jobs: readonly SearchIndexJob[]): number {
  let chars = 0;
  for (const job of jobs) {
    for (const row of job.rows) for (const value of row) if (typeof value === 'string') chars += value.length;
  }
  return chars;
}

/**
 * For a fresh import (the tables empty, so the records get rowids 1…n in the order written): starts
 * building the search indexes of `documents` and `answers` on a worker thread while this thread
 * writes the rows. Null when not worth it or not possible; the indexes are then rebuilt in place.
 */
function startSearchBuild(
  client: Database.Database,
  texts: { documents: DocumentRecord[]; answers: AnswerRecord[] },
  forced: boolean | undefined,
): SearchIndexBuild | null {
  if (forced === false) return null;
  const jobs: SearchIndexJob[] = [];
  for (const search of ['documents', 'answers'] as const) {
    const records = texts[search];
    if (records.length === 0) continue;
    const job = searchIndexJob(client, search, records as unknown as Record<string, unknown>[]);
    if (job) jobs.push(job);
  }
  if (jobs.length === 0 || (forced === undefined && textLength(jobs) < SEARCH_WORKER_MIN_CHARS)) return null;
  return buildSearchIndexes(jobs);
}

function importInTransaction(
  db: Db,
  client: Database.Database,
  stamp: Stamp,
  raw: unknown,
  source: string | null,
  importOptions: ImportOptions,
  search: { build: SearchIndexBuild | null },
): ImportSummary {
  return db.transaction((tx) => {
    const progress = importOptions.onProgress;
    progress?.({ step: 'checking' });
    const { problems, plan, stored } = checkDocument(tx, raw);
    if (problems.length > 0) {
      throw new AppError(
        'invalid_input',
        `import: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; nothing was imported`,
        problems,
      );
    }
    const write = importWriter(client, stamp);
    const fresh = ARRAYS.every((name) => stored[name].size === 0);
    const documentRecords = plan.documents.map((p) => finishDocument(p, stored.documents.get(p.id), stamp, differs));
    const answerRecords = plan.answers.map((p) => finishAnswer(p, stored.answers.get(p.id), stamp, differs));
    // Every record of a fresh import is written, in this order, into empty tables.
    if (fresh) {
      search.build = startSearchBuild(
        client,
        { documents: documentRecords, answers: answerRecords },
        importOptions.searchWorker,
      );
    }
    // Into an empty database the compliance cells are filled once at the end, not by a trigger per row.
    const resumeCells = fresh ? suspendQuotaCells(client) : null;
    const summary = {} as ImportSummary;
    const apply = <T extends { id: string }>(
      name: ArrayName,
      entity: string,
      incoming: T[],
      current: Map<string, T>,
      put: (record: T, exists: boolean) => void,
      options: {
        before?: (changed: { record: T; before: T | undefined }[]) => void;
        /** What the audit log keeps of a record (default: all of it). */
        audit?: (record: T) => unknown;
        /**
         * The tables the records go to, and their full-text indexes: when the import writes at least
         * as many records as the database holds, their indexes are built once at the end.
         */
        bulk?: { tables: readonly SQLiteTable[]; search?: keyof typeof SEARCH_INDEXES };
      } = {},
    ) => {
      const changed = changes(incoming, current);
      if (changed.length > 0) progress?.({ step: 'writing', array: name, records: changed.length });
      options.before?.(changed);
      const audit = options.audit ?? ((r: T) => r);
      const resume =
        options.bulk && changed.length > 0 && changed.length >= current.size
          ? suspendIndexes(client, options.bulk.tables, options.bulk.search ?? null, search.build)
          : null;
      for (const c of changed) {
        put(c.record, c.before !== undefined);
        if (!fresh) write.audit('import', entity, c.record.id, c.before ? audit(c.before) : null, audit(c.record));
      }
      resume?.();
      if (fresh && changed.length > 0)
        write.audit('import', entity, null, null, { format: FORMAT, source, created: changed.length });
      const created = changed.filter((c) => !c.before).length;
      summary[name] = { created, updated: changed.length - created, unchanged: incoming.length - changed.length };
    };
    // Parent tables first: foreign keys are checked statement by statement.
    apply('departments', 'department', plan.departments, stored.departments, write.department, {
      before: (changed) => {
        for (const c of changed) if (c.before) write.parkDepartment(c.record.id);
      },
    });
    apply('people', 'person', plan.people, stored.people, write.person, { bulk: { tables: [people] } });
    apply('trainings', 'training', plan.trainings, stored.trainings, write.training, { bulk: { tables: [trainings] } });
    apply('media', 'media', plan.media, stored.media, write.media, { bulk: { tables: [mediaOutlets] } });
    apply('conferences', 'conference', plan.conferences, stored.conferences, write.conference, {
      bulk: { tables: [conferences, conferenceDepartments, conferenceSpeakers, conferenceMedia] },
    });
    apply('attendance', 'attendance', plan.attendance, stored.attendance, write.attendance, {
      bulk: { tables: [attendance] },
    });
    apply('documents', 'document', documentRecords, stored.documents, write.document, {
      // First, so that a review id may move from one document to another.
      before: (changed) => {
        for (const c of changed) if (c.before) write.clearDocumentHistory(c.record.id);
      },
      audit: documentAudit,
      bulk: { tables: [documents, documentVersions, documentReviews], search: 'documents' },
    });
    apply('answers', 'answer', answerRecords, stored.answers, write.answer, {
      audit: answerAudit,
      bulk: { tables: [answers, answerVersions], search: 'answers' },
    });
    progress?.({ step: 'finishing' });
    resumeCells?.();
    write.audit('import', 'data', null, null, { format: FORMAT, source, summary });
    return summary;
  });
}
