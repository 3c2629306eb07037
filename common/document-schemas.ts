// Input schemas of documents, talking points (口径), the answer library (口径库) and templates,
// shared by the API contract, the data format and the UI forms.
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from './document-model';
import { date, id } from './schemas';
import { LIMITS, optionalText, requiredText, text } from './text';

export const documentKind = z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]);
export const DOCUMENT_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'released'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const TEMPLATE_KINDS = [...DOCUMENT_KINDS, 'compliance'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The columns of the government portal a document can be published in (门户网站栏目). */
export const PORTAL_COLUMNS = ['新闻发布', '政策解读', '政府信息公开', '通知公告'] as const;

const ITEMS = 200;

/** 答问口径: what a spokesperson will say at a conference. */
export const talkingPoints = z
  .object({
    keyMessage: text(LIMITS.notes).default(''),
    points: z
      .array(
        z.object({
          text: requiredText(LIMITS.notes),
          figure: optionalText(LIMITS.shortText),
          source: optionalText(LIMITS.shortText),
        }),
      )
      .max(ITEMS)
      .default([]),
    questions: z
      .array(
        z.object({
          question: requiredText(LIMITS.notes),
          answer: text(LIMITS.notes).default(''),
          // Who answers it at the conference.
          answererId: id.nullish().transform((v) => v ?? null),
          // The 口径库 entry it was taken from.
          answerId: id.nullish().transform((v) => v ?? null),
        }),
      )
      .max(ITEMS)
      .default([]),
    sensitive: z
      .array(z.object({ point: requiredText(LIMITS.notes), bridge: text(LIMITS.notes).default('') }))
      .max(ITEMS)
      .default([]),
  })
  .strict();
export type TalkingPoints = z.output<typeof talkingPoints>;
export type TalkingPointsInput = z.input<typeof talkingPoints>;

export const documentFields = z
  .object({
    kind: documentKind,
    // May be left empty when a template gives the title (documents.create with templateId).
    title: text(LIMITS.title).default(''),
    conferenceId: id.nullish().transform((v) => v ?? null),
    departmentId: id.nullish().transform((v) => v ?? null),
    personId: id.nullish().transform((v) => v ?? null),
    body: text(LIMITS.body).default(''),
    talkingPoints: talkingPoints.nullish().transform((v) => v ?? null),
    portalColumn: optionalText(50),
    docNumber: optionalText(LIMITS.shortText),
    policyTitle: optionalText(LIMITS.title),
    policyNumber: optionalText(LIMITS.shortText),
    policyDate: z
      .union([date, z.literal(''), z.null()])
      .optional()
      .transform((d) => (d ? d : null)),
    templateId: optionalText(100),
  })
  .refine((d) => d.talkingPoints === null || d.kind === 'qa', {
    message: 'only a 答问口径 (qa) document has talking points',
    path: ['talkingPoints'],
  });
export type DocumentFields = z.input<typeof documentFields>;

const documentFilterFields = {
  search: text(LIMITS.title).optional(),
  kind: documentKind.optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  conferenceId: id.optional(),
  departmentId: id.optional(),
};

export const documentFilter = z.object(documentFilterFields).default({});

/** The most rows one `documents.page` answers with (the list page shows 20 to 200). */
export const DOCUMENT_PAGE_MAX = 200;

/** A page of the filtered list: rows `offset` to `offset + limit - 1`, newest first. */
export const documentPageRequest = z.object({
  ...documentFilterFields,
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(DOCUMENT_PAGE_MAX),
});

export const answerFields = z.object({
  question: requiredText(LIMITS.notes),
  answer: requiredText(LIMITS.notes),
  departmentId: id.nullish().transform((v) => v ?? null),
  topic: optionalText(100),
  tags: z.array(requiredText(50)).max(50).default([]),
});
export type AnswerFields = z.input<typeof answerFields>;

export const answerFilter = z
  .object({
    search: text(LIMITS.title).optional(),
    departmentId: id.optional(),
    topic: text(100).optional(),
    staleOnly: z.boolean().optional(),
    includeArchived: z.boolean().optional(),
  })
  .default({});

export const templateFields = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  name: requiredText(LIMITS.name),
  title: text(LIMITS.title),
  body: text(LIMITS.body),
  basedOn: optionalText(100),
});

/** Office settings the documents use: 发布机构, 发文字号 prefix, signature block. */
export const officeFields = z.object({
  name: requiredText(LIMITS.name),
  docPrefix: text(50),
  signature: text(LIMITS.shortText),
  exportDir: optionalText(1000).refine((d) => d === null || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(d), {
    message: 'must be a full path, e.g. D:\\新闻办\\导出 or /home/office/exports',
  }),
  // Absent: keeps the stored code.
  indexCode: text(40)
    .regex(/^[A-Za-z0-9-]+$/, { message: 'may hold only letters, digits and dashes' })
    .optional(),
});
export type OfficeFields = z.input<typeof officeFields>;

/** Where an export goes: a folder (absolute; default the office's export folder) and a file name. */
export const exportTarget = z.object({
  dir: text(1000).nullish(),
  fileName: text(255).nullish(),
  overwrite: z.boolean().optional(),
});

/** A file the user picked, as bytes in base64 (the renderer cannot read paths). */
export const uploadedFile = z.object({
  fileName: requiredText(255),
  // 5 MB of file is at most 6,990,508 base64 characters.
  data: z
    .string()
    .max(7_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'is not base64' }),
});
