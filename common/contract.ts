// The API contract: every operation named once, with its input schema and its output type.
// Main's handler table `satisfies` it; the preload and browser-mode clients are derived from it.
import { z } from 'zod';
import {
  acceptPlan,
  calendarOverride,
  calendarRange,
  checkIn,
  complianceQuery,
  conferenceFields,
  conferenceFilter,
  conferencePageRequest,
  mediaFields,
  planRequest,
  quotaRuleFields,
} from './conference-schemas';
import type {
  CalendarView,
  ComplianceReport,
  ConferenceDetail,
  ConferencePage,
  ConferenceRow,
  Dashboard,
  MediaOutlet,
  PlanView,
  QuotaRuleView,
} from './conference-types';
import type { RenderableDocument } from './document-model';
import {
  answerFields,
  answerFilter,
  documentFields,
  documentFilter,
  documentPageRequest,
  exportTarget,
  officeFields,
  talkingPoints,
  templateFields,
  uploadedFile,
} from './document-schemas';
import type {
  AnswerView,
  DocumentDetail,
  DocumentPage,
  DocumentRow,
  OfficeSettings,
  TemplateView,
  VersionDiff,
  WrittenFile,
} from './document-types';
import type { CalendarOverride } from './domain/calendar';
import { gradeSettings, opinionFields, opinionFilter, portalEntryFields, releaseChannels } from './opinion-schemas';
import type {
  Assessment,
  GradeView,
  OpinionView,
  PortalEntryView,
  PortalExportView,
  PortalPlan,
  ResponseStats,
} from './opinion-types';
import type { Pack, PackComparison, PackSummary } from './pack-types';
import type { RosterPreview } from './roster-types';
import { date, departmentFields, departmentFilter, id, personFields, trainingFields } from './schemas';
import type { FilledTemplate, TemplateIssue } from './templates/engine';
import { LIMITS, optionalText, requiredText, text } from './text';
import type {
  AppInfo,
  AppSettings,
  AuditFacets,
  AuditPage,
  BackupView,
  Department,
  DepartmentDetail,
  DepartmentRow,
  Person,
  Training,
} from './types';

/** A phantom marker carrying the output type; it holds no value at run time. */
function returns<T>(): T {
  return undefined as T;
}

const byId = z.object({ id });

const auditFilter = z.object({
  actor: text(LIMITS.name).optional(),
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  entityId: z.string().max(200).optional(),
  from: date.optional(),
  to: date.optional(),
});

