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
  mediaFields,
  planRequest,
  quotaRuleFields,
} from './conference-schemas';
import type {
  CalendarView,
  ComplianceReport,
  ConferenceDetail,
  ConferenceRow,
  Dashboard,
  MediaOutlet,
  PlanView,
  QuotaRuleView,
} from './conference-types';
import type { CalendarOverride } from './domain/calendar';
import { date, departmentFields, departmentFilter, id, personFields, trainingFields } from './schemas';
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

  'conferences.list': { input: conferenceFilter, output: returns<ConferenceRow[]>() },
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
export const ASYNC_METHODS: ReadonlySet<Method> = new Set(['backups.create', 'backups.restore']);

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
