// The department register: list with filters, detail, and the writes that keep history.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../common/result';
import type { departmentFields } from '../../common/schemas';
import type { Department, DepartmentDetail, DepartmentRow, FormerName } from '../../common/types';
import type { Db } from '../open';
import { attendance, conferenceDepartments, conferences, departmentNames, departments } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';
import { listPeopleOfDepartment } from './people';

/** A department's fields as the contract's schema hands them over. */
type ParsedDepartment = z.output<typeof departmentFields>;

export interface DepartmentFilter {
  search?: string | undefined;
  listed?: boolean | undefined;
  noSpokesperson?: boolean | undefined;
  untrainedSpokesperson?: boolean | undefined;
  includeInactive?: boolean | undefined;
}

function toDepartment(row: typeof departments.$inferSelect): Department {
  return { ...row };
}

export function getDepartment(db: Db, id: string): Department {
  const row = db.select().from(departments).where(eq(departments.id, id)).get();
  if (!row) throw new AppError('not_found', `department "${id}" does not exist`);
  return toDepartment(row);
}

/**
 * Register rows in register order. A current spokesperson is one not archived whose tenure has
 * not ended by `today`; "untrained" means no training on or before the tenure start.
 */
export function listDepartments(db: Db, filter: DepartmentFilter, today: string): DepartmentRow[] {
  const search = filter.search?.trim().toLowerCase() ?? '';
  const rows = db.all<Record<string, unknown>>(sql`
    WITH current_spokespersons AS (
      SELECT p.id, p.department_id,
        NOT EXISTS (
          SELECT 1 FROM trainings t
          WHERE t.person_id = p.id AND t.date <= coalesce(p.tenure_start, '9999-12-31')
        ) AS untrained
      FROM people p
      WHERE p.role = 'spokesperson' AND p.archived = 0 AND (p.tenure_end IS NULL OR p.tenure_end >= ${today})
    )
    SELECT d.*,
      (SELECT count(*) FROM people p WHERE p.department_id = d.id AND p.archived = 0) AS people_count,
      (SELECT count(*) FROM current_spokespersons s WHERE s.department_id = d.id) AS spokesperson_count,
      (SELECT count(*) FROM current_spokespersons s WHERE s.department_id = d.id AND s.untrained) AS untrained_count,
      (SELECT m.name FROM departments m WHERE m.id = d.merged_into_id) AS merged_into_name
    FROM departments d
    WHERE (${filter.includeInactive ? 1 : 0} = 1 OR d.status = 'active')
      AND (${search} = ''
        OR instr(lower(d.name), ${search}) > 0
        OR instr(lower(d.full_name), ${search}) > 0
        OR EXISTS (SELECT 1 FROM department_names h WHERE h.department_id = d.id
                   AND (instr(lower(h.name), ${search}) > 0 OR instr(lower(h.full_name), ${search}) > 0))
        OR EXISTS (SELECT 1 FROM people p WHERE p.department_id = d.id AND p.archived = 0
                   AND instr(lower(p.name), ${search}) > 0))
    ORDER BY d.sort_order, d.id
  `);
  return rows
    .map(
      (r): DepartmentRow => ({
        id: r.id as string,
        name: r.name as string,
        fullName: r.full_name as string,
        listed: r.listed === 1,
        listedFrom: (r.listed_from as string | null) ?? null,
        listedUntil: (r.listed_until as string | null) ?? null,
        contactPerson: (r.contact_person as string | null) ?? null,
        contactPhone: (r.contact_phone as string | null) ?? null,
        sortOrder: r.sort_order as number,
        notes: (r.notes as string | null) ?? null,
        status: r.status as Department['status'],
        mergedIntoId: (r.merged_into_id as string | null) ?? null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
        peopleCount: r.people_count as number,
        spokespersonCount: r.spokesperson_count as number,
        untrainedSpokespersonCount: r.untrained_count as number,
        mergedIntoName: (r.merged_into_name as string | null) ?? null,
      }),
    )
    .filter(
      (r) =>
        (filter.listed === undefined || r.listed === filter.listed) &&
        (!filter.noSpokesperson || r.spokespersonCount === 0) &&
        (!filter.untrainedSpokesperson || r.untrainedSpokespersonCount > 0),
    );
}

export function listFormerNames(db: Db, departmentId: string): FormerName[] {
  return db
    .select({ name: departmentNames.name, fullName: departmentNames.fullName, until: departmentNames.until })
    .from(departmentNames)
    .where(eq(departmentNames.departmentId, departmentId))
    .orderBy(asc(departmentNames.until), asc(departmentNames.id))
    .all();
}

