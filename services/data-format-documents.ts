// Documents (发布材料) and the answer library (口径库) in the press-office/v1 data format: their
// records, the rules within one record, and the rules that need the database (a document's kind,
// the version it will be at, review ids shared between documents). docs/data-format.md describes
// every field and rule; the JSON Schema mirrors the records.
import { z } from 'zod';
import { DOCUMENT_STATUSES, documentKind, talkingPoints } from '../common/document-schemas';
import type { ReviewAction } from '../common/document-types';
import { id, optionalDate } from '../common/schemas';
import { LIMITS, optionalText, requiredText, text } from '../common/text';

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'release', 'reopen'] as const satisfies ReviewAction[];

/** Versions and review records of one document: generous, since every save keeps a version. */
export const HISTORY_ITEMS = 100_000;

const optionalId = id.nullish().transform((v) => v ?? null);

/** An instant with its UTC offset, as the app stores them: `2026-03-15T01:00:00.000Z`, `…T09:00:00+08:00`. */
export const timestamp = z.iso.datetime({
  offset: true,
  // Undefined falls through to the import's "is required".
  error: (issue) =>
    issue.input === undefined
      ? undefined
      : 'must be a date-time with a time zone, e.g. 2026-03-15T09:00:00+08:00 or 2026-03-15T01:00:00.000Z',
});
const optionalTimestamp = timestamp.nullish().transform((v) => v ?? null);
const versionNumber = z.number().int().min(1).max(1_000_000);
const optionalTalkingPoints = talkingPoints.nullish().transform((v) => v ?? null);

/** One saved content of a document (document_versions). */
export const documentVersionRecord = z
  .object({
    version: versionNumber,
    title: requiredText(LIMITS.title),
    body: text(LIMITS.body),
    talkingPoints: optionalTalkingPoints,
    author: requiredText(LIMITS.name),
    at: timestamp,
    note: optionalText(LIMITS.notes),
  })
  .strict();

/** One step of the review workflow (document_reviews): 谁发布谁审查、谁审查谁负责. */
export const documentReviewRecord = z
  .object({
    // Unique across all documents: the table's primary key.
    id,
    version: versionNumber,
    action: z.enum(REVIEW_ACTIONS),
    actor: requiredText(LIMITS.name),
    at: timestamp,
    comment: optionalText(LIMITS.notes),
    confidentialityBy: optionalText(LIMITS.name),
    agencyConfirmation: optionalText(LIMITS.shortText),
  })
  .strict();

export const documentRecord = z
  .object({
    id,
    kind: documentKind,
    title: requiredText(LIMITS.title),
    conferenceId: optionalId,
    departmentId: optionalId,
    // The spokesperson whose words these are (qa, opening); must belong to departmentId when both are given.
    personId: optionalId,
    // The text form of common/document-body.ts, verbatim.
    body: text(LIMITS.body),
    status: z.enum(DOCUMENT_STATUSES),
    drafter: optionalText(LIMITS.name),
    reviewer: optionalText(LIMITS.name),
    portalColumn: optionalText(50),
    reviewedAt: optionalTimestamp,
    // 保密审查: who checked the document for state secrets, and when.
    confidentialityBy: optionalText(LIMITS.name),
    confidentialityAt: optionalTimestamp,
    // 会商确认: another agency's confirmation, recorded at approval.
    agencyConfirmation: optionalText(LIMITS.shortText),
    docNumber: optionalText(LIMITS.shortText),
    // 政策解读: the policy interpreted. Flat, as in the app's documents API and the database.
    policyTitle: optionalText(LIMITS.title),
    policyNumber: optionalText(LIMITS.shortText),
    policyDate: optionalDate,
    // 答问口径: only on kind "qa".
    talkingPoints: optionalTalkingPoints,
    templateId: optionalText(100),
    // Absent: worked out from versions (or as import creates them).
    version: versionNumber.optional(),
    // Absent: the stored value, or the time of the import.
    createdAt: timestamp.optional(),
    updatedAt: timestamp.optional(),
    // Absent: an existing document keeps its stored versions (plus one when the content changed); a new
    // one gets version 1 from its content. Present: replaces them; the last is the current content.
    versions: z
      .array(documentVersionRecord)
      .min(1, { message: 'must hold at least the current content as a version (or leave versions out)' })
      .max(HISTORY_ITEMS)
      .optional(),
    // Absent: an existing document keeps its stored review records, a new one has none. Present: replaces them.
    reviews: z.array(documentReviewRecord).max(HISTORY_ITEMS).optional(),
  })
  .strict();

