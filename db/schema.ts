// Drizzle schema: the single source of the database layout. Migrations in db/migrations are
// generated from this file by drizzle-kit and never edited after they land.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** 部门名册: the departments on (or once on) the city's list. */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(), // short name as the notice writes it, e.g. 市发改委
    fullName: text('full_name').notNull(),
    listed: integer('listed', { mode: 'boolean' }).notNull().default(true),
    listedFrom: text('listed_from'),
    listedUntil: text('listed_until'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    sortOrder: integer('sort_order').notNull().default(0),
    notes: text('notes'),
    // active | merged | archived. Only active departments hold their short name exclusively.
    status: text('status', { enum: ['active', 'merged', 'archived'] })
      .notNull()
      .default('active'),
    mergedIntoId: text('merged_into_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('departments_active_name_uq').on(t.name).where(sql`status = 'active'`),
    index('departments_sort_idx').on(t.sortOrder, t.id),
  ],
);

/** Former names of a department: a rename keeps the old name here. */
export const departmentNames = sqliteTable(
  'department_names',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    // The last day the name was in use.
    until: text('until').notNull(),
  },
  (t) => [index('department_names_department_idx').on(t.departmentId)],
);

/** 主要负责同志 / 新闻发言人 / 相关负责人 of a department. */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    role: text('role', { enum: ['head', 'spokesperson', 'deputy'] }).notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    tenureStart: text('tenure_start'),
    tenureEnd: text('tenure_end'),
    notes: text('notes'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('people_department_idx').on(t.departmentId)],
);

/** 培训记录: spokespersons are trained before taking the post. */
export const trainings = sqliteTable(
  'trainings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    date: text('date').notNull(),
    course: text('course').notNull(),
    hours: real('hours'),
    ...timestamps,
  },
  (t) => [index('trainings_person_idx').on(t.personId, t.date)],
);

/** 新闻发布会. Screens and rules come with the conferences capability; the data is whole now. */
export const conferences = sqliteTable(
  'conferences',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    time: text('time'),
    venue: text('venue'),
    organizer: text('organizer', { enum: ['city', 'department'] }).notNull(),
    hostDepartmentId: text('host_department_id').references(() => departments.id),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] }).notNull(),
    topics: text('topics', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    notes: text('notes'),
    // city_routine | department_routine | ad_hoc | emergency; null: the routine kind of the organizer.
    kind: text('kind', { enum: ['city_routine', 'department_routine', 'ad_hoc', 'emergency'] }),
    cancelReason: text('cancel_reason'),
    // A postponement cancels this conference and plans a new one; both keep the link.
    postponedFromId: text('postponed_from_id'),
    postponedToId: text('postponed_to_id'),
    ...timestamps,
  },
  (t) => [index('conferences_date_idx').on(t.date), index('conferences_status_date_idx').on(t.status, t.date)],
);

/** Speakers booked for a conference (发布人), in speaking order. Check-in turns them into attendance. */
export const conferenceSpeakers = sqliteTable(
  'conference_speakers',
  {
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    role: text('role', { enum: ['head', 'spokesperson', 'deputy'] }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conferenceId, t.personId] }),
    index('conference_speakers_person_idx').on(t.personId),
  ],
);

/** 媒体: outlets invited to conferences (日照日报, 日照广播电视台, news websites …). */
export const mediaOutlets = sqliteTable('media_outlets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['newspaper', 'broadcast', 'website', 'new_media', 'agency', 'other'] }).notNull(),
  contactPerson: text('contact_person'),
  phone: text('phone'),
  email: text('email'),
  notes: text('notes'),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

export const conferenceMedia = sqliteTable(
  'conference_media',
  {
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    mediaId: text('media_id')
      .notNull()
      .references(() => mediaOutlets.id),
    attended: integer('attended', { mode: 'boolean' }),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.mediaId] })],
);

/** The quota minimums as data, so a new notice needs no new release. */
export const quotaRules = sqliteTable('quota_rules', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['department_conferences', 'responsible_attendance', 'head_attendance'] }).notNull(),
  minimum: integer('minimum').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  source: text('source'),
  ...timestamps,
});

/** Office overrides of the working-day calendar (a year the holiday data does not cover yet, local closures). */
export const calendarOverrides = sqliteTable('calendar_overrides', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name'),
  ...timestamps,
});

export const conferenceDepartments = sqliteTable(
  'conference_departments',
  {
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conferenceId, t.departmentId] }),
    index('conference_departments_department_idx').on(t.departmentId),
  ],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['head', 'spokesperson', 'deputy'] }).notNull(),
    // The department the attendance counts for; null means the person's own department.
    departmentId: text('department_id').references(() => departments.id),
    status: text('status', { enum: ['attended', 'absent'] }).notNull(),
    // A deputy standing in for the spokesperson is recorded as the deputy attending, for whom.
    substituteForPersonId: text('substitute_for_person_id').references(() => people.id),
    ...timestamps,
  },
  (t) => [index('attendance_conference_idx').on(t.conferenceId), index('attendance_person_idx').on(t.personId)],
);

/** Key/value settings of this office and this installation (language, user names). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** Who did what and when. Written by the services, never editable from the UI. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    // Why, where the app asks (e.g. attendance changed after its quarter ended).
    reason: text('reason'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
