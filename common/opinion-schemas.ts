// Input schemas of the public-opinion register (舆情) and the portal package settings.
import { z } from 'zod';
import { id } from './schemas';
import { LIMITS, optionalText, requiredText, text } from './text';

export const OPINION_CHANNELS = ['website', 'weibo', 'wechat', 'hotline', 'petition', 'media', 'other'] as const;
export const OPINION_GRADES = ['general', 'major', 'severe'] as const;
export const OPINION_RESPONSES = ['online_release', 'expert', 'conference', 'interview'] as const;
export const OPINION_STATUSES = ['open', 'answering', 'answered', 'closed'] as const;
export const RELEASE_CHANNELS = ['portal', 'gazette', 'weibo', 'wechat', 'daily', 'broadcast'] as const;

export type OpinionGrade = (typeof OPINION_GRADES)[number];
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

/** An instant with its offset, e.g. 2026-11-27T09:30:00+08:00. */
export const instant = z.iso.datetime({ offset: true, message: 'must be a date and time with its offset' });
const optionalInstant = z
  .union([instant, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
const optionalId = id.nullish().transform((v) => v ?? null);

export const opinionFields = z.object({
  source: requiredText(LIMITS.shortText),
  channel: z.enum(OPINION_CHANNELS),
  summary: requiredText(1000),
  topic: optionalText(100),
  link: optionalText(2000).refine((l) => l === null || /^https?:\/\/\S+$/i.test(l), {
    message: 'must be a web address starting with http:// or https://',
  }),
  detectedAt: instant,
  grade: z.enum(OPINION_GRADES),
  judgement: optionalText(LIMITS.notes),
  reaction: optionalText(LIMITS.notes),
  mediaInvolvement: optionalText(LIMITS.notes),
  departmentId: optionalId,
  response: z
    .enum(OPINION_RESPONSES)
    .nullish()
    .transform((v) => v ?? null),
  answeredAt: optionalInstant,
  documentId: optionalId,
  conferenceId: optionalId,
  status: z.enum(OPINION_STATUSES).default('open'),
  reportedTo: optionalText(LIMITS.name),
  reportedAt: optionalInstant,
  notes: optionalText(LIMITS.notes),
});
export type OpinionFields = z.input<typeof opinionFields>;

export const opinionFilter = z
  .object({
    search: text(LIMITS.title).optional(),
    grade: z.enum(OPINION_GRADES).optional(),
    status: z.enum(OPINION_STATUSES).optional(),
    departmentId: id.optional(),
    overdueOnly: z.boolean().optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .default({});

/** The office's grades: what each means and how many hours it leaves for the answer. */
export const gradeSettings = z.object({
  general: z.object({
    definition: text(1000),
    deadlineHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
  major: z.object({
    definition: text(1000),
    deadlineHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
  severe: z.object({
    definition: text(1000),
    deadlineHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  }),
});
export type GradeSettings = z.output<typeof gradeSettings>;

/** Disclosure metadata of a document on the portal that the office may edit. */
export const portalEntryFields = z.object({
  topicCategory: optionalText(100),
  disclosure: z.enum(['主动公开', '依申请公开', '不予公开']).default('主动公开'),
  summary: optionalText(100).refine((s) => s === null || Array.from(s).length <= 100, {
    message: 'must be at most 100 characters',
  }),
});

export const releaseChannels = z
  .array(z.object({ channel: z.enum(RELEASE_CHANNELS), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }))
  .max(RELEASE_CHANNELS.length);

/** The office code in 索引号 (e.g. 11371100MB2837461X): letters, digits and dashes only. */
export const indexCode = requiredText(40).regex(/^[A-Za-z0-9-]+$/, {
  message: 'may hold only letters, digits and dashes',
});
