// The fast path of the import's record checks. zod takes 10–200 µs a record (a decade's file holds
// 200,000 attendance rows and 30,000 documents with their history), so the bulk records are first
// tried by a hand-written check that accepts only what is certainly valid and gives exactly what
// zod would give (same values, same keys in the same order). Anything it is not sure of (a wrong
// type, a text at or over a limit, an unknown field, a lone surrogate …) goes to zod as before, so
// every problem is still reported by zod with its message; this never decides that a record is bad.
// The limits err on the safe side: a length is compared in UTF-16 units, never more than the code
// points zod counts. test/unit/import-fast-check.test.ts compares both on mutated records; the key
// lists below are checked against the zod shapes there, so a new field cannot be missed.
import { z } from 'zod';
import { CONFERENCE_KINDS } from '../common/conference-schemas';
import { isValidDate } from '../common/dates';
import { DOCUMENT_KINDS } from '../common/document-model';
import { DOCUMENT_STATUSES, type TalkingPoints } from '../common/document-schemas';
import { ROLES } from '../common/schemas';
import { LIMITS } from '../common/text';
import { type AnswerInput, type DocumentInput, HISTORY_ITEMS, REVIEW_ACTIONS } from './data-format-documents';
import {
  type ArrayName,
  ATTENDANCE_STATUSES,
  type AttendanceRecord,
  CONFERENCE_STATUSES,
  type ConferenceInput,
  ORGANIZERS,
} from './data-format-schema';

/** Thrown (and caught below) when the fast path is not sure: zod decides. */
const MISS = Symbol('miss');
function miss(): never {
  throw MISS;
}

type Obj = Record<string, unknown>;

/** A plain object whose keys are all in `keys`, none of them holding undefined (JSON never does). */
function known(value: unknown, keys: ReadonlySet<string>): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) miss();
  const o = value as Obj;
  for (const key in o) if (!keys.has(key) || o[key] === undefined) miss();
  return o;
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max || !value.isWellFormed()) miss();
  return value;
}
function required(value: unknown, max: number): string {
  const s = text(value, max);
  if (s.trim().length === 0) miss();
  return s;
}
const id = (value: unknown) => required(value, 100);
const optionalId = (value: unknown) => (value === undefined || value === null ? null : id(value));
/** Absent, null and "" are "none". */
const optionalText = (value: unknown, max: number) =>
  value === undefined || value === null || value === '' ? null : text(value, max);
const defaultText = (value: unknown, max: number) => (value === undefined ? '' : text(value, max));

function date(value: unknown): string {
  if (typeof value !== 'string' || !isValidDate(value)) miss();
  return value;
}
const optionalDate = (value: unknown) => (value === undefined || value === null || value === '' ? null : date(value));

/** The pattern of `z.iso.datetime({ offset: true })` (data-format-documents.ts `timestamp`). */
const DATETIME = z.regexes.datetime({ offset: true });
function instant(value: unknown): string {
  if (typeof value !== 'string' || !DATETIME.test(value)) miss();
  return value;
}
const optionalInstant = (value: unknown) => (value === undefined || value === null ? null : instant(value));

/** `HH:MM`, as data-format-schema.ts `time`. */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function oneOf<T extends string>(value: unknown, values: ReadonlySet<T>): T {
  if (!values.has(value as T)) miss();
  return value as T;
}
function bool(value: unknown): boolean {
  if (typeof value !== 'boolean') miss();
  return value;
}
function list(value: unknown, max: number, min = 0): unknown[] {
  if (!Array.isArray(value) || value.length > max || value.length < min) miss();
  return value;
}
function versionNumber(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1_000_000) miss();
  return value;
}

const set = <T extends string>(values: readonly T[]) => new Set<T>(values);
const ROLE_SET = set(ROLES);
const ORGANIZER_SET = set(ORGANIZERS);
const CONFERENCE_STATUS_SET = set(CONFERENCE_STATUSES);
const CONFERENCE_KIND_SET = set(CONFERENCE_KINDS);
const ATTENDANCE_STATUS_SET = set(ATTENDANCE_STATUSES);
const DOCUMENT_KIND_SET = set(DOCUMENT_KINDS);
const DOCUMENT_STATUS_SET = set(DOCUMENT_STATUSES);
const REVIEW_ACTION_SET = set(REVIEW_ACTIONS);

