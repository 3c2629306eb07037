// Drizzle schema: the single source of the database layout. Migrations in db/migrations are
// generated from this file by drizzle-kit and never edited after they land.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  (t) => [
    // Covers the compliance queries (held conferences of a year, with organizer, host and id).
    index('conferences_status_date_idx').on(t.status, t.date, t.organizer, t.hostDepartmentId, t.id),
    index('conferences_host_department_idx').on(t.hostDepartmentId),
    // The conference list's order (newest first, ties by id): scanned backwards it gives date DESC, time DESC,
    // id ASC, so a page's OFFSET steps over index entries instead of sorting the list. It also finds a date
    // range (it replaced `conferences_date_idx` on date alone).
    index('conferences_list_order_idx').on(t.date, t.time, sql`${t.id} DESC`),
  ],
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
    index('conference_speakers_department_idx').on(t.departmentId),
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
  (t) => [
    // Lookups by conference. attendance_quota_idx begins with conference_id too, but its entries are twice as
    // wide: the dashboard's probe of each held conference for attendance took 107–180 ms through it against
    // 53 ms through this one (a decade, measured; migration 0010 had dropped it, 0011 made it again).
    index('attendance_conference_idx').on(t.conferenceId),
    index('attendance_person_idx').on(t.personId),
    index('attendance_department_idx').on(t.departmentId),
    index('attendance_substitute_idx').on(t.substituteForPersonId),
    // Covers the compliance query: a year's attended rows without reading the table.
    index('attendance_quota_idx').on(t.conferenceId, t.status, t.role, t.personId, t.departmentId),
  ],
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

const DOCUMENT_KIND_VALUES = [
  'opening',
  'qa',
  'release',
  'interpretation',
  'notice',
  'agenda',
  'transcript',
  'circular',
] as const;

/** Staff copies of built-in templates (the built-ins ship as files in templates/builtin and stay read-only). */
export const documentTemplates = sqliteTable('document_templates', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: [...DOCUMENT_KIND_VALUES, 'compliance'] }).notNull(),
  name: text('name').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  basedOn: text('based_on'),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

/**
 * 发布材料: every document the office prepares and reviews. A 答问口径 (kind qa) also keeps its
 * talking points as structure; its body is derived from them.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: DOCUMENT_KIND_VALUES }).notNull(),
    title: text('title').notNull(),
    conferenceId: text('conference_id').references(() => conferences.id),
    departmentId: text('department_id').references(() => departments.id),
    // The spokesperson whose talking points these are (qa, opening).
    personId: text('person_id').references(() => people.id),
    body: text('body').notNull(),
    talkingPoints: text('talking_points', { mode: 'json' }),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'returned', 'released'] }).notNull(),
    drafter: text('drafter'),
    reviewer: text('reviewer'),
    reviewedAt: text('reviewed_at'),
    confidentialityBy: text('confidentiality_by'),
    confidentialityAt: text('confidentiality_at'),
    agencyConfirmation: text('agency_confirmation'),
    portalColumn: text('portal_column'),
    docNumber: text('doc_number'),
    // 政策解读: the policy it interprets.
    policyTitle: text('policy_title'),
    policyNumber: text('policy_number'),
    policyDate: text('policy_date'),
    templateId: text('template_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('documents_conference_idx').on(t.conferenceId),
    index('documents_department_idx').on(t.departmentId),
    index('documents_status_idx').on(t.status, t.updatedAt),
    index('documents_person_idx').on(t.personId),
    // The unfiltered list, newest first, stops after its page instead of sorting every document.
    index('documents_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** Every saved content of a document: who changed what and when. */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    talkingPoints: text('talking_points', { mode: 'json' }),
    author: text('author').notNull(),
    at: text('at').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);

/** 审查记录: submit, approve, return, release, reopen, each by someone, at a time, on a version. */
export const documentReviews = sqliteTable(
  'document_reviews',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action', { enum: ['submit', 'approve', 'return', 'release', 'reopen'] }).notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    comment: text('comment'),
    confidentialityBy: text('confidentiality_by'),
    agencyConfirmation: text('agency_confirmation'),
  },
  (t) => [index('document_reviews_document_idx').on(t.documentId, t.at)],
);