/** Conferences and attendance that name the department: they keep it from being deleted. */
export function countDepartmentRecords(db: Db, id: string): number {
  const row = db.get<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM ${conferences} WHERE host_department_id = ${id})
         + (SELECT count(*) FROM ${conferenceDepartments} WHERE department_id = ${id})
         + (SELECT count(*) FROM ${attendance} WHERE department_id = ${id})
         + (SELECT count(*) FROM people WHERE department_id = ${id})
         + (SELECT count(*) FROM documents WHERE department_id = ${id})
         + (SELECT count(*) FROM answers WHERE department_id = ${id}) AS n`);
  return row?.n ?? 0;
}

export function getDepartmentDetail(db: Db, id: string, today: string): DepartmentDetail {
  const department = getDepartment(db, id);
  const mergedInto = department.mergedIntoId
    ? (db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(eq(departments.id, department.mergedIntoId))
        .get() ?? null)
    : null;
  const mergedFrom = db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.mergedIntoId, id))
    .orderBy(asc(departments.sortOrder))
    .all();
  return {
    department,
    formerNames: listFormerNames(db, id),
    mergedInto,
    mergedFrom,
    people: listPeopleOfDepartment(db, id, today),
    recordCount: countDepartmentRecords(db, id),
  };
}

function assertNameFree(db: Db, name: string, exceptId: string | null): void {
  const clash = db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.name, name), eq(departments.status, 'active')))
    .all()
    .find((r) => r.id !== exceptId);
  if (clash) {
    throw new AppError('conflict', `a current department is already called "${name}"`, [
      { path: 'name', message: `a current department is already called "${name}"` },
    ]);
  }
}

function nextSortOrder(db: Db): number {
  const row = db.get<{ n: number | null }>(sql`SELECT max(sort_order) AS n FROM departments`);
  return (row?.n ?? 0) + 1;
}

export function createDepartment(db: Db, stamp: Stamp, fields: ParsedDepartment): Department {
  return db.transaction((t) => {
    assertNameFree(t, fields.name, null);
    const row = {
      id: stamp.newId(),
      ...fields,
      sortOrder: fields.sortOrder ?? nextSortOrder(t),
      status: 'active' as const,
      mergedIntoId: null,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    t.insert(departments).values(row).run();
    recordAudit(t, stamp, 'create', 'department', row.id, null, row);
    return toDepartment(row);
  });
}

/**
 * The columns to write, without the key: setting `id` (even to itself) makes SQLite check every
 * table that references departments, which costs a scan of each at a decade's size.
 */
function withoutId(d: Department): Omit<Department, 'id'> {
  const { id: _id, ...rest } = d;
  return rest;
}

/** Updates a department; a changed name or full name is kept in its history. */
export function updateDepartment(db: Db, stamp: Stamp, id: string, fields: ParsedDepartment): Department {
  return db.transaction((t) => {
    const before = getDepartment(t, id);
    if (before.status === 'active') assertNameFree(t, fields.name, id);
    if (before.name !== fields.name || before.fullName !== fields.fullName) {
      t.insert(departmentNames)
        .values({ departmentId: id, name: before.name, fullName: before.fullName, until: stamp.today })
        .run();
    }
    const after = { ...before, ...fields, sortOrder: fields.sortOrder ?? before.sortOrder, updatedAt: stamp.at };
    t.update(departments).set(withoutId(after)).where(eq(departments.id, id)).run();
    recordAudit(t, stamp, 'update', 'department', id, before, after);
    return after;
  });
}

/**
 * Marks a department as merged into its successor. Its past conferences and attendance stay
 * attributed to it; it leaves the current register and frees its short name.
 */
export function mergeDepartment(db: Db, stamp: Stamp, id: string, intoId: string): Department {
  if (id === intoId) throw new AppError('invalid_input', 'a department cannot be merged into itself');
  return db.transaction((t) => {
    const before = getDepartment(t, id);
    const into = getDepartment(t, intoId);
    if (before.status !== 'active') throw new AppError('conflict', `department "${before.name}" is not current`);
    if (into.status !== 'active') throw new AppError('conflict', `department "${into.name}" is not current`);
    const after: Department = {
      ...before,
      status: 'merged',
      mergedIntoId: intoId,
      listedUntil: before.listedUntil ?? stamp.today,
      updatedAt: stamp.at,
    };
    t.update(departments).set(withoutId(after)).where(eq(departments.id, id)).run();
    recordAudit(t, stamp, 'merge', 'department', id, before, after);
    return after;
  });
}

export function setDepartmentArchived(db: Db, stamp: Stamp, id: string, archived: boolean): Department {
  return db.transaction((t) => {
    const before = getDepartment(t, id);
    if (archived && before.status !== 'active')
      throw new AppError('conflict', `department "${before.name}" is not current`);
    if (!archived) {
      if (before.status !== 'archived') throw new AppError('conflict', `department "${before.name}" is not archived`);
      assertNameFree(t, before.name, id);
    }
    const after: Department = { ...before, status: archived ? 'archived' : 'active', updatedAt: stamp.at };
    t.update(departments).set(withoutId(after)).where(eq(departments.id, id)).run();
    recordAudit(t, stamp, archived ? 'archive' : 'restore', 'department', id, before, after);
    return after;
  });
}

/** Deletes a department that nothing refers to; otherwise asks to archive it instead. */
export function deleteDepartment(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = getDepartment(t, id);
    const records = countDepartmentRecords(t, id);
    const successors = t.select({ id: departments.id }).from(departments).where(eq(departments.mergedIntoId, id)).all();
    if (records > 0 || successors.length > 0) {
      throw new AppError(
        'conflict',
        `department "${before.name}" has ${records + successors.length} linked records (people, conferences or merges); archive it instead`,
      );
    }
    t.delete(departments).where(eq(departments.id, id)).run();
    recordAudit(t, stamp, 'delete', 'department', id, before, null);
  });
}
