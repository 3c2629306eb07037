// Main's handler table. `satisfies Handlers` makes a missing, extra or mistyped handler a compile error.
import type { Method, Output, ParsedInput } from '../common/contract';
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
  createPerson,
  createTraining,
  deletePerson,
  deleteTraining,
  setPersonArchived,
  updatePerson,
} from '../db/queries/people';
import { makeStamp, type ServiceContext } from './context';
import { currentActor, readSettings, updateSettings } from './settings';
import { localDate } from '../common/dates';
import pkg from '../package.json';

export type Handlers = {
  [M in Method]: (ctx: ServiceContext, input: ParsedInput<M>) => Output<M>;
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
} satisfies Handlers;
