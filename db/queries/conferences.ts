// Conferences (新闻发布会) and attendance as whole records, for the data format's export and import.
// The conference screens and quota rules come later and will add their own queries here.
import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../common/schemas';
import type { Db } from '../open';
import { attendance, conferenceDepartments, conferences } from '../schema';
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

/** Every conference with its departments, ordered by id; keys in the format's order. */
export function listConferenceData(db: Db): ConferenceData[] {
  const links = db
    .select()
    .from(conferenceDepartments)
    .orderBy(asc(conferenceDepartments.conferenceId), asc(conferenceDepartments.position))
    .all();
  const byConference = new Map<string, string[]>();
  for (const link of links) {
    const list = byConference.get(link.conferenceId) ?? [];
    list.push(link.departmentId);
    byConference.set(link.conferenceId, list);
  }
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
 * Inserts or replaces a conference and its department list. The caller compares first and runs
 * this inside its transaction, so an unchanged record is never written and keeps its updatedAt.
 */
export function putConference(db: Db, stamp: Stamp, record: ConferenceData, exists: boolean): void {
  const { departmentIds, ...fields } = record;
  if (exists) {
    db.update(conferences)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(conferences.id, record.id))
      .run();
    db.delete(conferenceDepartments).where(eq(conferenceDepartments.conferenceId, record.id)).run();
  } else {
    db.insert(conferences)
      .values({ ...fields, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
  departmentIds.forEach((departmentId, position) => {
    db.insert(conferenceDepartments).values({ conferenceId: record.id, departmentId, position }).run();
  });
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