/** 口径库: agreed answers, reused into conferences' talking points; stale when not reviewed for 90 days. */
export const answers = sqliteTable(
  'answers',
  {
    id: text('id').primaryKey(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    departmentId: text('department_id').references(() => departments.id),
    topic: text('topic'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('answers_department_idx').on(t.departmentId)],
);

export const answerVersions = sqliteTable(
  'answer_versions',
  {
    answerId: text('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    author: text('author').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.version] })],
);

/**
 * Exchange packs (材料包). At the office: each pack sent to a department. In a department's copy
 * of the app: each pack opened, its items edited in place until returned.
 */
export const exchangePacks = sqliteTable('exchange_packs', {
  id: text('id').primaryKey(),
  direction: text('direction', { enum: ['sent', 'opened'] }).notNull(),
  departmentId: text('department_id').notNull(),
  departmentName: text('department_name').notNull(),
  office: text('office').notNull(),
  // The pack as sent or as opened (items edited in place on the department's side).
  content: text('content', { mode: 'json' }).notNull(),
  returnedAt: text('returned_at'),
  ...timestamps,
});

/** 舆情: a public-opinion item, from detection to answer. */
export const opinionItems = sqliteTable(
  'opinion_items',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    channel: text('channel', {
      enum: ['website', 'weibo', 'wechat', 'hotline', 'petition', 'media', 'other'],
    }).notNull(),
    summary: text('summary').notNull(),
    topic: text('topic'),
    link: text('link'),
    detectedAt: text('detected_at').notNull(),
    grade: text('grade', { enum: ['general', 'major', 'severe'] }).notNull(),
    // 研判: content, public reaction, media involvement.
    judgement: text('judgement'),
    reaction: text('reaction'),
    mediaInvolvement: text('media_involvement'),
    departmentId: text('department_id').references(() => departments.id),
    response: text('response', { enum: ['online_release', 'expert', 'conference', 'interview'] }),
    // Derived from the grade when saved (the office's deadline hours), kept so a later change of the
    // setting does not move the deadline of items already registered.
    deadlineAt: text('deadline_at').notNull(),
    answeredAt: text('answered_at'),
    documentId: text('document_id').references(() => documents.id),
    conferenceId: text('conference_id').references(() => conferences.id),
    status: text('status', { enum: ['open', 'answering', 'answered', 'closed'] }).notNull(),
    // 重大舆情要及时上报: to whom and when.
    reportedTo: text('reported_to'),
    reportedAt: text('reported_at'),
    notes: text('notes'),
    ...timestamps,
  },
  (t) => [
    index('opinion_items_detected_idx').on(t.detectedAt),
    index('opinion_items_status_idx').on(t.status, t.deadlineAt),
    index('opinion_items_department_idx').on(t.departmentId),
    // The dashboard's two alerts read the first rows of these in order (db/queries/opinions.ts): a decade
    // holds ~1,000 overdue unanswered items and ~60 unreported 重大 among 20,000.
    index('opinion_items_unanswered_deadline_idx')
      .on(t.deadlineAt, t.id)
      .where(sql`status IN ('open', 'answering') AND answered_at IS NULL`),
    index('opinion_items_unreported_severe_idx')
      .on(t.detectedAt, t.id)
      .where(sql`grade = 'severe' AND reported_at IS NULL`),
  ],
);

/** The channels a document was released through (portal, 政府公报, 微博 …), with dates. */
export const documentChannels = sqliteTable(
  'document_channels',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['portal', 'gazette', 'weibo', 'wechat', 'daily', 'broadcast'] }).notNull(),
    date: text('date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.channel] }), index('document_channels_date_idx').on(t.date)],
);

/**
 * A document's place on the portal: its 索引号 (stable, never reused) and disclosure metadata, and
 * what was last exported of it, so that the next package holds only what changed.
 */
export const portalEntries = sqliteTable('portal_entries', {
  documentId: text('document_id').primaryKey(),
  indexNo: text('index_no').notNull().unique(),
  topicCategory: text('topic_category'),
  disclosure: text('disclosure').notNull().default('主动公开'),
  summary: text('summary'),
  // Hash of the item as last exported; null after it was withdrawn.
  exportedHash: text('exported_hash'),
  exportedSequence: integer('exported_sequence'),
  // The item's files as last exported ({path, sha256, bytes}[]), reused by a full export.
  exportedFiles: text('exported_files', { mode: 'json' }),
  withdrawnSequence: integer('withdrawn_sequence'),
  ...timestamps,
});

/** The last serial of each year's 索引号: only ever grows, so a number is never given twice. */
export const portalSerials = sqliteTable('portal_serials', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** The export log: one row per package written, with its manifest to re-create it exactly. */
export const portalExports = sqliteTable('portal_exports', {
  sequence: integer('sequence').primaryKey(),
  generatedAt: text('generated_at').notNull(),
  full: integer('full', { mode: 'boolean' }).notNull(),
  added: integer('added').notNull(),
  changed: integer('changed').notNull(),
  withdrawn: integer('withdrawn').notNull(),
  manifestSha256: text('manifest_sha256').notNull(),
  manifest: text('manifest').notNull(),
  folder: text('folder').notNull(),
  actor: text('actor').notNull(),
});

/** Rendered files of portal items (HTML, .docx), by content hash: a past package is re-created from these. */
export const portalFiles = sqliteTable('portal_files', {
  sha256: text('sha256').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});

/**
 * The .docx of an approved or released portal item, rendered when it was approved (or by the export
 * that first needed it); the bytes are in portal_files. Used only while render_key, the hash of
 * everything the file shows and of the renderer's version, is still the document's.
 */
export const portalRenders = sqliteTable('portal_renders', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  renderKey: text('render_key').notNull(),
  docxSha256: text('docx_sha256').notNull(),
});