export const contract = {
  'app.info': { input: z.object({}).default({}), output: returns<AppInfo>() },
  'settings.get': { input: z.object({}).default({}), output: returns<AppSettings>() },
  'settings.update': {
    input: z
      .object({
        language: z.enum(['zh-CN', 'en-US']).optional(),
        userName: requiredText(LIMITS.name).optional(),
      })
      .strict(),
    output: returns<AppSettings>(),
  },

  'departments.list': { input: departmentFilter, output: returns<DepartmentRow[]>() },
  'departments.get': { input: byId, output: returns<DepartmentDetail>() },
  'departments.create': { input: departmentFields, output: returns<Department>() },
  'departments.update': { input: z.object({ id, fields: departmentFields }), output: returns<Department>() },
  'departments.merge': { input: z.object({ id, intoId: id }), output: returns<Department>() },
  'departments.archive': { input: byId, output: returns<Department>() },
  'departments.restore': { input: byId, output: returns<Department>() },
  'departments.remove': { input: byId, output: returns<{ id: string }>() },

  'people.create': { input: personFields, output: returns<Person>() },
  'people.update': { input: z.object({ id, fields: personFields }), output: returns<Person>() },
  'people.archive': { input: z.object({ id, archived: z.boolean() }), output: returns<Person>() },
  'people.remove': { input: byId, output: returns<{ id: string }>() },

  'trainings.create': { input: trainingFields, output: returns<Training>() },
  'trainings.remove': { input: byId, output: returns<{ id: string }>() },

  /** The whole filtered list (up to `limit`, 100,000 by default), newest first. */
  'conferences.list': { input: conferenceFilter, output: returns<ConferenceRow[]>() },
  /** One page of the same list, in the same order, with the total: what the list page scrolls through. */
  'conferences.page': { input: conferencePageRequest, output: returns<ConferencePage>() },
  'conferences.get': { input: byId, output: returns<ConferenceDetail>() },
  'conferences.create': { input: conferenceFields, output: returns<ConferenceDetail>() },
  'conferences.update': {
    input: z.object({ id, fields: conferenceFields, reason: optionalText(1000) }),
    output: returns<ConferenceDetail>(),
  },
  'conferences.cancel': { input: z.object({ id, reason: requiredText(1000) }), output: returns<ConferenceDetail>() },
  /** Returns the new, planned conference; the old one is cancelled with the link kept. */
  'conferences.postpone': {
    input: z.object({
      id,
      date,
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .nullish(),
      reason: optionalText(1000),
    }),
    output: returns<ConferenceDetail>(),
  },
  'conferences.checkIn': { input: checkIn, output: returns<ConferenceDetail>() },
  'conferences.topics': { input: z.object({}).default({}), output: returns<string[]>() },
  'conferences.setTopics': {
    input: z.object({ topics: z.array(requiredText(100)).min(1).max(50) }),
    output: returns<string[]>(),
  },

  'media.list': { input: z.object({}).default({}), output: returns<MediaOutlet[]>() },
  'media.create': { input: mediaFields, output: returns<MediaOutlet>() },
  'media.update': {
    input: z.object({ id, fields: mediaFields, archived: z.boolean().optional() }),
    output: returns<MediaOutlet>(),
  },

  'compliance.year': { input: complianceQuery, output: returns<ComplianceReport>() },
  'dashboard.get': { input: z.object({ asOf: date.nullish() }).default({}), output: returns<Dashboard>() },
  'planner.propose': { input: planRequest, output: returns<PlanView>() },
  'planner.accept': { input: acceptPlan, output: returns<{ ids: string[] }>() },
  'calendar.days': { input: calendarRange, output: returns<CalendarView>() },
  'calendar.setOverride': { input: calendarOverride, output: returns<{ date: string }>() },
  'calendar.overrides': { input: z.object({}).default({}), output: returns<CalendarOverride[]>() },
  'rules.list': { input: z.object({}).default({}), output: returns<QuotaRuleView[]>() },
  'rules.create': { input: quotaRuleFields, output: returns<QuotaRuleView>() },
  'rules.remove': { input: byId, output: returns<{ id: string }>() },

  'office.get': { input: z.object({}).default({}), output: returns<OfficeSettings & { defaultExportDir: string }>() },
  'office.update': { input: officeFields, output: returns<OfficeSettings & { defaultExportDir: string }>() },

  /** Up to 2,000, newest first: for pickers and other screens that want the documents at once. */
  'documents.list': { input: documentFilter, output: returns<DocumentRow[]>() },
  /** The document list page: a page of the filtered documents and the count of all of them. */
  'documents.page': { input: documentPageRequest, output: returns<DocumentPage>() },
  'documents.get': { input: byId, output: returns<DocumentDetail>() },
  /** With `templateId`, an empty body (and title) is filled from the template and the linked records. */
  'documents.create': {
    input: z.object({ fields: documentFields, templateId: optionalText(100) }),
    output: returns<DocumentDetail>(),
  },
  'documents.update': {
    input: z.object({
      id,
      fields: documentFields,
      // The version the user edited: a newer one saved meanwhile is a conflict, not a silent overwrite.
      expectedVersion: z.number().int().min(1).optional(),
      note: optionalText(LIMITS.shortText),
    }),
    output: returns<DocumentDetail>(),
  },
  'documents.review': {
    input: z.object({
      id,
      action: z.enum(['submit', 'approve', 'return', 'release', 'reopen']),
      comment: optionalText(LIMITS.notes),
      confidentialityBy: optionalText(LIMITS.name),
      agencyConfirmation: optionalText(LIMITS.shortText),
    }),
    output: returns<DocumentDetail>(),
  },
  'documents.remove': { input: byId, output: returns<{ id: string }>() },
  'documents.diff': {
    input: z.object({ id, from: z.number().int().min(1), to: z.number().int().min(1) }),
    output: returns<VersionDiff>(),
  },
  /** The document as it will print: blocks, signature, 附注, draft mark. */
  'documents.preview': { input: byId, output: returns<RenderableDocument>() },
  'documents.export': { input: exportTarget.extend({ id }), output: returns<WrittenFile>() },

  'templates.list': { input: z.object({}).default({}), output: returns<TemplateView[]>() },
  /** Copies a template (built-in or not) into an editable one. */
  'templates.copy': { input: z.object({ id, name: optionalText(LIMITS.name) }), output: returns<TemplateView>() },
  /** Saves an edited copy; an unknown placeholder or broken braces refuse the save, naming the line. */
  'templates.update': { input: z.object({ id, fields: templateFields }), output: returns<TemplateView>() },
  'templates.remove': { input: byId, output: returns<{ id: string }>() },
  /** A template (stored, or the text being edited) filled from the records it would be used with. */
  'templates.preview': {
    input: z.object({
      templateId: optionalText(100),
      title: text(LIMITS.title).optional(),
      body: text(LIMITS.body).optional(),
      conferenceId: id.nullish(),
      departmentId: id.nullish(),
      personId: id.nullish(),
      year: z.number().int().min(2000).max(2100).nullish(),
    }),
    output: returns<FilledTemplate & { issues: TemplateIssue[] }>(),
  },

  'answers.list': { input: answerFilter, output: returns<AnswerView[]>() },
  'answers.create': { input: answerFields, output: returns<AnswerView>() },
  'answers.update': { input: z.object({ id, fields: answerFields }), output: returns<AnswerView>() },
  /** Marks the answer as reviewed today (current for another 90 days). */
  'answers.review': { input: byId, output: returns<AnswerView>() },
  'answers.archive': { input: z.object({ id, archived: z.boolean() }), output: returns<AnswerView>() },
  'answers.versions': {
    input: byId,
    output: returns<{ version: number; question: string; answer: string; author: string; at: string }[]>(),
  },

  'compliance.export': {
    input: exportTarget.extend({
      year: z.number().int().min(2000).max(2100),
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullish(),
      asOf: date.nullish(),
      format: z.enum(['docx', 'xlsx']),
    }),
    output: returns<WrittenFile>(),
  },

  /** Reads a roster (.xlsx or .csv) and shows what importing it would do; writes nothing. */
  'roster.preview': { input: uploadedFile, output: returns<RosterPreview>() },
  /** Imports every row of a roster, or none when any row has a problem. */
  'roster.import': { input: uploadedFile, output: returns<{ created: number; updated: number; unchanged: number }>() },

  /** Office: writes a department's pack (.json to open in the app, .docx to read). */
  'packs.export': {
    input: exportTarget.extend({ departmentId: id }),
    output: returns<{ json: WrittenFile; docx: WrittenFile; documents: number; answers: number }>(),
  },
  'packs.list': { input: z.object({}).default({}), output: returns<PackSummary[]>() },
  'packs.get': { input: byId, output: returns<Pack>() },
  /** Department: opens a pack the office sent. */
  'packs.open': { input: uploadedFile, output: returns<PackSummary>() },
  'packs.saveItem': {
    input: z.object({
      packId: id,
      edit: z.discriminatedUnion('type', [
        z.object({
          type: z.literal('document'),
          id,
          title: requiredText(LIMITS.title),
          body: text(LIMITS.body),
          talkingPoints: talkingPoints.nullable(),
        }),
        z.object({
          type: z.literal('answer'),
          id,
          question: requiredText(LIMITS.notes),
          answer: requiredText(LIMITS.notes),
        }),
      ]),
    }),
    output: returns<Pack>(),
  },
  /** Department: writes the reply for the office. */
  'packs.return': {
    input: exportTarget.extend({ packId: id }),
    output: returns<{ json: WrittenFile; docx: WrittenFile }>(),
  },
  /** Office: what a returned pack would change. Writes nothing. */
  'packs.compare': { input: uploadedFile, output: returns<PackComparison>() },
  'packs.accept': {
    input: uploadedFile.extend({
      items: z
        .array(z.object({ type: z.enum(['document', 'answer']), id }))
        .min(1)
        .max(10_000),
    }),
    output: returns<{ accepted: number }>(),
  },

  'documents.channels': { input: byId, output: returns<{ channel: ReleaseChannelName; date: string }[]>() },
  /** Replaces the channels an approved or released document went out through (政府公报, 微博 …). */
  'documents.setChannels': {
    input: z.object({ id, channels: releaseChannels }),
    output: returns<{ channel: ReleaseChannelName; date: string }[]>(),
  },

  'opinions.list': { input: opinionFilter, output: returns<OpinionView[]>() },
  'opinions.get': { input: byId, output: returns<OpinionView>() },
  'opinions.create': { input: opinionFields, output: returns<OpinionView>() },
  'opinions.update': { input: z.object({ id, fields: opinionFields }), output: returns<OpinionView>() },
  'opinions.remove': { input: byId, output: returns<{ id: string }>() },
  /** Plans a press conference answering the item; the item links to it. */
  'opinions.conference': {
    input: z.object({
      id,
      date,
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .nullish()
        .transform((v) => v ?? null),
      title: optionalText(LIMITS.title),
    }),
    output: returns<OpinionView>(),
  },
  'opinions.stats': {
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: returns<ResponseStats>(),
  },
  'opinions.grades': { input: z.object({}).default({}), output: returns<GradeView[]>() },
  'opinions.setGrades': { input: gradeSettings, output: returns<GradeView[]>() },

  /** What the next portal package would hold. Writes nothing. */
  'portal.plan': { input: z.object({}).default({}), output: returns<PortalPlan>() },
  /** Writes the next package into DIR/<sequence>-<time>/ (default: the export folder's "portal"). */
  'portal.export': {
    input: z.object({ dir: text(1000).nullish(), full: z.boolean().optional(), zip: z.boolean().optional() }),
    output: returns<PortalExportResultView>(),
  },
  'portal.progress': {
    input: z.object({}).default({}),
    output: returns<{ phase: 'render' | 'write' | 'zip' | 'done'; done: number; total: number } | null>(),
  },
  'portal.history': { input: z.object({}).default({}), output: returns<PortalExportView[]>() },
  /** Writes a past package again, exactly, from the export log. */
  'portal.recreate': {
    input: z.object({ sequence: z.number().int().min(1), dir: text(1000).nullish() }),
    output: returns<{ folder: string }>(),
  },
  'portal.verify': {
    input: z.object({ path: requiredText(1000) }),
    output: returns<{ ok: boolean; problems: string[]; items: number; files: number; sequence: number | null }>(),
  },
  'portal.entry': { input: z.object({ documentId: id }), output: returns<PortalEntryView>() },
  'portal.updateEntry': {
    input: z.object({ documentId: id, fields: portalEntryFields }),
    output: returns<PortalEntryView>(),
  },

  'assessment.year': {
    input: z.object({ year: z.number().int().min(2000).max(2100), asOf: date.nullish() }),
    output: returns<Assessment>(),
  },
  'assessment.export': {
    input: exportTarget.extend({
      year: z.number().int().min(2000).max(2100),
      asOf: date.nullish(),
      format: z.enum(['docx', 'xlsx']),
    }),
    output: returns<WrittenFile>(),
  },

  'audit.list': {
    input: auditFilter.extend({
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: returns<AuditPage>(),
  },
  'audit.facets': { input: z.object({}).default({}), output: returns<AuditFacets>() },
  /** CSV text (UTF-8 with BOM) of the filtered trail, for the office to save. */
  'audit.export': { input: auditFilter, output: returns<{ fileName: string; csv: string; rows: number }>() },

  'backups.list': { input: z.object({}).default({}), output: returns<BackupView[]>() },
  'backups.create': { input: z.object({}).default({}), output: returns<BackupView>() },
  /** Restores a backup of the backups folder, by name only; the current file is kept aside. */
  'backups.restore': {
    input: z.object({
      name: z.string().regex(/^press-office-\d{8}T\d{6}Z(?:-\d+)?-[a-z-]+\.db$/, { message: 'is not a backup name' }),
    }),
    output: returns<{ asidePath: string | null }>(),
  },
} as const;

/** Operations whose handlers return a promise: callers use dispatchAsync. */
export const ASYNC_METHODS: ReadonlySet<Method> = new Set([
  'backups.create',
  'backups.restore',
  'documents.export',
  'compliance.export',
  'packs.export',
  'packs.return',
  'roster.preview',
  'roster.import',
  'portal.export',
  'portal.verify',
  'assessment.export',
]);

export type ReleaseChannelName = 'portal' | 'gazette' | 'weibo' | 'wechat' | 'daily' | 'broadcast';

export interface PortalExportResultView {
  /** False when nothing changed since the last package (an incremental export writes nothing then). */
  written: boolean;
  sequence: number | null;
  folder: string | null;
  zip: string | null;
  added: number;
  changed: number;
  withdrawn: number;
  items: number;
  manifestSha256: string | null;
}

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
