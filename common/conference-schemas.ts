// Input schemas of conferences, attendance, media, planning and compliance.
import { z } from 'zod';
import { date, id, ROLES } from './schemas';
import { LIMITS, optionalText, requiredText, text } from './text';

export const ORGANIZERS = ['city', 'department'] as const;
export const CONFERENCE_KINDS = ['city_routine', 'department_routine', 'ad_hoc', 'emergency'] as const;
export const CONFERENCE_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const MEDIA_KINDS = ['newspaper', 'broadcast', 'website', 'new_media', 'agency', 'other'] as const;
export const QUOTA_KINDS = ['department_conferences', 'responsible_attendance', 'head_attendance'] as const;

/** 市级新闻发布厅: where the city's conferences are held unless said otherwise. */
export const DEFAULT_VENUE = '市级新闻发布厅';
export const DEFAULT_TOPICS = ['市政府常务会议', '经济社会发展运行', '重点工作', '重要政策', '社会热点', '突发事件'];

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' })
  .nullish()
  .or(z.literal(''))
  .transform((t) => (t ? t : null));

export const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const year = z.number().int().min(2000).max(2100);

export const speaker = z.object({
  personId: id,
  role: z.enum(ROLES),
  /** The department the appearance counts for; default the person's. */
  departmentId: id.nullish(),
});

export const conferenceFields = z
  .object({
    title: requiredText(LIMITS.title),
    date,
    time,
    venue: optionalText(LIMITS.shortText),
    organizer: z.enum(ORGANIZERS),
    hostDepartmentId: id.nullish(),
    departmentIds: z.array(id).max(LIMITS.listItems).default([]),
    topics: z.array(requiredText(100)).max(50).default([]),
    kind: z.enum(CONFERENCE_KINDS).nullish(),
    speakers: z.array(speaker).max(LIMITS.listItems).default([]),
    mediaIds: z.array(id).max(LIMITS.listItems).default([]),
    notes: optionalText(LIMITS.notes),
  })
  .refine((c) => c.organizer === 'city' || Boolean(c.hostDepartmentId), {
    message: 'a department conference needs its host department',
    path: ['hostDepartmentId'],
  });
export type ConferenceFields = z.input<typeof conferenceFields>;

/** What the conference list can be narrowed by; the server filters, and always orders newest first. */
const conferenceListFilter = {
  from: date.optional(),
  to: date.optional(),
  status: z.enum(CONFERENCE_STATUSES).optional(),
  organizer: z.enum(ORGANIZERS).optional(),
  departmentId: id.optional(),
  search: text(LIMITS.title).optional(),
};

export const conferenceFilter = z
  .object({ ...conferenceListFilter, limit: z.number().int().min(1).max(100_000).optional() })
  .default({});

/** The most conferences one page of the list carries. */
export const CONFERENCE_PAGE_MAX = 500;

/**
 * One page of the filtered list (新闻发布会 at a decade's scale): rows `offset` to `offset + limit - 1` in the
 * list's order, with the count of all that match. Both are required: a page is asked for by position.
 */
export const conferencePageRequest = z.object({
  ...conferenceListFilter,
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(CONFERENCE_PAGE_MAX),
});

export const checkIn = z.object({
  id,
  attendance: z
    .array(
      z.object({
        personId: id,
        role: z.enum(ROLES),
        departmentId: id.nullish(),
        status: z.enum(['attended', 'absent']),
        substituteForPersonId: id.nullish(),
      }),
    )
    .max(LIMITS.listItems),
  media: z
    .array(z.object({ mediaId: id, attended: z.boolean() }))
    .max(LIMITS.listItems)
    .default([]),
  /** Required when the conference's quarter has ended. */
  reason: optionalText(1000),
});

export const mediaFields = z.object({
  name: requiredText(LIMITS.name),
  kind: z.enum(MEDIA_KINDS),
  contactPerson: optionalText(LIMITS.name),
  phone: optionalText(LIMITS.phone),
  email: optionalText(LIMITS.email),
  notes: optionalText(LIMITS.notes),
});

export const complianceQuery = z.object({
  year,
  quarter: quarter.nullish(),
  asOf: date.nullish(),
});

export const planRequest = z.object({
  year,
  quarter: quarter.nullish(),
  departmentIds: z.array(id).max(LIMITS.listItems).nullish(),
  capacity: z.number().int().min(1).max(50).default(4),
});

export const acceptPlan = z.object({
  proposals: z
    .array(
      z.object({
        date,
        time,
        title: requiredText(LIMITS.title),
        departmentIds: z.array(id).min(1).max(LIMITS.listItems),
        speakers: z.array(speaker).max(LIMITS.listItems),
      }),
    )
    .min(1)
    .max(200),
});

export const quotaRuleFields = z.object({
  kind: z.enum(QUOTA_KINDS),
  minimum: z.number().int().min(0).max(100),
  effectiveFrom: date,
  source: optionalText(LIMITS.shortText),
});

export const calendarRange = z
  .object({ from: date, to: date })
  .refine((r) => r.from <= r.to, { message: 'range ends before it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
    message: 'at most 400 days at once',
    path: ['to'],
  });

export const calendarOverride = z.object({
  date,
  kind: z.enum(['holiday', 'workday']).nullable(),
  name: optionalText(100),
});
