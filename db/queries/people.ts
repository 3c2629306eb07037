// People of a department (主要负责同志, 新闻发言人, 相关负责人) and their training records.
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUntrainedSpokesperson } from '../../common/domain/training';
import { AppError } from '../../common/result';
import type { personFields, Role } from '../../common/schemas';
import type { Person, PersonWithTrainings, Training } from '../../common/types';
import type { Db } from '../open';
import { people, trainings } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';
import { getDepartment } from './departments';

/** A person's fields as the contract's schema hands them over. */
export type ParsedPerson = z.output<typeof personFields>;

function toPerson(row: typeof people.$inferSelect): Person {
  const { createdAt: _c, updatedAt: _u, ...person } = row;
  return person;
}

function toTraining(row: typeof trainings.$inferSelect): Training {
  return { id: row.id, personId: row.personId, date: row.date, course: row.course, hours: row.hours };
}

export function getPerson(db: Db, id: string): Person {
  const row = db.select().from(people).where(eq(people.id, id)).get();
  if (!row) throw new AppError('not_found', `person "${id}" does not exist`);
  return toPerson(row);
}

function countPersonRecords(db: Db, id: string): number {
  return (
    db.get<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM attendance WHERE person_id = ${id})
           + (SELECT count(*) FROM trainings WHERE person_id = ${id})
           + (SELECT count(*) FROM documents WHERE person_id = ${id}) AS n`)?.n ?? 0
  );
}

const ROLE_ORDER: Record<Role, number> = { head: 0, spokesperson: 1, deputy: 2 };

export function listPeopleOfDepartment(db: Db, departmentId: string, _today: string): PersonWithTrainings[] {
  const rows = db.select().from(people).where(eq(people.departmentId, departmentId)).orderBy(asc(people.name)).all();
  const trainingRows = db
    .select()
    .from(trainings)
    .innerJoin(people, eq(people.id, trainings.personId))
    .where(eq(people.departmentId, departmentId))
    .orderBy(asc(trainings.date))
    .all()
    .map((r) => toTraining(r.trainings));
  return rows
    .map((row) => {
      const person = toPerson(row);
      const own = trainingRows.filter((t) => t.personId === person.id);
      return {
        ...person,
        trainings: own,
        untrained: isUntrainedSpokesperson(person, own),
        recordCount: countPersonRecords(db, person.id),
      };
    })
    .sort((a, b) => Number(a.archived) - Number(b.archived) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

export function createPerson(db: Db, stamp: Stamp, fields: ParsedPerson): Person {
  return db.transaction((t) => {
    const department = getDepartment(t, fields.departmentId);
    if (department.status !== 'active') {
      throw new AppError('conflict', `department "${department.name}" is not current; add people to its successor`);
    }
    const row = { id: stamp.newId(), ...fields, archived: false, createdAt: stamp.at, updatedAt: stamp.at };
    t.insert(people).values(row).run();
    recordAudit(t, stamp, 'create', 'person', row.id, null, row);
    return toPerson(row);
  });
}

export function updatePerson(db: Db, stamp: Stamp, id: string, fields: ParsedPerson): Person {
  return db.transaction((t) => {
    const before = getPerson(t, id);
    if (fields.departmentId !== before.departmentId) getDepartment(t, fields.departmentId);
    const after: Person = { ...before, ...fields };
    t.update(people)
      .set({ ...fields, updatedAt: stamp.at })
      .where(eq(people.id, id))
      .run();
    recordAudit(t, stamp, 'update', 'person', id, before, after);
    return after;
  });
}

export function setPersonArchived(db: Db, stamp: Stamp, id: string, archived: boolean): Person {
  return db.transaction((t) => {
    const before = getPerson(t, id);
    const after: Person = { ...before, archived };
    t.update(people).set({ archived, updatedAt: stamp.at }).where(eq(people.id, id)).run();
    recordAudit(t, stamp, archived ? 'archive' : 'restore', 'person', id, before, after);
    return after;
  });
}

/** Deletes a person with no attendance or training records; otherwise asks to archive instead. */
export function deletePerson(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = getPerson(t, id);
    const records = countPersonRecords(t, id);
    if (records > 0) {
      throw new AppError(
        'conflict',
        `person "${before.name}" has ${records} attendance or training records; archive instead`,
      );
    }
    t.delete(people).where(eq(people.id, id)).run();
    recordAudit(t, stamp, 'delete', 'person', id, before, null);
  });
}

export function createTraining(
  db: Db,
  stamp: Stamp,
  fields: { personId: string; date: string; course: string; hours?: number | null | undefined },
): Training {
  return db.transaction((t) => {
    getPerson(t, fields.personId);
    const row = {
      id: stamp.newId(),
      personId: fields.personId,
      date: fields.date,
      course: fields.course,
      hours: fields.hours ?? null,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    t.insert(trainings).values(row).run();
    recordAudit(t, stamp, 'create', 'training', row.id, null, row);
    return toTraining(row);
  });
}

export function deleteTraining(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = t.select().from(trainings).where(eq(trainings.id, id)).get();
    if (!before) throw new AppError('not_found', `training record "${id}" does not exist`);
    t.delete(trainings).where(eq(trainings.id, id)).run();
    recordAudit(t, stamp, 'delete', 'training', id, before, null);
  });
}
