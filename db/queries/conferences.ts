// Conferences (新闻发布会) with their departments, speakers and invited media, and attendance, as
// whole records for the data format's export and import (conference-lifecycle.ts has the edits).
import { asc } from 'drizzle-orm';
import type { Role } from '../../common/schemas';
import type { Db } from '../open';
import { attendance, conferenceDepartments, conferenceMedia, conferenceSpeakers, conferences } from '../schema';

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
