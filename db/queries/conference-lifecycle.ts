// Writing conferences: plan, edit, cancel, postpone, and the check-in that marks one held.
// Each operation is one transaction with its audit row; references are checked with record paths.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_VENUE } from '../../common/conference-schemas';
import { quarterOf, quarterPeriod } from '../../common/domain/periods';
import { AppError } from '../../common/result';
import type { Role } from '../../common/schemas';
import type { Db } from '../open';
import {
  attendance,
  conferenceDepartments,
  conferenceMedia,
  conferenceSpeakers,
  conferences,
  departments,
  mediaOutlets,
  people,
} from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';

export interface ParsedConference {
  title: string;
  date: string;
  time: string | null;
  venue: string | null;
  organizer: 'city' | 'department';
  hostDepartmentId?: string | null | undefined;
  departmentIds: string[];
  topics: string[];
  kind?: 'city_routine' | 'department_routine' | 'ad_hoc' | 'emergency' | null | undefined;
  speakers: { personId: string; role: Role; departmentId?: string | null | undefined }[];
  mediaIds: string[];
  notes: string | null;
}

export interface ParsedCheckIn {
  id: string;
  attendance: {
    personId: string;
    role: Role;
    departmentId?: string | null | undefined;
    status: 'attended' | 'absent';
    substituteForPersonId?: string | null | undefined;
  }[];
  media: { mediaId: string; attended: boolean }[];
  reason: string | null;
}

type Issue = { path: string; message: string };

function fail(issues: Issue[]): never {
  throw new AppError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function existing(db: Db, table: typeof departments | typeof people | typeof mediaOutlets, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, [...new Set(ids)]))
      .all()
      .map((r) => r.id),
  );
}

/** Checks the references of a conference and resolves each speaker's department. */
function checkReferences(db: Db, c: ParsedConference): { personId: string; role: Role; departmentId: string }[] {
  const issues: Issue[] = [];
  const deptIds = [...c.departmentIds, ...(c.hostDepartmentId ? [c.hostDepartmentId] : [])];
  const known = existing(db, departments, [
    ...deptIds,
    ...c.speakers.flatMap((s) => (s.departmentId ? [s.departmentId] : [])),
  ]);
  if (c.hostDepartmentId && !known.has(c.hostDepartmentId)) {
    issues.push({ path: 'hostDepartmentId', message: `unknown department "${c.hostDepartmentId}"` });
  }
  const seen = new Set<string>();
  c.departmentIds.forEach((d, i) => {
    if (!known.has(d)) issues.push({ path: `departmentIds[${i}]`, message: `unknown department "${d}"` });
    if (seen.has(d)) issues.push({ path: `departmentIds[${i}]`, message: `department "${d}" is listed twice` });
    seen.add(d);
  });
  const participating = new Set(deptIds);
  const persons = new Map(
    c.speakers.length
      ? db
          .select({ id: people.id, departmentId: people.departmentId, archived: people.archived })
          .from(people)
          .where(
            inArray(
              people.id,
              c.speakers.map((s) => s.personId),
            ),
          )
          .all()
          .map((p) => [p.id, p])
      : [],
  );
  const resolved: { personId: string; role: Role; departmentId: string }[] = [];
  const speakerSeen = new Set<string>();
  c.speakers.forEach((s, i) => {
    const p = persons.get(s.personId);
    if (!p) {
      issues.push({ path: `speakers[${i}].personId`, message: `unknown person "${s.personId}"` });
      return;
    }
    if (speakerSeen.has(s.personId))
      issues.push({ path: `speakers[${i}].personId`, message: 'this person is booked twice' });
    speakerSeen.add(s.personId);
    const departmentId = s.departmentId ?? p.departmentId;
    if (s.departmentId && !known.has(s.departmentId)) {
      issues.push({ path: `speakers[${i}].departmentId`, message: `unknown department "${s.departmentId}"` });
    } else if (!participating.has(departmentId)) {
      issues.push({
        path: `speakers[${i}].departmentId`,
        message: 'the speaker’s department does not take part in this conference',
      });
    }
    resolved.push({ personId: s.personId, role: s.role, departmentId });
  });
  const media = existing(db, mediaOutlets, c.mediaIds);
  c.mediaIds.forEach((m, i) => {
    if (!media.has(m)) issues.push({ path: `mediaIds[${i}]`, message: `unknown media outlet "${m}"` });
  });
  if (issues.length) fail(issues);
  return resolved;
}

