// Reading and writing the register's rows as press-office/v1 records. The register's own queries
// (db/queries/departments.ts, people.ts) work one edit at a time with audit and rules; the data
// format needs whole rows, bulk and verbatim, inside the import's one transaction.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { departmentNames, departments, mediaOutlets, people, trainings } from '../db/schema';
import type { Stamp } from '../db/stamp';
import type {
  DepartmentRecord,
  FormerNameRecord,
  MediaRecord,
  PersonRecord,
  TrainingRecord,
} from './data-format-schema';

/** Departments in register order (sortOrder, then id), with their former names. */
export function readDepartmentRecords(db: Db): DepartmentRecord[] {
  const history = new Map<string, FormerNameRecord[]>();
  const names = db
    .select()
    .from(departmentNames)
    .orderBy(asc(departmentNames.departmentId), asc(departmentNames.until), asc(departmentNames.id))
    .all();
  for (const n of names) {
    const list = history.get(n.departmentId) ?? [];
    list.push({ name: n.name, fullName: n.fullName, until: n.until });
    history.set(n.departmentId, list);
  }
  return db
    .select()
    .from(departments)
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .all()
    .map((d) => ({
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      listed: d.listed,
      listedFrom: d.listedFrom,
      listedUntil: d.listedUntil,
      contactPerson: d.contactPerson,
      contactPhone: d.contactPhone,
      sortOrder: d.sortOrder,
      notes: d.notes,
      status: d.status,
      mergedIntoId: d.mergedIntoId,
      formerNames: history.get(d.id) ?? [],
    }));
}

export function readPersonRecords(db: Db): PersonRecord[] {
  return db
    .select()
    .from(people)
    .orderBy(asc(people.id))
    .all()
    .map((p) => ({
      id: p.id,
      departmentId: p.departmentId,
      name: p.name,
      role: p.role,
      title: p.title,
      phone: p.phone,
      email: p.email,
      tenureStart: p.tenureStart,
      tenureEnd: p.tenureEnd,
      notes: p.notes,
      archived: p.archived,
    }));
}

export function readTrainingRecords(db: Db): TrainingRecord[] {
  return db
    .select()
    .from(trainings)
    .orderBy(asc(trainings.id))
    .all()
    .map((t) => ({ id: t.id, personId: t.personId, date: t.date, course: t.course, hours: t.hours }));
}

/** Media outlets (媒体) by id. */
export function readMediaRecords(db: Db): MediaRecord[] {
  return db
    .select()
    .from(mediaOutlets)
    .orderBy(asc(mediaOutlets.id))
    .all()
    .map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      contactPerson: m.contactPerson,
      phone: m.phone,
      email: m.email,
      notes: m.notes,
      archived: m.archived,
    }));
}

/**
 * Takes a department out of the active-name unique index for the rest of the transaction, so that
 * a file which swaps two short names can be written one row at a time. Every department parked
 * here is written again with its final values before the transaction commits.
 */
export function parkDepartment(db: Db, id: string): void {
  db.update(departments).set({ status: 'archived' }).where(eq(departments.id, id)).run();
}

export function putDepartment(db: Db, stamp: Stamp, record: DepartmentRecord, exists: boolean): void {
  const { formerNames, ...fields } = record;
  if (exists) {
    db.update(departments)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(departments.id, record.id))
      .run();
    db.delete(departmentNames).where(eq(departmentNames.departmentId, record.id)).run();
  } else {
    db.insert(departments)
      .values({ ...fields, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
  for (const n of formerNames)
    db.insert(departmentNames)
      .values({ departmentId: record.id, ...n })
      .run();
}

export function putPerson(db: Db, stamp: Stamp, record: PersonRecord, exists: boolean): void {
  if (exists) {
    db.update(people)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(people.id, record.id))
      .run();
  } else {
    db.insert(people)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}

export function putTraining(db: Db, stamp: Stamp, record: TrainingRecord, exists: boolean): void {
  if (exists) {
    db.update(trainings)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(trainings.id, record.id))
      .run();
  } else {
    db.insert(trainings)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}

export function putMedia(db: Db, stamp: Stamp, record: MediaRecord, exists: boolean): void {
  if (exists) {
    db.update(mediaOutlets)
      .set({ ...record, updatedAt: stamp.at })
      .where(eq(mediaOutlets.id, record.id))
      .run();
  } else {
    db.insert(mediaOutlets)
      .values({ ...record, createdAt: stamp.at, updatedAt: stamp.at })
      .run();
  }
}
