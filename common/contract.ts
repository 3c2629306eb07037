// The API contract: every operation named once, with its input schema and its output type.
// Main's handler table `satisfies` it; the preload and browser-mode clients are derived from it.
import { z } from 'zod';
import { departmentFields, departmentFilter, id, personFields, trainingFields } from './schemas';
import { LIMITS, requiredText } from './text';
import type {
  AppInfo,
  AppSettings,
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
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