/** The whole state of a conference as the audit log keeps it. */
export function conferenceSnapshot(db: Db, id: string): Record<string, unknown> {
  const c = db.select().from(conferences).where(eq(conferences.id, id)).get();
  if (!c) throw new AppError('not_found', `conference "${id}" does not exist`);
  const { createdAt: _c, updatedAt: _u, ...fields } = c;
  return {
    ...fields,
    departmentIds: db
      .select({ d: conferenceDepartments.departmentId })
      .from(conferenceDepartments)
      .where(eq(conferenceDepartments.conferenceId, id))
      .orderBy(conferenceDepartments.position)
      .all()
      .map((r) => r.d),
    speakers: db
      .select({
        personId: conferenceSpeakers.personId,
        role: conferenceSpeakers.role,
        departmentId: conferenceSpeakers.departmentId,
      })
      .from(conferenceSpeakers)
      .where(eq(conferenceSpeakers.conferenceId, id))
      .orderBy(conferenceSpeakers.position)
      .all(),
    media: db
      .select({ mediaId: conferenceMedia.mediaId, attended: conferenceMedia.attended })
      .from(conferenceMedia)
      .where(eq(conferenceMedia.conferenceId, id))
      .orderBy(conferenceMedia.mediaId)
      .all(),
    attendance: db
      .select({
        personId: attendance.personId,
        role: attendance.role,
        departmentId: attendance.departmentId,
        status: attendance.status,
        substituteForPersonId: attendance.substituteForPersonId,
      })
      .from(attendance)
      .where(eq(attendance.conferenceId, id))
      .orderBy(attendance.personId)
      .all(),
  };
}

function writeLinks(
  db: Db,
  id: string,
  c: ParsedConference,
  speakers: { personId: string; role: Role; departmentId: string }[],
): void {
  db.delete(conferenceDepartments).where(eq(conferenceDepartments.conferenceId, id)).run();
  c.departmentIds.forEach((departmentId, position) => {
    db.insert(conferenceDepartments).values({ conferenceId: id, departmentId, position }).run();
  });
  db.delete(conferenceSpeakers).where(eq(conferenceSpeakers.conferenceId, id)).run();
  speakers.forEach((s, position) => {
    db.insert(conferenceSpeakers)
      .values({ conferenceId: id, ...s, position })
      .run();
  });
  const keep = new Set(c.mediaIds);
  const current = db
    .select({ mediaId: conferenceMedia.mediaId })
    .from(conferenceMedia)
    .where(eq(conferenceMedia.conferenceId, id))
    .all()
    .map((m) => m.mediaId);
  for (const m of current) {
    if (!keep.has(m)) {
      db.delete(conferenceMedia)
        .where(and(eq(conferenceMedia.conferenceId, id), eq(conferenceMedia.mediaId, m)))
        .run();
    }
  }
  for (const m of c.mediaIds) {
    if (!current.includes(m)) db.insert(conferenceMedia).values({ conferenceId: id, mediaId: m, attended: null }).run();
  }
}

function fieldsOf(c: ParsedConference) {
  return {
    title: c.title,
    date: c.date,
    time: c.time,
    venue: c.venue ?? DEFAULT_VENUE,
    organizer: c.organizer,
    hostDepartmentId: c.hostDepartmentId ?? null,
    topics: c.topics,
    kind: c.kind ?? null,
    notes: c.notes,
  };
}

export function createConference(
  db: Db,
  stamp: Stamp,
  c: ParsedConference,
  extra: { postponedFromId?: string } = {},
): string {
  return db.transaction((t) => {
    const speakers = checkReferences(t, c);
    const id = stamp.newId();
    t.insert(conferences)
      .values({
        id,
        ...fieldsOf(c),
        status: 'planned',
        postponedFromId: extra.postponedFromId ?? null,
        createdAt: stamp.at,
        updatedAt: stamp.at,
      })
      .run();
    writeLinks(t, id, c, speakers);
    recordAudit(t, stamp, 'create', 'conference', id, null, conferenceSnapshot(t, id));
    return id;
  });
}

