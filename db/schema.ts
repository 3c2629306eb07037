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
    ...timestamps,
  },
  (t) => [index('conferences_date_idx').on(t.date)],
);

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
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
