// Main's handler table. `satisfies Handlers` makes a missing, extra or mistyped handler a compile error.
import type { Method, Output, ParsedInput } from '../common/contract';
import { addDays, localDate } from '../common/dates';
import { auditFacets, listAudit } from '../db/queries/audit-log';
import { listCalendarOverrides, setCalendarOverride } from '../db/queries/calendar-overrides';
import {
  cancelConference,
  checkInConference,
  createConference,
  postponeConference,
  updateConference,
} from '../db/queries/conference-lifecycle';
import { getConferenceDetail, listConferences } from '../db/queries/conference-list';
import {
  createDepartment,
  deleteDepartment,
  getDepartmentDetail,
  listDepartments,
  mergeDepartment,
  setDepartmentArchived,
  updateDepartment,
} from '../db/queries/departments';
import { createMedia, listMedia, updateMedia } from '../db/queries/media';
import {
  createPerson,
  createTraining,
  deletePerson,
  deleteTraining,
  setPersonArchived,
  updatePerson,
} from '../db/queries/people';
import { createQuotaRule, deleteQuotaRule, listQuotaRules } from '../db/queries/quota-rules';
import pkg from '../package.json';
import { auditRange, exportAuditCsv } from './audit-export';
import { backupViews, createManualBackup, restoreNamedBackup } from './backup-service';
import { complianceReport } from './compliance';
import { makeStamp, type ServiceContext } from './context';
import { dashboard } from './dashboard';
import { acceptProposals, officeCalendar, proposePlan } from './planning';
import { currentActor, readSettings, readTopics, updateSettings, writeTopics } from './settings';

export type Handlers = {
  [M in Method]: (ctx: ServiceContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
};

const stamp = (ctx: ServiceContext) => makeStamp(ctx, currentActor(ctx));
const today = (ctx: ServiceContext) => localDate(ctx.now());

export const handlers = {
  'app.info': (ctx) => ({
    version: pkg.version,
    dbPath: ctx.dbPath,
    schemaVersion: ctx.schemaVersion,
    mode: ctx.mode === 'electron' ? 'electron' : 'browser',
  }),
  'settings.get': (ctx) => readSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),

  'departments.list': (ctx, filter) => listDepartments(ctx.db, filter, today(ctx)),
  'departments.get': (ctx, { id }) => getDepartmentDetail(ctx.db, id, today(ctx)),
  'departments.create': (ctx, fields) => createDepartment(ctx.db, stamp(ctx), fields),
  'departments.update': (ctx, { id, fields }) => updateDepartment(ctx.db, stamp(ctx), id, fields),
  'departments.merge': (ctx, { id, intoId }) => mergeDepartment(ctx.db, stamp(ctx), id, intoId),
  'departments.archive': (ctx, { id }) => setDepartmentArchived(ctx.db, stamp(ctx), id, true),
  'departments.restore': (ctx, { id }) => setDepartmentArchived(ctx.db, stamp(ctx), id, false),
  'departments.remove': (ctx, { id }) => {
    deleteDepartment(ctx.db, stamp(ctx), id);
    return { id };
  },

  'people.create': (ctx, fields) => createPerson(ctx.db, stamp(ctx), fields),
  'people.update': (ctx, { id, fields }) => updatePerson(ctx.db, stamp(ctx), id, fields),
  'people.archive': (ctx, { id, archived }) => setPersonArchived(ctx.db, stamp(ctx), id, archived),
  'people.remove': (ctx, { id }) => {
    deletePerson(ctx.db, stamp(ctx), id);
    return { id };
  },

  'trainings.create': (ctx, fields) => createTraining(ctx.db, stamp(ctx), fields),
  'trainings.remove': (ctx, { id }) => {
    deleteTraining(ctx.db, stamp(ctx), id);
    return { id };
  },

  'conferences.list': (ctx, filter) => listConferences(ctx.db, filter),
  'conferences.get': (ctx, { id }) => getConferenceDetail(ctx.db, id, today(ctx)),
  'conferences.create': (ctx, fields) =>
    getConferenceDetail(ctx.db, createConference(ctx.db, stamp(ctx), fields), today(ctx)),
  'conferences.update': (ctx, { id, fields, reason }) => {
    updateConference(ctx.db, stamp(ctx), id, fields, reason);
    return getConferenceDetail(ctx.db, id, today(ctx));
  },
  'conferences.cancel': (ctx, { id, reason }) => {
    cancelConference(ctx.db, stamp(ctx), id, reason);
    return getConferenceDetail(ctx.db, id, today(ctx));
  },
  'conferences.postpone': (ctx, { id, date, time, reason }) =>
    getConferenceDetail(ctx.db, postponeConference(ctx.db, stamp(ctx), id, date, time ?? null, reason), today(ctx)),
  'conferences.checkIn': (ctx, input) => {
    checkInConference(ctx.db, stamp(ctx), input);
    return getConferenceDetail(ctx.db, input.id, today(ctx));
  },
  'conferences.topics': (ctx) => readTopics(ctx),
  'conferences.setTopics': (ctx, { topics }) => writeTopics(ctx, topics),

  'media.list': (ctx) => listMedia(ctx.db),
  'media.create': (ctx, fields) => createMedia(ctx.db, stamp(ctx), fields),
  'media.update': (ctx, { id, fields, archived }) =>
    updateMedia(ctx.db, stamp(ctx), id, archived === undefined ? fields : { ...fields, archived }),

  'compliance.year': (ctx, q) => complianceReport(ctx, q),
  'dashboard.get': (ctx, { asOf }) => dashboard(ctx, asOf),
  'planner.propose': (ctx, req) => proposePlan(ctx, req),
  'planner.accept': (ctx, { proposals }) => ({ ids: acceptProposals(ctx, stamp(ctx), proposals) }),
  'calendar.days': (ctx, { from, to }) => {
    const calendar = officeCalendar(ctx.db);
    const days = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(calendar.day(d));
    return { days, coveredYears: [...calendar.coveredYears].sort((a, b) => a - b) };
  },
  'calendar.setOverride': (ctx, o) => {
    setCalendarOverride(ctx.db, stamp(ctx), o);
    return { date: o.date };
  },
  'calendar.overrides': (ctx) => listCalendarOverrides(ctx.db),
  'rules.list': (ctx) => listQuotaRules(ctx.db),
  'rules.create': (ctx, rule) => createQuotaRule(ctx.db, stamp(ctx), rule),
  'rules.remove': (ctx, { id }) => {
    deleteQuotaRule(ctx.db, stamp(ctx), id);
    return { id };
  },

  'audit.list': (ctx, filter) => listAudit(ctx.db, auditRange(filter)),
  'audit.facets': (ctx) => auditFacets(ctx.db),
  'audit.export': (ctx, filter) => exportAuditCsv(ctx, filter),

  'backups.list': (ctx) => backupViews(ctx),
  'backups.create': (ctx) => createManualBackup(ctx),
  'backups.restore': (ctx, { name }) => restoreNamedBackup(ctx, name),
} satisfies Handlers;