/** The fields of each record the fast path knows; a unit test compares them with the zod shapes. */
export const FAST_KEYS = {
  attendance: ['id', 'conferenceId', 'personId', 'role', 'departmentId', 'status', 'substituteForPersonId'],
  conference: [
    'id',
    'title',
    'date',
    'time',
    'venue',
    'organizer',
    'hostDepartmentId',
    'departmentIds',
    'speakers',
    'media',
    'status',
    'topics',
    'notes',
    'kind',
    'cancelReason',
    'postponedFromId',
    'postponedToId',
  ],
  speaker: ['personId', 'role', 'departmentId'],
  conferenceMedia: ['mediaId', 'attended'],
  document: [
    'id',
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
    'versions',
    'reviews',
  ],
  documentVersion: ['version', 'title', 'body', 'talkingPoints', 'author', 'at', 'note'],
  documentReview: ['id', 'version', 'action', 'actor', 'at', 'comment', 'confidentialityBy', 'agencyConfirmation'],
  talkingPoints: ['keyMessage', 'points', 'questions', 'sensitive'],
  point: ['text', 'figure', 'source'],
  question: ['question', 'answer', 'answererId', 'answerId'],
  sensitive: ['point', 'bridge'],
  answer: [
    'id',
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
    'versions',
  ],
  answerVersion: ['version', 'question', 'answer', 'author', 'at'],
} as const;
const K = Object.fromEntries(
  Object.entries(FAST_KEYS).map(([name, keys]) => [name, new Set<string>(keys)]),
) as unknown as Record<keyof typeof FAST_KEYS, ReadonlySet<string>>;

/** Talking points' lists hold at most this many items (common/document-schemas.ts). */
const TALKING_ITEMS = 200;

function attendance(value: unknown): AttendanceRecord {
  const a = known(value, K.attendance);
  return {
    id: id(a.id),
    conferenceId: id(a.conferenceId),
    personId: id(a.personId),
    role: oneOf(a.role, ROLE_SET),
    departmentId: optionalId(a.departmentId),
    status: oneOf(a.status, ATTENDANCE_STATUS_SET),
    substituteForPersonId: optionalId(a.substituteForPersonId),
  };
}

function conference(value: unknown): ConferenceInput {
  const c = known(value, K.conference);
  if (c.time !== undefined && c.time !== null && (typeof c.time !== 'string' || !TIME.test(c.time))) miss();
  return {
    id: id(c.id),
    title: required(c.title, LIMITS.title),
    date: date(c.date),
    time: (c.time ?? null) as string | null,
    venue: optionalText(c.venue, LIMITS.shortText),
    organizer: oneOf(c.organizer, ORGANIZER_SET),
    hostDepartmentId: optionalId(c.hostDepartmentId),
    departmentIds: list(c.departmentIds, LIMITS.listItems).map(id),
    // Absent stays absent (the stored ones are kept), as zod leaves an optional field out.
    ...(c.speakers === undefined
      ? {}
      : {
          speakers: list(c.speakers, LIMITS.listItems).map((item) => {
            const s = known(item, K.speaker);
            return { personId: id(s.personId), role: oneOf(s.role, ROLE_SET), departmentId: id(s.departmentId) };
          }),
        }),
    ...(c.media === undefined
      ? {}
      : {
          media: list(c.media, LIMITS.listItems).map((item) => {
            const m = known(item, K.conferenceMedia);
            return { mediaId: id(m.mediaId), attended: m.attended === null ? null : bool(m.attended) };
          }),
        }),
    status: oneOf(c.status, CONFERENCE_STATUS_SET),
    topics: c.topics === undefined ? [] : list(c.topics, LIMITS.listItems).map((t) => required(t, LIMITS.shortText)),
    notes: optionalText(c.notes, LIMITS.notes),
    kind: c.kind === undefined || c.kind === null ? null : oneOf(c.kind, CONFERENCE_KIND_SET),
    cancelReason: optionalText(c.cancelReason, LIMITS.notes),
    postponedFromId: optionalId(c.postponedFromId),
    postponedToId: optionalId(c.postponedToId),
  };
}

function talkingPoints(value: unknown): TalkingPoints | null {
  if (value === undefined || value === null) return null;
  const t = known(value, K.talkingPoints);
  return {
    keyMessage: defaultText(t.keyMessage, LIMITS.notes),
    points:
      t.points === undefined
        ? []
        : list(t.points, TALKING_ITEMS).map((item) => {
            const p = known(item, K.point);
            return {
              text: required(p.text, LIMITS.notes),
              figure: optionalText(p.figure, LIMITS.shortText),
              source: optionalText(p.source, LIMITS.shortText),
            };
          }),
    questions:
      t.questions === undefined
        ? []
        : list(t.questions, TALKING_ITEMS).map((item) => {
            const q = known(item, K.question);
            return {
              question: required(q.question, LIMITS.notes),
              answer: defaultText(q.answer, LIMITS.notes),
              answererId: optionalId(q.answererId),
              answerId: optionalId(q.answerId),
            };
          }),
    sensitive:
      t.sensitive === undefined
        ? []
        : list(t.sensitive, TALKING_ITEMS).map((item) => {
            const s = known(item, K.sensitive);
            return { point: required(s.point, LIMITS.notes), bridge: defaultText(s.bridge, LIMITS.notes) };
          }),
  };
}

