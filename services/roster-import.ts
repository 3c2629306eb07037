// Roster import: a preview with every row's problem before anything is written, then all rows or
// none. A row names a person of a department; a person of that name already in that department is
// updated (phone, e-mail, 职务, role when given), anyone else is added.
import { eq } from 'drizzle-orm';
import { AppError } from '../common/result';
import type { RosterPreview, RosterPreviewRow } from '../common/roster-types';
import { createPerson, updatePerson } from '../db/queries/people';
import { departmentNames, departments, people } from '../db/schema';
import { makeStamp, type ServiceContext } from './context';
import { matchRoster, type RosterDepartment } from './roster/match';
import { parseRoster } from './roster/parse';
import { ROLE_WORDS } from './roster/roles';
import { currentActor } from './settings';

function rosterDepartments(ctx: ServiceContext): RosterDepartment[] {
  const active = ctx.db
    .select({ id: departments.id, name: departments.name, fullName: departments.fullName })
    .from(departments)
    .where(eq(departments.status, 'active'))
    .all();
  const former = ctx.db.select().from(departmentNames).all();
  return active.map((d) => ({
    ...d,
    aliases: former.filter((f) => f.departmentId === d.id).flatMap((f) => [f.name, f.fullName]),
  }));
}

export async function previewRoster(
  ctx: ServiceContext,
  file: { fileName: string; data: string },
): Promise<RosterPreview> {
  const parsed = await parseRoster({ name: file.fileName, bytes: Buffer.from(file.data, 'base64') });
  if (parsed.headerError) return { fileName: file.fileName, rows: [], errors: [], fileError: parsed.headerError };
  const deps = rosterDepartments(ctx);
  const matched = matchRoster(parsed.rows, deps, parsed.columns?.department ?? '部门');
  const errors = [...parsed.errors, ...matched.errors];
  const names = new Map(deps.map((d) => [d.id, d.name]));
  const staff = ctx.db.select().from(people).where(eq(people.archived, false)).all();
  const roleColumn = parsed.columns?.role ?? parsed.columns?.title ?? '角色';
  const rows: RosterPreviewRow[] = [];
  for (const r of matched.rows) {
    const existing = staff.find((p) => p.departmentId === r.departmentId && p.name === r.name);
    if (!existing && !r.role) {
      errors.push({
        line: r.line,
        column: roleColumn,
        message: r.roleText
          ? `"${r.roleText}" is not a role the register knows; write ${Object.values(ROLE_WORDS).join(', ')} for a new person`
          : `a new person needs a role: ${Object.values(ROLE_WORDS).join(', ')}`,
      });
      continue;
    }
    const title =
      r.roleText && r.roleText !== (r.role ? ROLE_WORDS[r.role] : null) ? r.roleText : (existing?.title ?? null);
    const next = {
      role: r.role ?? existing?.role ?? null,
      title,
      phone: r.phone ?? existing?.phone ?? null,
      email: r.email ?? existing?.email ?? null,
    };
    const unchanged =
      existing &&
      existing.role === next.role &&
      existing.title === next.title &&
      existing.phone === next.phone &&
      existing.email === next.email;
    rows.push({
      line: r.line,
      departmentText: r.department,
      departmentId: r.departmentId,
      departmentName: names.get(r.departmentId) ?? r.department,
      name: r.name,
      ...next,
      action: existing ? (unchanged ? 'unchanged' : 'update') : 'create',
      personId: existing?.id ?? null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { fileName: file.fileName, rows, errors, fileError: null };
}

/** Writes the previewed rows in one transaction; any problem in the file refuses all of it. */
export async function importRoster(
  ctx: ServiceContext,
  file: { fileName: string; data: string },
): Promise<{ created: number; updated: number; unchanged: number }> {
  const preview = await previewRoster(ctx, file);
  if (preview.fileError) throw new AppError('invalid_file', `${file.fileName}: ${preview.fileError}`);
  if (preview.errors.length) {
    throw new AppError(
      'invalid_file',
      `${file.fileName}: ${preview.errors.length} row(s) have problems; nothing was imported`,
      preview.errors.map((e) => ({ path: `line ${e.line}${e.column ? ` "${e.column}"` : ''}`, message: e.message })),
    );
  }
  if (!preview.rows.length) throw new AppError('invalid_file', `${file.fileName}: no rows to import`);
  const stamp = makeStamp(ctx, currentActor(ctx));
  return ctx.db.transaction((t) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const r of preview.rows) {
      if (r.action === 'unchanged') {
        counts.unchanged++;
        continue;
      }
      if (r.action === 'create' && r.role) {
        createPerson(t, stamp, {
          departmentId: r.departmentId,
          name: r.name,
          role: r.role,
          title: r.title,
          phone: r.phone,
          email: r.email,
          tenureStart: null,
          tenureEnd: null,
          notes: null,
        });
        counts.created++;
      } else if (r.personId) {
        const p = t.select().from(people).where(eq(people.id, r.personId)).get();
        if (!p) throw new AppError('conflict', `line ${r.line}: ${r.name} was removed meanwhile; preview again`);
        updatePerson(t, stamp, p.id, {
          departmentId: p.departmentId,
          name: p.name,
          role: r.role ?? p.role,
          title: r.title,
          phone: r.phone,
          email: r.email,
          tenureStart: p.tenureStart,
          tenureEnd: p.tenureEnd,
          notes: p.notes,
        });
        counts.updated++;
      }
    }
    return counts;
  });
}