/** One saved content of an answer (answer_versions). */
export const answerVersionRecord = z
  .object({
    version: versionNumber,
    question: requiredText(LIMITS.notes),
    answer: requiredText(LIMITS.notes),
    author: requiredText(LIMITS.name),
    at: timestamp,
  })
  .strict();

/** 口径库: an agreed answer to a question the press may ask. */
export const answerRecord = z
  .object({
    id,
    question: requiredText(LIMITS.notes),
    answer: requiredText(LIMITS.notes),
    departmentId: optionalId,
    topic: optionalText(100),
    tags: z.array(requiredText(50)).max(50).optional().default([]),
    reviewedAt: optionalTimestamp,
    reviewedBy: optionalText(LIMITS.name),
    archived: z.boolean().optional().default(false),
    version: versionNumber.optional(),
    createdAt: timestamp.optional(),
    updatedAt: timestamp.optional(),
    versions: z
      .array(answerVersionRecord)
      .min(1, { message: 'must hold at least the current content as a version (or leave versions out)' })
      .max(HISTORY_ITEMS)
      .optional(),
  })
  .strict();

export type DocumentVersionRecord = z.output<typeof documentVersionRecord>;
export type DocumentReviewRecord = z.output<typeof documentReviewRecord>;
export type DocumentInput = z.output<typeof documentRecord>;
export type AnswerVersionRecord = z.output<typeof answerVersionRecord>;
export type AnswerInput = z.output<typeof answerRecord>;

type Resolved = 'version' | 'createdAt' | 'updatedAt' | 'versions';
/** A document as exported: every field present, its versions and review records resolved. */
export type DocumentRecord = Omit<DocumentInput, Resolved | 'reviews'> & {
  version: number;
  createdAt: string;
  updatedAt: string;
  versions: DocumentVersionRecord[];
  reviews: DocumentReviewRecord[];
};
export type AnswerRecord = Omit<AnswerInput, Resolved> & {
  version: number;
  createdAt: string;
  updatedAt: string;
  versions: AnswerVersionRecord[];
};

/**
 * What the check resolves without a clock: versions are null when import creates them, the
 * timestamps null when the file leaves them out (filled in with the stored value or the import's time).
 */
export type DocumentPlan = Omit<DocumentRecord, 'versions' | 'createdAt' | 'updatedAt'> & {
  versions: DocumentVersionRecord[] | null;
  createdAt: string | null;
  updatedAt: string | null;
};
export type AnswerPlan = Omit<AnswerRecord, 'versions' | 'createdAt' | 'updatedAt'> & {
  versions: AnswerVersionRecord[] | null;
  createdAt: string | null;
  updatedAt: string | null;
};

