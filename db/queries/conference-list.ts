// Reading conferences: the filtered list and one conference with everything around it.
import { type SQL, sql } from 'drizzle-orm';
import type {
  AttendanceView,
  ConferenceDetail,
  ConferenceKind,
  ConferenceMediaView,
  ConferencePage,
  ConferenceRow,
  HistoryEntry,
  SpeakerView,
} from '../../common/conference-types';
import { quarterOf, quarterPeriod } from '../../common/domain/periods';
import { AppError } from '../../common/result';
import type { Db } from '../open';

export interface ConferenceFilter {
  from?: string | undefined;
  to?: string | undefined;
  /** Only conferences dated before this (exclusive, where `to` is inclusive). */
  before?: string | undefined;
  status?: ConferenceRow['status'] | undefined;
  organizer?: ConferenceRow['organizer'] | undefined;
  departmentId?: string | undefined;
  search?: string | undefined;
  limit?: number | undefined;
  /** Only conferences with no attendance recorded (held ones not yet checked in). */
  withoutAttendance?: boolean | undefined;
}

const SEP = '\u001f';

export function defaultKind(organizer: 'city' | 'department', kind: string | null): ConferenceKind {
  return (kind as ConferenceKind | null) ?? (organizer === 'city' ? 'city_routine' : 'department_routine');
}

type Row = Record<string, unknown>;

function toRow(r: Row): ConferenceRow {
  // Each department as id, RS (U+001E), name; departments separated by US (U+001F).
  const pairs = r.departments ? String(r.departments).split(SEP) : [];
  const ids = pairs.map((p) => p.slice(0, p.indexOf('\u001e')));
  const names = pairs.map((p) => p.slice(p.indexOf('\u001e') + 1));
  return {
    id: r.id as string,
    title: r.title as string,
    date: r.date as string,
    time: (r.time as string | null) ?? null,
    venue: (r.venue as string | null) ?? null,
    organizer: r.organizer as ConferenceRow['organizer'],
    kind: defaultKind(r.organizer as 'city' | 'department', (r.kind as string | null) ?? null),
    status: r.status as ConferenceRow['status'],
    hostDepartmentId: (r.host_department_id as string | null) ?? null,
    hostDepartmentName: (r.host_department_name as string | null) ?? null,
    departmentIds: ids,
    departmentNames: names,
    topics: JSON.parse(String(r.topics ?? '[]')) as string[],
    speakerCount: r.speaker_count as number,
    attendanceCount: r.attendance_count as number,
  };
}

const ROW_SELECT = sql`
  SELECT c.*,
    h.name AS host_department_name,
    (SELECT group_concat(department_id || char(30) || name, char(31)) FROM (SELECT cd.department_id, d.name
       FROM conference_departments cd JOIN departments d ON d.id = cd.department_id
       WHERE cd.conference_id = c.id ORDER BY cd.position)) AS departments,
    (SELECT count(*) FROM conference_speakers s WHERE s.conference_id = c.id) AS speaker_count,
    (SELECT count(*) FROM attendance a WHERE a.conference_id = c.id) AS attendance_count
  FROM conferences c LEFT JOIN departments h ON h.id = c.host_department_id`;

/**
 * The list's order: newest first, ties by id. `time` is never '' (the schemas turn it into null, and NULL
 * sorts last in DESC), so this is the order `coalesce(time, '') DESC` gave, and it is the order of
 * `conferences_list_order_idx` (date, time, id DESC) read backwards: no sort, and OFFSET steps over index
 * entries.
 */
const LIST_ORDER = sql`ORDER BY c.date DESC, c.time DESC, c.id`;

