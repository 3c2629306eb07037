// docs/portal-manifest.schema.json and the zod schema verify-portal uses say the same thing:
// real manifests pass both, and each kind of broken manifest fails both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../services/dispatch';
import { manifestSchema } from '../../services/portal/manifest';
import { testApp } from './helpers/app';
import { call } from './helpers/call';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'portal-manifest.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'press-office-portal-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Loose on purpose: the cases break the manifest in ways its type forbids.
// biome-ignore lint/suspicious/noExplicitAny: see above
type M = any;

let cached: Record<string, unknown> | null = null;

async function realManifest(): Promise<Record<string, unknown>> {
  cached ??= await exportOnce();
  return structuredClone(cached);
}

async function exportOnce(): Promise<Record<string, unknown>> {
  const app = testApp();
  try {
    call(app, 'settings.update', { userName: '起草人' });
    const doc = call(app, 'documents.create', {
      fields: {
        kind: 'release',
        title: '通稿',
        body: '正文',
        portalColumn: '新闻发布',
        docNumber: '日新办〔2026〕2号',
      },
    });
    call(app, 'documents.review', { id: doc.id, action: 'submit' });
    call(app, 'settings.update', { userName: '审核人' });
    call(app, 'documents.review', { id: doc.id, action: 'approve', confidentialityBy: '保密员' });
    const r = await dispatchAsync(app.ctx, 'portal.export', { dir, full: true });
    if (!r.ok) throw new Error(r.error.message);
    return JSON.parse(readFileSync(join((r.value as { folder: string }).folder, 'manifest.json'), 'utf8'));
  } finally {
    app.close();
  }
}

describe('portal manifest schema', () => {
  it('accepts a real manifest in both', async () => {
    const m = await realManifest();
    expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(manifestSchema.safeParse(m).success).toBe(true);
  });

  it.each([
    ['an unknown top-level field', (m: M) => ({ ...m, extra: 1 })],
    ['a missing sequence', ({ sequence: _s, ...m }: M) => m],
    ['sequence 0', (m: M) => ({ ...m, sequence: 0 })],
    ['another format', (m: M) => ({ ...m, format: 'press-office-portal/v2' })],
    [
      'a bad checksum',
      (m: M) => ({ ...m, items: [{ ...m.items[0], files: [{ ...m.items[0].files[0], sha256: 'xyz' }] }] }),
    ],
    ['an item without files', (m: M) => ({ ...m, items: [{ ...m.items[0], files: [] }] })],
    ['an unknown kind', (m: M) => ({ ...m, items: [{ ...m.items[0], kind: 'memo' }] })],
    [
      'a metadata field left out',
      (m: M) => ({ ...m, items: [{ ...m.items[0], metadata: { ...m.items[0].metadata, indexNo: undefined } }] }),
    ],
    ['an unknown office field', (m: M) => ({ ...m, office: { ...m.office, code: 'x' } })],
  ])('refuses %s in both', async (_name, change) => {
    const m = JSON.parse(JSON.stringify(change(await realManifest())));
    expect(validate(m)).toBe(false);
    expect(manifestSchema.safeParse(m).success).toBe(false);
  });
});