function document(value: unknown): DocumentInput {
  const d = known(value, K.document);
  const out: DocumentInput = {
    id: id(d.id),
    kind: oneOf(d.kind, DOCUMENT_KIND_SET),
    title: required(d.title, LIMITS.title),
    conferenceId: optionalId(d.conferenceId),
    departmentId: optionalId(d.departmentId),
    personId: optionalId(d.personId),
    body: text(d.body, LIMITS.body),
    status: oneOf(d.status, DOCUMENT_STATUS_SET),
    drafter: optionalText(d.drafter, LIMITS.name),
    reviewer: optionalText(d.reviewer, LIMITS.name),
    portalColumn: optionalText(d.portalColumn, 50),
    reviewedAt: optionalInstant(d.reviewedAt),
    confidentialityBy: optionalText(d.confidentialityBy, LIMITS.name),
    confidentialityAt: optionalInstant(d.confidentialityAt),
    agencyConfirmation: optionalText(d.agencyConfirmation, LIMITS.shortText),
    docNumber: optionalText(d.docNumber, LIMITS.shortText),
    policyTitle: optionalText(d.policyTitle, LIMITS.title),
    policyNumber: optionalText(d.policyNumber, LIMITS.shortText),
    policyDate: optionalDate(d.policyDate),
    talkingPoints: talkingPoints(d.talkingPoints),
    templateId: optionalText(d.templateId, 100),
  };
  if (d.version !== undefined) out.version = versionNumber(d.version);
  if (d.createdAt !== undefined) out.createdAt = instant(d.createdAt);
  if (d.updatedAt !== undefined) out.updatedAt = instant(d.updatedAt);
  if (d.versions !== undefined) {
    out.versions = list(d.versions, HISTORY_ITEMS, 1).map((item) => {
      const v = known(item, K.documentVersion);
      return {
        version: versionNumber(v.version),
        title: required(v.title, LIMITS.title),
        body: text(v.body, LIMITS.body),
        talkingPoints: talkingPoints(v.talkingPoints),
        author: required(v.author, LIMITS.name),
        at: instant(v.at),
        note: optionalText(v.note, LIMITS.notes),
      };
    });
  }
  if (d.reviews !== undefined) {
    out.reviews = list(d.reviews, HISTORY_ITEMS).map((item) => {
      const r = known(item, K.documentReview);
      return {
        id: id(r.id),
        version: versionNumber(r.version),
        action: oneOf(r.action, REVIEW_ACTION_SET),
        actor: required(r.actor, LIMITS.name),
        at: instant(r.at),
        comment: optionalText(r.comment, LIMITS.notes),
        confidentialityBy: optionalText(r.confidentialityBy, LIMITS.name),
        agencyConfirmation: optionalText(r.agencyConfirmation, LIMITS.shortText),
      };
    });
  }
  return out;
}

function answer(value: unknown): AnswerInput {
  const a = known(value, K.answer);
  const out: AnswerInput = {
    id: id(a.id),
    question: required(a.question, LIMITS.notes),
    answer: required(a.answer, LIMITS.notes),
    departmentId: optionalId(a.departmentId),
    topic: optionalText(a.topic, 100),
    tags: a.tags === undefined ? [] : list(a.tags, 50).map((t) => required(t, 50)),
    reviewedAt: optionalInstant(a.reviewedAt),
    reviewedBy: optionalText(a.reviewedBy, LIMITS.name),
    archived: a.archived === undefined ? false : bool(a.archived),
  };
  if (a.version !== undefined) out.version = versionNumber(a.version);
  if (a.createdAt !== undefined) out.createdAt = instant(a.createdAt);
  if (a.updatedAt !== undefined) out.updatedAt = instant(a.updatedAt);
  if (a.versions !== undefined) {
    out.versions = list(a.versions, HISTORY_ITEMS, 1).map((item) => {
      const v = known(item, K.answerVersion);
      return {
        version: versionNumber(v.version),
        question: required(v.question, LIMITS.notes),
        answer: required(v.answer, LIMITS.notes),
        author: required(v.author, LIMITS.name),
        at: instant(v.at),
      };
    });
  }
  return out;
}

/** The arrays with a fast path: those a decade fills by the thousand. */
const FAST = {
  conferences: conference,
  attendance,
  documents: document,
  answers: answer,
} satisfies Partial<Record<ArrayName, (value: unknown) => unknown>>;

/**
 * The record as zod would give it, when it is certainly valid; otherwise undefined (ask zod,
 * which also names the problems). Arrays without a fast path always give undefined.
 */
export function fastRecord(name: ArrayName, value: unknown): unknown {
  const check = (FAST as Partial<Record<ArrayName, (value: unknown) => unknown>>)[name];
  if (!check) return undefined;
  try {
    return check(value);
  } catch (err) {
    if (err === MISS) return undefined;
    throw err;
  }
}
