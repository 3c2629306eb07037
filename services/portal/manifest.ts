// press-office-portal/v1: the manifest of one portal package. docs/portal-manifest.schema.json
// mirrors this schema (a unit test keeps the two in step); verify-portal checks packages against it.
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../../common/document-model';

export const PORTAL_FORMAT = 'press-office-portal/v1';

const iso = z.iso.datetime({ offset: true });

export const fileEntry = z
  .object({
    path: z.string().min(1).max(500),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
  })
  .strict();

export const itemMetadata = z
  .object({
    indexNo: z.string().min(1).max(80),
    publisher: z.string().min(1).max(200),
    generatedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    docNumber: z.union([z.string().max(200), z.null()]),
    topicCategory: z.string().min(1).max(100),
    disclosure: z.string().min(1).max(20),
    summary: z
      .string()
      .max(400)
      .refine((s) => Array.from(s).length <= 100, { message: 'must be at most 100 characters' }),
  })
  .strict();

export const manifestItem = z
  .object({
    id: z.string().min(1).max(100),
    column: z.string().min(1).max(50),
    kind: z.enum(DOCUMENT_KINDS as [DocumentKind, ...DocumentKind[]]),
    title: z.string().min(1).max(200),
    metadata: itemMetadata,
    // The item id of the policy a 政策解读 interprets, when the policy is published too.
    interprets: z.union([z.string().min(1).max(100), z.null()]),
    updatedAt: iso,
    files: z.array(fileEntry).min(1).max(20),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(PORTAL_FORMAT),
    generatedAt: iso,
    office: z.object({ name: z.string().min(1).max(200), indexCode: z.string().min(1).max(40) }).strict(),
    sequence: z.number().int().min(1),
    previousSequence: z.union([z.number().int().min(1), z.null()]),
    full: z.boolean(),
    items: z.array(manifestItem),
    deleted: z.array(z.string().min(1).max(100)),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestItem = z.infer<typeof manifestItem>;
export type FileEntry = z.infer<typeof fileEntry>;
