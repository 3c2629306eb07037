// Input schemas of the register, shared by the API contract, the data format and the UI forms.
import { z } from 'zod';
import { isValidDate } from './dates';
import { LIMITS, optionalText, requiredText, text } from './text';

export const ROLES = ['head', 'spokesperson', 'deputy'] as const;
export type Role = (typeof ROLES)[number];

export const id = requiredText(100);

export const date = z.string().refine(isValidDate, { message: 'must be a valid date YYYY-MM-DD' });
export const optionalDate = z
  .union([date, z.literal(''), z.null()])
  .optional()
  .transform((d) => (d ? d : null));

export const departmentFields = z
  .object({
    name: requiredText(LIMITS.name),
    fullName: requiredText(LIMITS.name),
    listed: z.boolean().default(true),
    listedFrom: optionalDate,
    listedUntil: optionalDate,
    contactPerson: optionalText(LIMITS.name),
    contactPhone: optionalText(LIMITS.phone),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    notes: optionalText(LIMITS.notes),
  })
  .refine((d) => !d.listedFrom || !d.listedUntil || d.listedFrom <= d.listedUntil, {
    message: 'listing period ends before it starts',
    path: ['listedUntil'],
  });
export type DepartmentFields = z.input<typeof departmentFields>;

export const personFields = z
  .object({
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
  })
  .refine((p) => !p.tenureStart || !p.tenureEnd || p.tenureStart <= p.tenureEnd, {
    message: 'tenure ends before it starts',
    path: ['tenureEnd'],
  });
export type PersonFields = z.input<typeof personFields>;

export const trainingFields = z.object({
  personId: id,
  date,
  course: requiredText(LIMITS.title),
  hours: z.number().min(0).max(10_000).nullish(),
});
export type TrainingFields = z.input<typeof trainingFields>;

export const departmentFilter = z
  .object({
    search: text(LIMITS.name).optional(),
    listed: z.boolean().optional(),
    noSpokesperson: z.boolean().optional(),
    untrainedSpokesperson: z.boolean().optional(),
    includeInactive: z.boolean().optional(),
  })
  .default({});
