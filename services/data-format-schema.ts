// The press-office/v1 data format: one zod schema per record kind. docs/data-format.md describes
// every field and docs/press-office-v1.schema.json mirrors these schemas (a unit test keeps them
// in step). Records are strict: a misspelt field is a problem, not silently dropped data.
// Documents and answers, with their versions and review records, are in data-format-documents.ts.
// Rules that tie two fields together are in recordRules, not in zod refinements: zod skips an
// object's refinements once any of its fields fails, and an import must report every problem.
import { z } from 'zod';
import { CONFERENCE_KINDS, MEDIA_KINDS } from '../common/conference-schemas';
import { isValidDate } from '../common/dates';
import { date, id, optionalDate, ROLES } from '../common/schemas';
import { LIMITS, optionalText, requiredText } from '../common/text';
import {
  type AnswerRecord,
  answerRecord,
  answerRules,
  type DocumentRecord,
  documentRecord,
  documentRules,
} from './data-format-documents';

export const FORMAT = 'press-office/v1';

export const DEPARTMENT_STATUSES = ['active', 'merged', 'archived'] as const;
export const ORGANIZERS = ['city', 'department'] as const;
export const CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ATTENDANCE_STATUSES = ['attended', 'absent'] as const;

const optionalId = z
  .union([id, z.null()])
  .optional()
  .transform((v) => v ?? null);

/** `HH:MM`, 24-hour clock. */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM (00:00 to 23:59)' });

export const formerNameRecord = z
  .object({
    name: requiredText(LIMITS.name),
    fullName: requiredText(LIMITS.name),
    until: date,
  })
  .strict();

export const departmentRecord = z
  .object({
    id,
    name: requiredText(LIMITS.name),
    fullName: requiredText(LIMITS.name),
    listed: z.boolean(),
    listedFrom: optionalDate,
    listedUntil: optionalDate,
    contactPerson: optionalText(LIMITS.name),
    contactPhone: optionalText(LIMITS.phone),
    // Absent: an existing department keeps its place, a new one goes after the last.
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    notes: optionalText(LIMITS.notes),
    status: z.enum(DEPARTMENT_STATUSES).optional().default('active'),
    mergedIntoId: optionalId,
    // Absent: an existing department keeps its stored history. Present: replaces it.
    formerNames: z.array(formerNameRecord).max(LIMITS.listItems).optional(),
  })
  .strict();

export const personRecord = z
  .object({
    id,
    departmentId: id,
    name: requiredText(LIMITS.name),
    role: z.enum(ROLES),
    title: optionalText(LIMITS.title),
    phone: optionalText(LIMITS.phone),
    email: optionalText(LIMITS.email).refine((e) => e === null || /^[^\s@]+@[^\s@]+$/.test(e), {
      message: 'must be an e-mail address',
    }),
    tenureStart: optionalDate,
    tenureEnd: optionalDate,
    notes: optionalText(LIMITS.notes),
    archived: z.boolean().optional().default(false),
  })
  .strict();

export const trainingRecord = z
  .object({
    id,
    personId: id,
    date,
    course: requiredText(LIMITS.title),
    hours: z
      .number()
      .min(0)
      .max(10_000)
      .nullish()
      .transform((h) => h ?? null),
  })
  .strict();

/** A speaker booked for a conference (发布人), in speaking order (conference_speakers.position). */
export const speakerRecord = z
  .object({
    personId: id,
    role: z.enum(ROLES),
    // The department the appearance counts for.
    departmentId: id,
  })
  .strict();

/** A media outlet invited to a conference; attended null: not recorded (yet). */
export const conferenceMediaRecord = z
  .object({
    mediaId: id,
    attended: z.union([z.boolean(), z.null()]),
  })
  .strict();

export const mediaRecord = z
  .object({
    id,
    name: requiredText(LIMITS.name),
    kind: z.enum(MEDIA_KINDS),
    contactPerson: optionalText(LIMITS.name),
    phone: optionalText(LIMITS.phone),
    email: optionalText(LIMITS.email),
    notes: optionalText(LIMITS.notes),
    archived: z.boolean().optional().default(false),
  })
  .strict();

