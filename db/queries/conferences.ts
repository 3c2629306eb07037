// Conferences (新闻发布会) with their departments, speakers and invited media, and attendance, as
// whole records for the data format's export and import (conference-lifecycle.ts has the edits).
import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../common/schemas';
import type { Db } from '../open';
import { attendance, conferenceDepartments, conferenceMedia, conferenceSpeakers, conferences } from '../schema';
import type { Stamp } from '../stamp';

export interface ConferenceData {
  id: string;
  title: string;
  date: string;
  time: string | null;
  venue: string | null;
  organizer: 'city' | 'department';
  hostDepartmentId: string | null;
  /** Releasing departments (发布部门) in speaking order: conference_departments.position. */
  departmentIds: string[];
  /** Booked speakers (发布人) in speaking order: conference_speakers.position. */
  speakers: { personId: string; role: Role; departmentId: string }[];
  /** Invited media outlets ordered by mediaId; attended null: not recorded. */
  media: { mediaId: string; attended: boolean | null }[];
  status: 'planned' | 'held' | 'cancelled';
  topics: string[];
  notes: string | null;
  kind: 'city_routine' | 'department_routine' | 'ad_hoc' | 'emergency' | null;
  cancelReason: string | null;
  postponedFromId: string | null;
  postponedToId: string | null;
}

export interface AttendanceData {
  id: string;
  conferenceId: string;
  personId: string;
  role: Role;
  /** Null: counts for the person's own department. */
  departmentId: string | null;
  status: 'attended' | 'absent';
  substituteForPersonId: string | null;
}

function groupBy<T extends { conferenceId: string }, V>(rows: T[], value: (row: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const list = out.get(row.conferenceId) ?? [];
    list.push(value(row));
    out.set(row.conferenceId, list);
  }
  return out;
}

/** Every conference with its departments, speakers and media, ordered by id; keys in the format's order. */
export function listConferenceData(db: Db): ConferenceData[] {
  const byConference = groupBy(
    db
      .select()
      .from(conferenceDepartments)
      .orderBy(asc(conferenceDepartments.conferenceId), asc(conferenceDepartments.position))
      .all(),
    (l) => l.departmentId,
  );
  const speakers = groupBy(
    db
      .select()
      .from(conferenceSpeakers)
      .orderBy(asc(conferenceSpeakers.conferenceId), asc(conferenceSpeakers.position), asc(conferenceSpeakers.personId))
      .all(),
    (s) => ({ personId: s.personId, role: s.role, departmentId: s.departmentId }),
  );
  const media = groupBy(
    db.select().from(conferenceMedia).orderBy(asc(conferenceMedia.conferenceId), asc(conferenceMedia.mediaId)).all(),
    (m) => ({ mediaId: m.mediaId, attended: m.attended }),
  );
  return db
    .select()
    .from(conferences)
    .orderBy(asc(conferences.id))
    .all()
    .map((c) => ({
      id: c.id,
      title: c.title,
      date: c.date,
      time: c.time,
      venue: c.venue,
      organizer: c.organizer,
      hostDepartmentId: c.hostDepartmentId,
      departmentIds: byConference.get(c.id) ?? [],
      speakers: speakers.get(c.id) ?? [],
      media: media.get(c.id) ?? [],
      status: c.status,
      topics: c.topics,
      notes: c.notes,
      kind: c.kind,
      cancelReason: c.cancelReason,
      postponedFromId: c.postponedFromId,
      postponedToId: c.postponedToId,
    }));
}

/** Every attendance row ordered by id; keys in the format's order. */
export function listAttendanceData(db: Db): AttendanceData[] {
  return db
    .select()
    .from(attendance)
    .orderBy(asc(attendance.id))
    .all()
    .map((a) => ({
      id: a.id,
      conferenceId: a.conferenceId,
      personId: a.personId,
      role: a.role,
      departmentId: a.departmentId,
      status: a.status,
      substituteForPersonId: a.substituteForPersonId,
    }));
}

/**
 * Inserts or replaces a conference with its departments, speakers and media. The caller compares
 * first and runs this inside its transaction, so an unchanged record is never written and keeps
 * its updatedAt.
 */
export function putConference(db: Db, stamp: Stamp, record: ConferenceData, exists: boolean): void {
  const { departmentIds, speakers, media, ...fields } = record;
  if (exists) {
    db.update(conferences)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(conferences.id, record.id))
      .run();
    db.delete(conferenceDepartments).where(eq(conferenceDepartments.conferenceId, record.id)).run();
    db.delete(conferenceSpeakers).where(eq(conferenceSpeakers.conferenceId, record.id)).run();
    db.delete(conferenceMedia).where(eq(conferenceMedia.conferenceId, record.id)).run();
  } else {
    db.insert(conferences)
      .values({ ...fields, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
  departmentIds.forEach((departmentId, position) => {
    db.insert(conferenceDepartments).values({ conferenceId: record.id, departmentId, position }).run();
  });
  speakers.forEach((s, position) => {
    db.insert(conferenceSpeakers)
      .values({ conferenceId: record.id, ...s, position })
      .run();
  });
  for (const m of media)
    db.insert(conferenceMedia)
      .values({ conferenceId: record.id, ...m })
      .run();
}

export function putAttendance(db: Db, stamp: Stamp, record: AttendanceData, exists: boolean): void {
  if (exists) {
    db.update(attendance)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(attendance.id, record.id))
      .run();
  } else {
    db.insert(attendance)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}