/** The WHERE of a filter: only the conditions given (`(? IS NULL OR c.date >= ?)` would keep SQLite off the indexes). */
function filterWhere(f: ConferenceFilter): SQL {
  const search = f.search?.trim().toLowerCase() ?? '';
  const where: SQL[] = [];
  if (f.from) where.push(sql`c.date >= ${f.from}`);
  if (f.to) where.push(sql`c.date <= ${f.to}`);
  if (f.before) where.push(sql`c.date < ${f.before}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.organizer) where.push(sql`c.organizer = ${f.organizer}`);
  if (f.departmentId) {
    where.push(sql`(c.host_department_id = ${f.departmentId}
      OR EXISTS (SELECT 1 FROM conference_departments cd WHERE cd.conference_id = c.id AND cd.department_id = ${f.departmentId}))`);
  }
  if (search) {
    // What the list's search box offers: the title, the topics and the venue.
    where.push(sql`(instr(lower(c.title), ${search}) > 0 OR instr(c.topics, ${search}) > 0
      OR instr(lower(coalesce(c.venue, '')), ${search}) > 0)`);
  }
  if (f.withoutAttendance) where.push(sql`NOT EXISTS (SELECT 1 FROM attendance a WHERE a.conference_id = c.id)`);
  return where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
}

export function listConferences(db: Db, f: ConferenceFilter): ConferenceRow[] {
  const rows = db.all<Row>(sql`${ROW_SELECT} ${filterWhere(f)} ${LIST_ORDER} LIMIT ${f.limit ?? 100_000}`);
  return rows.map(toRow);
}

export type ConferencePageRequest = Omit<ConferenceFilter, 'limit'> & { offset: number; limit: number };

/** The rowids of a page, from the narrow query (exported for the query-plan test). */
export function pageRowidsQuery(f: ConferencePageRequest): SQL {
  return sql`SELECT c.rowid FROM conferences c ${filterWhere(f)} ${LIST_ORDER} LIMIT ${f.limit} OFFSET ${f.offset}`;
}

/** A page's rows: only the page's conferences get their departments and counts. */
export function pageQuery(f: ConferencePageRequest): SQL {
  return sql`${ROW_SELECT} WHERE c.rowid IN (${pageRowidsQuery(f)}) ${LIST_ORDER}`;
}

/**
 * Rows `offset` to `offset + limit - 1` of the filtered list, in its order, and how many match. The page's
 * rowids come from the narrow query (the order index, or the filter's), and only those rows get their
 * departments and counts; the count and the page are read in one transaction, so they agree.
 */
export function pageConferences(db: Db, f: ConferencePageRequest): ConferencePage {
  return db.transaction(
    (t) => {
      const total = t.get<{ n: number }>(sql`SELECT count(*) AS n FROM conferences c ${filterWhere(f)}`)?.n ?? 0;
      if (f.offset >= total) return { total, offset: f.offset, rows: [] };
      return { total, offset: f.offset, rows: t.all<Row>(pageQuery(f)).map(toRow) };
    },
    // A read: no write lock (db/open.ts makes IMMEDIATE the default).
    { behavior: 'deferred' },
  );
}

export function getConferenceRow(
  db: Db,
  id: string,
): ConferenceRow & {
  notes: string | null;
  cancelReason: string | null;
  postponedFromId: string | null;
  postponedToId: string | null;
} {
  const r = db.get<Row>(sql`${ROW_SELECT} WHERE c.id = ${id}`);
  if (!r) throw new AppError('not_found', `conference "${id}" does not exist`);
  return {
    ...toRow(r),
    notes: (r.notes as string | null) ?? null,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    postponedFromId: (r.postponed_from_id as string | null) ?? null,
    postponedToId: (r.postponed_to_id as string | null) ?? null,
  };
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'updatedAt' && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .sort();
}

export function getConferenceDetail(db: Db, id: string, today: string): ConferenceDetail {
  const row = getConferenceRow(db, id);
  const speakers = db.all<SpeakerView>(sql`
    SELECT s.person_id AS personId, p.name AS personName, s.department_id AS departmentId, d.name AS departmentName, s.role
    FROM conference_speakers s JOIN people p ON p.id = s.person_id JOIN departments d ON d.id = s.department_id
    WHERE s.conference_id = ${id} ORDER BY s.position`);
  const attendance = db.all<AttendanceView>(sql`
    SELECT a.id, a.person_id AS personId, p.name AS personName,
      coalesce(a.department_id, p.department_id) AS departmentId, d.name AS departmentName,
      a.role, a.status, a.substitute_for_person_id AS substituteForPersonId, sp.name AS substituteForName
    FROM attendance a JOIN people p ON p.id = a.person_id
      JOIN departments d ON d.id = coalesce(a.department_id, p.department_id)
      LEFT JOIN people sp ON sp.id = a.substitute_for_person_id
    WHERE a.conference_id = ${id} ORDER BY d.sort_order, p.name, a.id`);
  const media = db
    .all<Omit<ConferenceMediaView, 'attended'> & { attended: number | null }>(sql`
      SELECT m.id AS mediaId, m.name, m.kind, m.contact_person AS contactPerson, m.phone, cm.attended
      FROM conference_media cm JOIN media_outlets m ON m.id = cm.media_id
      WHERE cm.conference_id = ${id} ORDER BY m.name`)
    .map((m) => ({ ...m, attended: m.attended === null ? null : m.attended === 1 }));
  const history = db
    .all<{
      at: string;
      actor: string;
      action: string;
      reason: string | null;
      before: string | null;
      after: string | null;
    }>(sql`
      SELECT at, actor, action, reason, before, after FROM audit_log
      WHERE entity = 'conference' AND entity_id = ${id} ORDER BY id`)
    .map(
      (h): HistoryEntry => ({
        at: h.at,
        actor: h.actor,
        action: h.action,
        reason: h.reason,
        changed: changedFields(h.before ? JSON.parse(h.before) : null, h.after ? JSON.parse(h.after) : null),
      }),
    );
  const { year, quarter } = quarterOf(row.date);
  return { ...row, speakers, attendance, media, history, quarterEnded: quarterPeriod(year, quarter).end < today };
}