export const conferenceRecord = z
  .object({
    id,
    title: requiredText(LIMITS.title),
    date,
    time: z
      .union([time, z.null()])
      .optional()
      .transform((t) => t ?? null),
    venue: optionalText(LIMITS.shortText),
    organizer: z.enum(ORGANIZERS),
    hostDepartmentId: optionalId,
    // The releasing departments (发布部门), in the order they speak.
    departmentIds: z.array(id).max(LIMITS.listItems),
    // Absent: an existing conference keeps its stored speakers and media. Present: replaces them.
    speakers: z.array(speakerRecord).max(LIMITS.listItems).optional(),
    media: z.array(conferenceMediaRecord).max(LIMITS.listItems).optional(),
    status: z.enum(CONFERENCE_STATUSES),
    topics: z.array(requiredText(LIMITS.shortText)).max(LIMITS.listItems).optional().default([]),
    notes: optionalText(LIMITS.notes),
    // Null or absent: the routine kind of the organizer.
    kind: z
      .union([z.enum(CONFERENCE_KINDS), z.null()])
      .optional()
      .transform((k) => k ?? null),
    cancelReason: optionalText(LIMITS.notes),
    // A postponement cancels this conference and plans another; both keep the link.
    postponedFromId: optionalId,
    postponedToId: optionalId,
  })
  .strict();

export const attendanceRecord = z
  .object({
    id,
    conferenceId: id,
    personId: id,
    role: z.enum(ROLES),
    // Null or absent: the attendance counts for the person's own department.
    departmentId: optionalId,
    status: z.enum(ATTENDANCE_STATUSES),
    // A deputy standing in for the spokesperson: the person stood in for.
    substituteForPersonId: optionalId,
  })
  .strict();

/** The top level. Arrays may be left out (a file of people only is fine); other keys may not. */
export const documentShell = z
  .object({
    format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    departments: z.array(z.unknown()).optional().default([]),
    people: z.array(z.unknown()).optional().default([]),
    trainings: z.array(z.unknown()).optional().default([]),
    media: z.array(z.unknown()).optional().default([]),
    conferences: z.array(z.unknown()).optional().default([]),
    attendance: z.array(z.unknown()).optional().default([]),
    documents: z.array(z.unknown()).optional().default([]),
    answers: z.array(z.unknown()).optional().default([]),
  })
  .strict();

export type FormerNameRecord = z.output<typeof formerNameRecord>;
export type DepartmentInput = z.output<typeof departmentRecord>;
export type PersonRecord = z.output<typeof personRecord>;
export type TrainingRecord = z.output<typeof trainingRecord>;
export type SpeakerRecord = z.output<typeof speakerRecord>;
export type ConferenceMediaRecord = z.output<typeof conferenceMediaRecord>;
export type MediaRecord = z.output<typeof mediaRecord>;
export type ConferenceInput = z.output<typeof conferenceRecord>;
/** A conference as exported: speakers and media resolved. */
export type ConferenceRecord = Omit<ConferenceInput, 'speakers' | 'media'> & {
  speakers: SpeakerRecord[];
  media: ConferenceMediaRecord[];
};
export type AttendanceRecord = z.output<typeof attendanceRecord>;

/** A department as exported: every field present, sortOrder and formerNames resolved. */
export type DepartmentRecord = Omit<DepartmentInput, 'sortOrder' | 'formerNames'> & {
  sortOrder: number;
  formerNames: FormerNameRecord[];
};

// Parents before children: the order of the document, of the checks and of the writes.
export const ARRAYS = [
  'departments',
  'people',
  'trainings',
  'media',
  'conferences',
  'attendance',
  'documents',
  'answers',
] as const;
export type ArrayName = (typeof ARRAYS)[number];

