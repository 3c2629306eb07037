// Templates of documents: the built-ins (files, read-only) and the office's edited copies (in the
// database). A template is checked when saved: an unknown placeholder is an error naming it and its
// line, never blank text in a document.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { localDate } from '../common/dates';
import type { TemplateKind, templateFields } from '../common/document-schemas';
import type { TemplateView } from '../common/document-types';
import { AppError } from '../common/result';
import { type FilledTemplate, fillTemplate, findPlaceholders, validateTemplate } from '../common/templates/engine';
import { recordAudit } from '../db/queries/audit';
import { getConferenceDetail } from '../db/queries/conference-list';
import { getDepartmentDetail, listDepartments } from '../db/queries/departments';
import { getPerson } from '../db/queries/people';
import { documentTemplates, people } from '../db/schema';
import { complianceReport } from './compliance';
import { makeStamp, type ServiceContext } from './context';
import type { ParsedDocumentFields } from './documents';
import { readOffice } from './office';
import { currentActor } from './settings';
import { builtinTemplate, builtinTemplates } from './templates/builtin';
import { placeholderValues } from './templates/values';

type TemplateFields = z.output<typeof templateFields>;

export function listTemplates(ctx: ServiceContext): TemplateView[] {
  const builtins: TemplateView[] = builtinTemplates().map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    title: b.title,
    body: b.body,
    builtin: true,
    basedOn: null,
    description: b.description,
    updatedAt: null,
  }));
  const copies = ctx.db
    .select()
    .from(documentTemplates)
    .where(eq(documentTemplates.archived, false))
    .orderBy(documentTemplates.kind, documentTemplates.name)
    .all()
    .map(
      (r): TemplateView => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        title: r.title,
        body: r.body,
        builtin: false,
        basedOn: r.basedOn,
        description: null,
        updatedAt: r.updatedAt,
      }),
    );
  return [...builtins, ...copies];
}

export function getTemplate(ctx: ServiceContext, id: string): TemplateView {
  const found = listTemplates(ctx).find((t) => t.id === id);
  if (!found) throw new AppError('not_found', `template "${id}" does not exist`);
  return found;
}

/** The template's problems as API issues: `body: line 4: unknown placeholder {{x}}`. */
function assertValid(fields: { title: string; body: string }): void {
  const errors = validateTemplate(fields).filter((i) => i.severity === 'error');
  if (errors.length) {
    throw new AppError(
      'invalid_input',
      `the template has ${errors.length} problem(s): ${errors.map((e) => e.message).join('; ')}`,
      // Each message already names its place (`body line 4: unknown placeholder {{x}}`).
      errors.map((e) => ({ path: e.field, message: e.message })),
    );
  }
}