type Rule = { field: string; message: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const FINAL = new Set<unknown>(['approved', 'released']);

/** Text order, as JavaScript compares strings: the one order of review records in import and export. */
export function compareReviews(a: DocumentReviewRecord, b: DocumentReviewRecord): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Versions in strictly increasing order, the last one equal to the record's current content, and
 * the record's `version` equal to the last one's. Checked on the raw record.
 */
function historyRules(rec: Record<string, unknown>, content: readonly string[]): Rule[] {
  const out: Rule[] = [];
  const versions = rec.versions;
  if (!Array.isArray(versions) || versions.length === 0) return out;
  let previous: number | null = null;
  versions.forEach((v: unknown, j) => {
    if (!isPlainObject(v) || typeof v.version !== 'number') return;
    if (previous !== null && v.version <= previous) {
      out.push({
        field: `versions[${j}].version`,
        message: `versions must be in strictly increasing order (version ${v.version} follows version ${previous})`,
      });
    }
    previous = v.version;
  });
  const j = versions.length - 1;
  const last = versions[j];
  if (!isPlainObject(last)) return out;
  for (const field of content) {
    if (typeof last[field] === 'string' && typeof rec[field] === 'string' && last[field] !== rec[field]) {
      out.push({
        field: `versions[${j}].${field}`,
        message: `the last version is the current content: its ${field} must equal the record's ${field}`,
      });
    }
  }
  if (typeof rec.version === 'number' && typeof last.version === 'number' && rec.version !== last.version) {
    out.push({
      field: 'version',
      message: `is ${rec.version} but the last entry of versions is version ${last.version}; they must be equal (or leave version out)`,
    });
  }
  return out;
}

/** Rules between fields of one document, on the raw record so they run whatever else is wrong. */
export function documentRules(rec: Record<string, unknown>): Rule[] {
  const out: Rule[] = [];
  const notQa = typeof rec.kind === 'string' && rec.kind !== 'qa';
  if (notQa && present(rec.talkingPoints)) {
    out.push({
      field: 'talkingPoints',
      message: `only a 答问口径 (kind "qa") has talking points; this document is kind "${rec.kind}" (set talkingPoints to null)`,
    });
  }
  if (FINAL.has(rec.status)) {
    if (!present(rec.confidentialityBy)) {
      out.push({
        field: 'confidentialityBy',
        message: `a document with status "${rec.status}" needs confidentialityBy (保密审查: who checked it for state secrets)`,
      });
    }
    if (typeof rec.reviewer === 'string' && rec.reviewer !== '' && rec.reviewer === rec.drafter) {
      out.push({
        field: 'reviewer',
        message: `the reviewer of a document with status "${rec.status}" cannot be its drafter ("${rec.reviewer}"): 谁审查谁负责, another person must review it`,
      });
    }
  }
  out.push(...historyRules(rec, ['title', 'body']));
  const versions = Array.isArray(rec.versions) ? rec.versions : null;
  versions?.forEach((v: unknown, j) => {
    if (notQa && isPlainObject(v) && present(v.talkingPoints)) {
      out.push({
        field: `versions[${j}].talkingPoints`,
        message: `only a 答问口径 (kind "qa") has talking points; this document is kind "${rec.kind}" (set talkingPoints to null)`,
      });
    }
  });
  if (versions && Array.isArray(rec.reviews)) {
    const numbers = versions.flatMap((v: unknown) =>
      isPlainObject(v) && typeof v.version === 'number' ? [v.version] : [],
    );
    rec.reviews.forEach((r: unknown, j) => {
      if (isPlainObject(r) && typeof r.version === 'number' && !numbers.includes(r.version)) {
        out.push({
          field: `reviews[${j}].version`,
          message: `the document has no version ${r.version} (versions hold ${numbers.join(', ')})`,
        });
      }
    });
  }
  return out;
}

export function answerRules(rec: Record<string, unknown>): Rule[] {
  return historyRules(rec, ['question', 'answer']);
}

/** What the document checks need to know beyond the record itself. */
export interface DocumentLookups {
  stored: Map<string, DocumentRecord>;
  /** The department of a person: the file's record if it has one, else the database's. */
  personDepartment: (personId: string) => string | undefined;
}

/** Rules that involve the database or other records: the person's department, the kind of a stored document. */
export function documentLinks(rec: Record<string, unknown>, lookups: DocumentLookups): Rule[] {
  const out: Rule[] = [];
  if (typeof rec.personId === 'string' && typeof rec.departmentId === 'string' && rec.departmentId !== '') {
    const department = lookups.personDepartment(rec.personId);
    if (department !== undefined && department !== rec.departmentId) {
      out.push({
        field: 'personId',
        message: `person "${rec.personId}" belongs to department "${department}", not to the document's department "${rec.departmentId}"`,
      });
    }
  }
  const before = typeof rec.id === 'string' ? lookups.stored.get(rec.id) : undefined;
  if (before && typeof rec.kind === 'string' && rec.kind !== before.kind) {
    out.push({
      field: 'kind',
      message: `document "${before.id}" is stored as kind "${before.kind}"; the kind of a document cannot change (use another id for a new document)`,
    });
  }
  return out;
}

/**
 * Review ids are the primary key of document_reviews, so unique across all documents: within the
 * file, and against the database's review records of documents whose reviews the file does not replace.
 */
export function reviewIdProblems(
  raw: unknown[],
  stored: Map<string, DocumentRecord>,
  skip: (at: string) => boolean,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const replaced = new Set<unknown>();
  for (const rec of raw) if (isPlainObject(rec) && Array.isArray(rec.reviews)) replaced.add(rec.id);
  const owners = new Map<string, string>();
  for (const d of stored.values()) if (!replaced.has(d.id)) for (const r of d.reviews) owners.set(r.id, d.id);
  const seen = new Map<string, string>();
  raw.forEach((rec, i) => {
    const at = `documents[${i}]`;
    if (!isPlainObject(rec) || !Array.isArray(rec.reviews) || skip(at)) return;
    rec.reviews.forEach((r: unknown, j) => {
      if (!isPlainObject(r) || typeof r.id !== 'string') return;
      const path = `${at}.reviews[${j}]`;
      const first = seen.get(r.id);
      const owner = owners.get(r.id);
      if (first !== undefined) {
        out.push({ path: `${path}.id`, message: `duplicate review id "${r.id}" (also used by ${first})` });
      } else if (owner !== undefined && owner !== rec.id) {
        out.push({
          path: `${path}.id`,
          message: `review id "${r.id}" is used by a review record of document "${owner}" in the database; review ids are unique across documents`,
        });
      }
      if (first === undefined) seen.set(r.id, path);
    });
  });
  return out;
}

/** Tells two values apart regardless of key order (the stored talking points were written by the app). */
type Differs = (a: unknown, b: unknown) => boolean;

/** The version a record without versions ends at: 1 when new; the stored one, plus one when the content changed. */
function versionWithoutHistory(before: { version: number } | undefined, same: boolean): number {
  if (!before) return 1;
  return same ? before.version : before.version + 1;
}

function versionProblem(given: number | undefined, version: number, stored: number | undefined, noun: string): Rule[] {
  if (given === undefined || given === version) return [];
  let why: string;
  if (stored === undefined) why = `the ${noun} is new and versions is left out, so import creates version 1`;
  else if (stored === version)
    why = `versions is left out and the content is unchanged, so the ${noun} stays at its stored version ${stored}`;
  else
    why = `versions is left out and the content changed, so import adds version ${version} after the stored version ${stored}`;
  return [{ field: 'version', message: `is ${given}, but ${why}; give versions, or leave version out` }];
}

/** A valid document record resolved against the database, and the rules that needed the stored record. */
export function planDocument(
  d: DocumentInput,
  before: DocumentRecord | undefined,
  differs: Differs,
): { plan: DocumentPlan; rules: Rule[] } {
  const rules: Rule[] = [];
  const last = d.versions?.at(-1);
  let version: number;
  if (last) version = last.version;
  else {
    const same =
      before !== undefined &&
      d.title === before.title &&
      d.body === before.body &&
      !differs(d.talkingPoints, before.talkingPoints);
    version = versionWithoutHistory(before, same);
    rules.push(...versionProblem(d.version, version, before?.version, 'document'));
    d.reviews?.forEach((r, j) => {
      if (r.version > version) {
        rules.push({
          field: `reviews[${j}].version`,
          message: `the document will be at version ${version}; a review record cannot be of version ${r.version}`,
        });
      }
    });
  }
  const reviews = [...(d.reviews ?? before?.reviews ?? [])].sort(compareReviews);
  const plan: DocumentPlan = {
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
    talkingPoints: d.talkingPoints,
    templateId: d.templateId,
    version,
    createdAt: d.createdAt ?? null,
    updatedAt: d.updatedAt ?? null,
    versions: d.versions ?? null,
    reviews,
  };
  return { plan, rules };
}

export function planAnswer(a: AnswerInput, before: AnswerRecord | undefined): { plan: AnswerPlan; rules: Rule[] } {
  const rules: Rule[] = [];
  const last = a.versions?.at(-1);
  let version: number;
  if (last) version = last.version;
  else {
    const same = before !== undefined && a.question === before.question && a.answer === before.answer;
    version = versionWithoutHistory(before, same);
    rules.push(...versionProblem(a.version, version, before?.version, 'answer'));
  }
  const plan: AnswerPlan = {
    id: a.id,
    question: a.question,
    answer: a.answer,
    departmentId: a.departmentId,
    topic: a.topic,
    tags: a.tags,
    reviewedAt: a.reviewedAt,
    reviewedBy: a.reviewedBy,
    archived: a.archived,
    version,
    createdAt: a.createdAt ?? null,
    updatedAt: a.updatedAt ?? null,
    versions: a.versions ?? null,
  };
  return { plan, rules };
}

/** Who and when, for what import fills in itself. */
interface Clock {
  actor: string;
  at: string;
}

/** Timestamps the file leaves out: createdAt is kept (or now); updatedAt is kept unless anything changed. */
function stamped<R extends { createdAt: string; updatedAt: string }>(
  record: Omit<R, 'createdAt' | 'updatedAt'>,
  given: { createdAt: string | null; updatedAt: string | null },
  before: R | undefined,
  clock: Clock,
  differs: Differs,
): R {
  const createdAt = given.createdAt ?? before?.createdAt ?? clock.at;
  const kept = { ...record, createdAt, updatedAt: given.updatedAt ?? before?.updatedAt ?? clock.at } as R;
  return given.updatedAt === null && before && differs(kept, before) ? { ...kept, updatedAt: clock.at } : kept;
}

/**
 * The record import writes. Without versions: a new document gets version 1 from its content (by
 * its drafter, at its createdAt); an existing one keeps its stored versions and, when its content
 * changed, gains the next one by the importing user at the time of the import.
 */
export function finishDocument(
  p: DocumentPlan,
  before: DocumentRecord | undefined,
  clock: Clock,
  differs: Differs,
): DocumentRecord {
  const current = { title: p.title, body: p.body, talkingPoints: p.talkingPoints };
  let versions = p.versions;
  if (!versions) {
    const at = p.createdAt ?? before?.createdAt ?? clock.at;
    if (!before) versions = [{ version: 1, ...current, author: p.drafter ?? clock.actor, at, note: null }];
    else if (p.version === before.version) versions = before.versions;
    else
      versions = [
        ...before.versions,
        { version: p.version, ...current, author: clock.actor, at: clock.at, note: null },
      ];
  }
  return stamped<DocumentRecord>({ ...p, versions }, p, before, clock, differs);
}

export function finishAnswer(
  p: AnswerPlan,
  before: AnswerRecord | undefined,
  clock: Clock,
  differs: Differs,
): AnswerRecord {
  const current = { question: p.question, answer: p.answer };
  let versions = p.versions;
  if (!versions) {
    const at = p.createdAt ?? before?.createdAt ?? clock.at;
    if (!before) versions = [{ version: 1, ...current, author: clock.actor, at }];
    else if (p.version === before.version) versions = before.versions;
    else versions = [...before.versions, { version: p.version, ...current, author: clock.actor, at: clock.at }];
  }
  return stamped<AnswerRecord>({ ...p, versions }, p, before, clock, differs);
}

/** What the audit log keeps of an imported document: everything but the text, which may be a megabyte per version. */
export function documentAudit(d: DocumentRecord): Record<string, unknown> {
  const { body, talkingPoints: _t, versions, reviews, ...rest } = d;
  return {
    ...rest,
    bodyLength: body.length,
    versions: versions.map((v) => ({ version: v.version, author: v.author, at: v.at })),
    reviews: reviews.map((r) => ({ id: r.id, version: r.version, action: r.action, actor: r.actor, at: r.at })),
  };
}

export function answerAudit(a: AnswerRecord): Record<string, unknown> {
  const { versions, ...rest } = a;
  return { ...rest, versions: versions.map((v) => ({ version: v.version, author: v.author, at: v.at })) };
}
