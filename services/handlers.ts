// Main's handler table. `satisfies Handlers` makes a missing, extra or mistyped handler a compile error.

import { join } from 'node:path';
import type { Method, Output, ParsedInput } from '../common/contract';
import { addDays, localDate } from '../common/dates';
import {
  answerVersionList,
  archiveAnswer,
  createAnswer,
  listAnswers,
  markAnswerReviewed,
  updateAnswer,
} from '../db/queries/answers';
import { auditFacets, listAudit } from '../db/queries/audit-log';
import { listCalendarOverrides, setCalendarOverride } from '../db/queries/calendar-overrides';
import {
  cancelConference,
  checkInConference,
  createConference,
  postponeConference,
  updateConference,
} from '../db/queries/conference-lifecycle';
import { getConferenceDetail, listConferences, pageConferences } from '../db/queries/conference-list';
import {
  createDepartment,
  deleteDepartment,
  getDepartmentDetail,
  listDepartments,
  mergeDepartment,
  setDepartmentArchived,
  updateDepartment,
} from '../db/queries/departments';
import {
  createDocument,
  getDocumentDetail,
  listDocuments,
  pageDocuments,
  removeDocument,
  reviewDocument,
  updateDocument,
} from '../db/queries/documents';
import { createMedia, listMedia, updateMedia } from '../db/queries/media';
import { getOpinion, listOpinions, removeOpinion } from '../db/queries/opinions';
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
import { assessment, exportAssessment } from './assessment';
import { auditRange, exportAuditCsv } from './audit-export';
import { backupViews, createManualBackup, restoreNamedBackup } from './backup-service';
import { complianceReport } from './compliance';
import { exportCompliance } from './compliance-export';
import { makeStamp, type ServiceContext } from './context';
import { dashboard, dashboardSteps } from './dashboard';
import {
  copyTemplate,
  draftFromTemplate,
  listTemplates,
  previewTemplate,
  removeTemplate,
  updateTemplate,
} from './document-templates';
import { documentContent, exportDocument, renderableDocument, versionDiff } from './documents';
import {
  acceptPack,
  comparePack,
  exportPack,
  getPack,
  listPacks,
  openPack,
  returnPack,
  savePackItem,
} from './exchange-pack';
import { exportDir, readOffice, writeOffice } from './office';
import { conferenceForOpinion, gradeViews, responseStats, saveOpinion, writeGrades } from './opinions';
import { acceptProposals, officeCalendar, proposePlan } from './planning';
import { documentChannelList, portalEntry, setDocumentChannels, updatePortalEntry } from './portal/entries';
import { exportPortal, listPortalExports, portalProgress, recreatePortal } from './portal/export';
import { computePlan, planView } from './portal/plan';
import { verifyPortal } from './portal/verify';
import { importRoster, previewRoster } from './roster-import';
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
  'conferences.page': (ctx, request) => pageConferences(ctx.db, request),
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

  'office.get': (ctx) => ({ ...readOffice(ctx), defaultExportDir: exportDir(ctx) }),
  'office.update': (ctx, fields) => {
    writeOffice(ctx, fields);
    return { ...readOffice(ctx), defaultExportDir: exportDir(ctx) };
  },

  'documents.list': (ctx, filter) => listDocuments(ctx.db, filter),
  'documents.page': (ctx, request) => pageDocuments(ctx.db, request),
  'documents.get': (ctx, { id }) => getDocumentDetail(ctx.db, id, currentActor(ctx)),
  'documents.create': (ctx, { fields, templateId }) => {
    const filled = templateId ? draftFromTemplate(ctx, templateId, fields) : fields;
    const id = createDocument(ctx.db, stamp(ctx), documentContent(ctx, filled));
    return getDocumentDetail(ctx.db, id, currentActor(ctx));
  },
  'documents.update': (ctx, { id, fields, expectedVersion, note }) => {
    updateDocument(ctx.db, stamp(ctx), id, documentContent(ctx, fields), { expectedVersion, note });
    return getDocumentDetail(ctx.db, id, currentActor(ctx));
  },
  'documents.review': (ctx, { id, action, ...options }) => {
    reviewDocument(ctx.db, stamp(ctx), id, action, options);
    return getDocumentDetail(ctx.db, id, currentActor(ctx));
  },
  'documents.remove': (ctx, { id }) => {
    removeDocument(ctx.db, stamp(ctx), id);
    return { id };
  },
  'documents.diff': (ctx, { id, from, to }) => versionDiff(ctx, id, from, to),
  'documents.preview': (ctx, { id }) => renderableDocument(ctx, id),
  'documents.export': (ctx, input) => exportDocument(ctx, input),

  'templates.list': (ctx) => listTemplates(ctx),
  'templates.copy': (ctx, { id, name }) => copyTemplate(ctx, id, name),
  'templates.update': (ctx, { id, fields }) => updateTemplate(ctx, id, fields),
  'templates.remove': (ctx, { id }) => removeTemplate(ctx, id),
  'templates.preview': (ctx, input) => previewTemplate(ctx, input),

  'answers.list': (ctx, filter) => listAnswers(ctx.db, filter, today(ctx)),
  'answers.create': (ctx, fields) => createAnswer(ctx.db, stamp(ctx), fields),
  'answers.update': (ctx, { id, fields }) => updateAnswer(ctx.db, stamp(ctx), id, fields),
  'answers.review': (ctx, { id }) => markAnswerReviewed(ctx.db, stamp(ctx), id),
  'answers.archive': (ctx, { id, archived }) => archiveAnswer(ctx.db, stamp(ctx), id, archived),
  'answers.versions': (ctx, { id }) =>
    answerVersionList(ctx.db, id).map(({ version, question, answer, author, at }) => ({
      version,
      question,
      answer,
      author,
      at,
    })),

  'compliance.export': (ctx, input) => exportCompliance(ctx, input),

  'roster.preview': (ctx, file) => previewRoster(ctx, file),
  'roster.import': (ctx, file) => importRoster(ctx, file),

  'packs.export': (ctx, input) => exportPack(ctx, input),
  'packs.list': (ctx) => listPacks(ctx),
  'packs.get': (ctx, { id }) => getPack(ctx, id),
  'packs.open': (ctx, file) => openPack(ctx, file),
  'packs.saveItem': (ctx, { packId, edit }) => savePackItem(ctx, packId, edit),
  'packs.return': (ctx, input) => returnPack(ctx, input),
  'packs.compare': (ctx, file) => comparePack(ctx, file),
  'packs.accept': (ctx, input) => acceptPack(ctx, input),

  'documents.channels': (ctx, { id }) => documentChannelList(ctx, id),
  'documents.setChannels': (ctx, { id, channels }) => setDocumentChannels(ctx, id, channels),

  'opinions.list': (ctx, filter) => listOpinions(ctx.db, filter, ctx.now().toISOString()),
  'opinions.get': (ctx, { id }) => getOpinion(ctx.db, id, ctx.now().toISOString()),
  'opinions.create': (ctx, fields) => saveOpinion(ctx, null, fields),
  'opinions.update': (ctx, { id, fields }) => saveOpinion(ctx, id, fields),
  'opinions.remove': (ctx, { id }) => {
    removeOpinion(ctx.db, stamp(ctx), id);
    return { id };
  },
  'opinions.conference': (ctx, input) => conferenceForOpinion(ctx, input),
  'opinions.stats': (ctx, { year }) => responseStats(ctx, year),
  'opinions.grades': (ctx) => gradeViews(ctx),
  'opinions.setGrades': (ctx, grades) => writeGrades(ctx, grades),

  'portal.plan': (ctx) => planView(computePlan(ctx)),
  'portal.export': (ctx, { dir, full, zip }) =>
    exportPortal(ctx, { dir: dir ?? join(exportDir(ctx), 'portal'), full, zip }),
  'portal.progress': () => portalProgress(),
  'portal.history': (ctx) => listPortalExports(ctx),
  'portal.recreate': (ctx, { sequence, dir }) =>
    recreatePortal(ctx, { sequence, dir: dir ?? join(exportDir(ctx), 'portal') }),
  'portal.verify': (_ctx, { path }) => verifyPortal(path),
  'portal.entry': (ctx, { documentId }) => portalEntry(ctx, documentId),
  'portal.updateEntry': (ctx, { documentId, fields }) => updatePortalEntry(ctx, documentId, fields),

  'assessment.year': (ctx, { year, asOf }) => assessment(ctx, year, asOf),
  'assessment.export': (ctx, input) => exportAssessment(ctx, input),

  'audit.list': (ctx, filter) => listAudit(ctx.db, auditRange(filter)),
  'audit.facets': (ctx) => auditFacets(ctx.db),
  'audit.export': (ctx, filter) => exportAuditCsv(ctx, filter),

  'backups.list': (ctx) => backupViews(ctx),
  'backups.create': (ctx) => createManualBackup(ctx),
  'backups.restore': (ctx, { name }) => restoreNamedBackup(ctx, name),
} satisfies Handlers;

/**
 * Handlers that can also run read by read, pausing between reads (see `dashboardSteps`), for an answer
 * computed ahead while other work goes on (dispatch.ts `answerAhead`). Each gives what its handler gives.
 */
export const stepwise: {
  [M in Method]?: (ctx: ServiceContext, input: ParsedInput<M>) => Generator<void, Output<M>>;
} = {
  'dashboard.get': (ctx, { asOf }) => dashboardSteps(ctx, asOf),
};