export interface PressOfficeDocument {
  format: typeof FORMAT;
  exportedAt: string;
  departments: DepartmentRecord[];
  people: PersonRecord[];
  trainings: TrainingRecord[];
  media: MediaRecord[];
  conferences: ConferenceRecord[];
  attendance: AttendanceRecord[];
  documents: DocumentRecord[];
  answers: AnswerRecord[];
}

/** The schema of each array's records, for validation and for the JSON Schema consistency test. */
export const RECORD_SCHEMAS = {
  departments: departmentRecord,
  people: personRecord,
  trainings: trainingRecord,
  media: mediaRecord,
  conferences: conferenceRecord,
  attendance: attendanceRecord,
  documents: documentRecord,
  answers: answerRecord,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key-order-independent form of a record, for telling whether an import changes it. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
const isDate = (v: unknown): v is string => typeof v === 'string' && isValidDate(v);
const present = (v: unknown) => v !== undefined && v !== null;

/** Rules between fields of one record, checked on the raw record so they run whatever else is wrong. */
export function recordRules(name: ArrayName, rec: Record<string, unknown>): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (name === 'departments') {
    if (isDate(rec.listedFrom) && isDate(rec.listedUntil) && rec.listedFrom > rec.listedUntil) {
      out.push({
        field: 'listedUntil',
        message: 'listing period ends before it starts (listedUntil is before listedFrom)',
      });
    }
    const status = rec.status ?? 'active';
    if (status === 'merged' && !present(rec.mergedIntoId)) {
      out.push({
        field: 'mergedIntoId',
        message: 'a department with status "merged" needs mergedIntoId (the department it was merged into)',
      });
    }
    if (status !== 'merged' && present(rec.mergedIntoId)) {
      out.push({
        field: 'mergedIntoId',
        message: 'mergedIntoId is only for status "merged"; remove it or set status to "merged"',
      });
    }
  } else if (name === 'documents') {
    out.push(...documentRules(rec));
  } else if (name === 'answers') {
    out.push(...answerRules(rec));
  } else if (name === 'people') {
    if (isDate(rec.tenureStart) && isDate(rec.tenureEnd) && rec.tenureStart > rec.tenureEnd) {
      out.push({ field: 'tenureEnd', message: 'tenure ends before it starts (tenureEnd is before tenureStart)' });
    }
  } else if (name === 'conferences') {
    if (rec.organizer === 'department' && !present(rec.hostDepartmentId)) {
      out.push({
        field: 'hostDepartmentId',
        message: 'organizer "department" needs hostDepartmentId (the department that hosts the conference)',
      });
    }
    if (rec.organizer === 'city' && present(rec.hostDepartmentId)) {
      out.push({
        field: 'hostDepartmentId',
        message:
          'hostDepartmentId is only for organizer "department"; a city conference is organised by the news office (remove it, or set organizer to "department")',
      });
    }
  }
  return out;
}

/** Friendlier wording than zod's defaults for the problems people make when writing files by hand. */
export function formatIssueMessage(issue: { code: string; input?: unknown; message?: string }): string | undefined {
  // Optional fields accept undefined, so any issue about an undefined input is a missing field.
  if (issue.input === undefined && issue.code !== 'unrecognized_keys') return 'is required';
  return undefined;
}

interface ZodDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
}

/**
 * Unknown fields inside objects that zod would silently strip (the items of talking points are
 * not strict objects in common/document-schemas.ts): reported like every other unknown field.
 */
export function strippedKeys(schema: z.core.$ZodType, value: unknown, path: string): string[] {
  const def = schema._zod.def as unknown as ZodDef;
  const inner = def.innerType ?? def.in;
  if (inner && ['default', 'optional', 'nullable', 'prefault', 'readonly', 'pipe'].includes(def.type)) {
    return strippedKeys(inner, value, path);
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.flatMap((v, i) => strippedKeys(element, v, `${path}[${i}]`));
  }
  if (def.type !== 'object' || !def.shape || !isObject(value)) return [];
  const shape = def.shape;
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = shape[key];
    if (field) out.push(...strippedKeys(field, v, `${path}.${key}`));
    else if (!def.catchall) out.push(`${path}.${key}`);
  }
  return out;
}