const quarterEnded = (date: string, today: string) => {
  const { year, quarter } = quarterOf(date);
  return quarterPeriod(year, quarter).end < today;
};

export function updateConference(db: Db, stamp: Stamp, id: string, c: ParsedConference, reason: string | null): void {
  db.transaction((t) => {
    const before = conferenceSnapshot(t, id);
    if (before.status === 'cancelled') throw new AppError('conflict', 'a cancelled conference cannot be edited');
    const speakers = checkReferences(t, c);
    if (before.status === 'held') {
      if (c.date > stamp.today)
        throw new AppError('invalid_input', 'a held conference cannot move to a future date', [
          { path: 'date', message: 'is in the future' },
        ]);
      const moves =
        before.date !== c.date ||
        before.organizer !== c.organizer ||
        (before.hostDepartmentId ?? null) !== (c.hostDepartmentId ?? null) ||
        JSON.stringify(before.departmentIds) !== JSON.stringify(c.departmentIds);
      if (moves && (quarterEnded(String(before.date), stamp.today) || quarterEnded(c.date, stamp.today)) && !reason) {
        throw new AppError('invalid_input', 'this changes the results of a quarter that has ended: give a reason', [
          { path: 'reason', message: 'is required once the quarter has ended' },
        ]);
      }
    }
    t.update(conferences)
      .set({ ...fieldsOf(c), updatedAt: stamp.at })
      .where(eq(conferences.id, id))
      .run();
    writeLinks(t, id, c, speakers);
    recordAudit(t, stamp, 'update', 'conference', id, before, conferenceSnapshot(t, id), reason);
  });
}

export function cancelConference(db: Db, stamp: Stamp, id: string, reason: string): void {
  db.transaction((t) => {
    const before = conferenceSnapshot(t, id);
    if (before.status !== 'planned')
      throw new AppError(
        'conflict',
        `only a planned conference can be cancelled (this one is ${String(before.status)})`,
      );
    t.update(conferences)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: stamp.at })
      .where(eq(conferences.id, id))
      .run();
    recordAudit(t, stamp, 'cancel', 'conference', id, before, conferenceSnapshot(t, id), reason);
  });
}

/** Postpones a planned conference: it is cancelled with the new date as reason, and a copy is planned. */
export function postponeConference(
  db: Db,
  stamp: Stamp,
  id: string,
  date: string,
  time: string | null,
  reason: string | null,
): string {
  return db.transaction((t) => {
    const before = conferenceSnapshot(t, id);
    if (before.status !== 'planned') throw new AppError('conflict', 'only a planned conference can be postponed');
    if (date <= String(before.date)) {
      throw new AppError('invalid_input', 'the new date must be later than the planned one', [
        { path: 'date', message: 'is not later' },
      ]);
    }
    const copy: ParsedConference = {
      title: String(before.title),
      date,
      time: time ?? (before.time as string | null),
      venue: before.venue as string | null,
      organizer: before.organizer as 'city' | 'department',
      hostDepartmentId: before.hostDepartmentId as string | null,
      departmentIds: before.departmentIds as string[],
      topics: before.topics as string[],
      kind: before.kind as ParsedConference['kind'],
      speakers: before.speakers as ParsedConference['speakers'],
      mediaIds: (before.media as { mediaId: string }[]).map((m) => m.mediaId),
      notes: before.notes as string | null,
    };
    const newId = createConference(t, stamp, copy, { postponedFromId: id });
    const why = reason ? `${reason}（改期至 ${date}）` : `改期至 ${date}`;
    t.update(conferences)
      .set({ status: 'cancelled', cancelReason: why, postponedToId: newId, updatedAt: stamp.at })
      .where(eq(conferences.id, id))
      .run();
    recordAudit(t, stamp, 'postpone', 'conference', id, before, conferenceSnapshot(t, id), reason);
    return newId;
  });
}

/**
 * Marks a conference held and records who attended, who was absent and who stood in for whom.
 * Once the conference's quarter has ended, a change needs a reason, kept in its history.
 */