export function copyTemplate(ctx: ServiceContext, id: string, name: string | null): TemplateView {
  const source = getTemplate(ctx, id);
  const stamp = makeStamp(ctx, currentActor(ctx));
  const row = {
    id: stamp.newId(),
    kind: source.kind,
    name: name ?? `${source.name}（副本）`,
    title: source.title,
    body: source.body,
    basedOn: source.id,
    archived: false,
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  ctx.db.transaction((t) => {
    t.insert(documentTemplates).values(row).run();
    recordAudit(t, stamp, 'create', 'template', row.id, null, { ...row, body: undefined });
  });
  return getTemplate(ctx, row.id);
}

function ownCopy(ctx: ServiceContext, id: string) {
  if (builtinTemplate(id))
    throw new AppError('conflict', `"${id}" is a built-in template and cannot be changed; copy it first`);
  const row = ctx.db.select().from(documentTemplates).where(eq(documentTemplates.id, id)).get();
  if (!row || row.archived) throw new AppError('not_found', `template "${id}" does not exist`);
  return row;
}

export function updateTemplate(ctx: ServiceContext, id: string, fields: TemplateFields): TemplateView {
  const before = ownCopy(ctx, id);
  if (fields.kind !== before.kind) throw new AppError('invalid_input', 'the kind of a template cannot change');
  assertValid(fields);
  const stamp = makeStamp(ctx, currentActor(ctx));
  ctx.db.transaction((t) => {
    t.update(documentTemplates)
      .set({ name: fields.name, title: fields.title, body: fields.body, updatedAt: stamp.at })
      .where(eq(documentTemplates.id, id))
      .run();
    recordAudit(
      t,
      stamp,
      'update',
      'template',
      id,
      { name: before.name, title: before.title },
      { name: fields.name, title: fields.title },
    );
  });
  return getTemplate(ctx, id);
}

export function removeTemplate(ctx: ServiceContext, id: string): { id: string } {
  ownCopy(ctx, id);
  const stamp = makeStamp(ctx, currentActor(ctx));
  ctx.db.transaction((t) => {
    t.update(documentTemplates).set({ archived: true, updatedAt: stamp.at }).where(eq(documentTemplates.id, id)).run();
    recordAudit(t, stamp, 'archive', 'template', id, null, null);
  });
  return { id };
}

export interface FillContext {
  conferenceId?: string | null | undefined;
  departmentId?: string | null | undefined;
  personId?: string | null | undefined;
  year?: number | null | undefined;
  policy?: { title: string | null; number: string | null; date: string | null } | undefined;
  docNumber?: string | null | undefined;
}

/** Fills a template's text from the records it is about. Compliance is computed only when used. */
export function fillFromRecords(
  ctx: ServiceContext,
  text: { title: string; body: string },
  c: FillContext,
): FilledTemplate {
  const today = localDate(ctx.now());
  const conference = c.conferenceId ? getConferenceDetail(ctx.db, c.conferenceId, today) : null;
  const departmentId = c.departmentId ?? conference?.hostDepartmentId ?? conference?.departmentIds[0] ?? null;
  const department = departmentId ? getDepartmentDetail(ctx.db, departmentId, today) : null;
  const person = c.personId ? getPerson(ctx.db, c.personId) : null;
  const usesCompliance = [...findPlaceholders(text.title), ...findPlaceholders(text.body)].some((p) =>
    p.key.startsWith('compliance.'),
  );
  const year = c.year ?? Number((conference?.date ?? today).slice(0, 4));
  const values = placeholderValues({
    conference,
    department,
    person,
    office: readOffice(ctx),
    compliance: usesCompliance ? complianceReport(ctx, { year, asOf: today }) : null,
    policy: c.policy ?? null,
    document: { number: c.docNumber ?? null },
    today,
    departments: usesCompliance || conference ? listDepartments(ctx.db, { includeInactive: true }, today) : undefined,
    people: conference ? ctx.db.select({ id: people.id, title: people.title }).from(people).all() : undefined,
  });
  return fillTemplate(text, values);
}

export function previewTemplate(
  ctx: ServiceContext,
  input: FillContext & {
    templateId?: string | null | undefined;
    title?: string | undefined;
    body?: string | undefined;
  },
): FilledTemplate & { issues: ReturnType<typeof validateTemplate> } {
  const source = input.templateId
    ? getTemplate(ctx, input.templateId)
    : { title: input.title ?? '', body: input.body ?? '' };
  const text = { title: input.title ?? source.title, body: input.body ?? source.body };
  return { ...fillFromRecords(ctx, text, input), issues: validateTemplate(text) };
}

/** A new document's fields with an empty title and body taken from the template, filled in. */
export function draftFromTemplate(
  ctx: ServiceContext,
  templateId: string,
  f: ParsedDocumentFields,
): ParsedDocumentFields {
  const template = getTemplate(ctx, templateId);
  if (template.kind !== f.kind && !(template.kind === 'compliance' && f.kind === 'circular')) {
    throw new AppError('invalid_input', `template "${template.name}" is for ${template.kind} documents, not ${f.kind}`);
  }
  const filled = fillFromRecords(ctx, template, {
    conferenceId: f.conferenceId,
    departmentId: f.departmentId,
    personId: f.personId,
    policy: { title: f.policyTitle, number: f.policyNumber, date: f.policyDate },
    docNumber: f.docNumber,
  });
  return {
    ...f,
    title: f.title.trim() && f.title !== template.name ? f.title : filled.title.trim() || f.title,
    body: f.body.trim() ? f.body : filled.body,
    // A body written from a template is text; talking points start empty beside it.
    talkingPoints: null,
    templateId: template.id,
  };
}

export type { TemplateKind };