export function checkInConference(db: Db, stamp: Stamp, input: ParsedCheckIn): void {
  db.transaction((t) => {
    const before = conferenceSnapshot(t, input.id);
    const date = String(before.date);
    if (before.status === 'cancelled') throw new AppError('conflict', 'a cancelled conference cannot be checked in');
    if (date > stamp.today)
      throw new AppError('conflict', `the conference is on ${date}: attendance is recorded on or after the day`);
    if (quarterEnded(date, stamp.today) && !input.reason) {
      throw new AppError('invalid_input', 'the quarter of this conference has ended: give a reason for the change', [
        { path: 'reason', message: 'is required once the quarter has ended' },
      ]);
    }
    const issues: Issue[] = [];
    const personIds = input.attendance.flatMap((a) => [
      a.personId,
      ...(a.substituteForPersonId ? [a.substituteForPersonId] : []),
    ]);
    const known = existing(t, people, personIds);
    const depts = existing(
      t,
      departments,
      input.attendance.flatMap((a) => (a.departmentId ? [a.departmentId] : [])),
    );
    const seen = new Set<string>();
    input.attendance.forEach((a, i) => {
      if (!known.has(a.personId))
        issues.push({ path: `attendance[${i}].personId`, message: `unknown person "${a.personId}"` });
      if (seen.has(a.personId))
        issues.push({ path: `attendance[${i}].personId`, message: 'this person is listed twice' });
      seen.add(a.personId);
      if (a.departmentId && !depts.has(a.departmentId)) {
        issues.push({ path: `attendance[${i}].departmentId`, message: `unknown department "${a.departmentId}"` });
      }
      if (a.substituteForPersonId && !known.has(a.substituteForPersonId)) {
        issues.push({
          path: `attendance[${i}].substituteForPersonId`,
          message: `unknown person "${a.substituteForPersonId}"`,
        });
      }
      if (a.substituteForPersonId === a.personId) {
        issues.push({
          path: `attendance[${i}].substituteForPersonId`,
          message: 'a person cannot stand in for themselves',
        });
      }
    });
    const media = existing(
      t,
      mediaOutlets,
      input.media.map((m) => m.mediaId),
    );
    input.media.forEach((m, i) => {
      if (!media.has(m.mediaId))
        issues.push({ path: `media[${i}].mediaId`, message: `unknown media outlet "${m.mediaId}"` });
    });
    if (issues.length) fail(issues);

    // Keep each person's attendance id stable across edits.
    const rows = t
      .select({ id: attendance.id, personId: attendance.personId })
      .from(attendance)
      .where(eq(attendance.conferenceId, input.id))
      .all();
    const idByPerson = new Map(rows.map((r) => [r.personId, r.id]));
    const keep = new Set(input.attendance.map((a) => a.personId));
    for (const r of rows) if (!keep.has(r.personId)) t.delete(attendance).where(eq(attendance.id, r.id)).run();
    for (const a of input.attendance) {
      const values = {
        role: a.role,
        departmentId: a.departmentId ?? null,
        status: a.status,
        substituteForPersonId: a.substituteForPersonId ?? null,
        updatedAt: stamp.at,
      };
      const existingId = idByPerson.get(a.personId);
      if (existingId) t.update(attendance).set(values).where(eq(attendance.id, existingId)).run();
      else
        t.insert(attendance)
          .values({ id: stamp.newId(), conferenceId: input.id, personId: a.personId, ...values, createdAt: stamp.at })
          .run();
    }
    for (const m of input.media) {
      t.insert(conferenceMedia)
        .values({ conferenceId: input.id, mediaId: m.mediaId, attended: m.attended })
        .onConflictDoUpdate({
          target: [conferenceMedia.conferenceId, conferenceMedia.mediaId],
          set: { attended: m.attended },
        })
        .run();
    }
    t.update(conferences).set({ status: 'held', updatedAt: stamp.at }).where(eq(conferences.id, input.id)).run();
    recordAudit(t, stamp, 'check_in', 'conference', input.id, before, conferenceSnapshot(t, input.id), input.reason);
  });
}

export function countHeldWithoutAttendance(db: Db): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM conferences c WHERE c.status = 'held'
      AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.conference_id = c.id)`)?.n ?? 0
  );
}
