// docs/press-office-v1.schema.json must describe the same fields as the zod schemas the importer
// uses, and an export must satisfy it. No JSON Schema validator is installed, so a small one
// covering the keywords the schema uses is written here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidDate } from '../../common/dates';
import { talkingPoints } from '../../common/document-schemas';
import { makeStamp } from '../../services/context';
import { exportDocument, importDocument } from '../../services/data-format';
import { answerVersionRecord, documentReviewRecord, documentVersionRecord } from '../../services/data-format-documents';
import { conferenceMediaRecord, documentShell, RECORD_SCHEMAS, speakerRecord } from '../../services/data-format-schema';
import { testApp } from './helpers/app';
import { fixtureDocument } from './helpers/cli-fixture';
import { ROOT } from './helpers/cli-harness';

type Json = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'press-office-v1.schema.json'), 'utf8')) as Json;
const defs = schema.$defs as Record<string, Json>;

const DEF_OF = {
  departments: 'department',
  people: 'person',
  trainings: 'training',
  media: 'mediaOutlet',
  conferences: 'conference',
  attendance: 'attendance',
  documents: 'document',
  answers: 'answer',
} as const;

function validate(node: Json, value: unknown, path: string, errors: string[]): void {
  if (typeof node.$ref === 'string') {
    validate(defs[node.$ref.replace('#/$defs/', '')] ?? {}, value, path, errors);
  }
  if (Array.isArray(node.anyOf)) {
    const ok = node.anyOf.some((n) => {
      const e: string[] = [];
      validate(n as Json, value, path, e);
      return e.length === 0;
    });
    if (!ok) errors.push(`${path}: matches no alternative`);
  }
  if ('const' in node && value !== node.const) errors.push(`${path}: not ${JSON.stringify(node.const)}`);
  if (Array.isArray(node.enum) && !node.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (node.type !== undefined) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
    if (!ok) {
      errors.push(`${path}: expected ${types.join('|')}, got ${actual}`);
      return;
    }
  }
  if (typeof value === 'string') {
    if (typeof node.maxLength === 'number' && [...value].length > node.maxLength) errors.push(`${path}: too long`);
    if (typeof node.minLength === 'number' && [...value].length < node.minLength) errors.push(`${path}: too short`);
    if (typeof node.pattern === 'string' && !new RegExp(node.pattern, 'u').test(value)) errors.push(`${path}: pattern`);
  }
  if (typeof value === 'number') {
    if (typeof node.minimum === 'number' && value < node.minimum) errors.push(`${path}: below minimum`);
    if (typeof node.maximum === 'number' && value > node.maximum) errors.push(`${path}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof node.maxItems === 'number' && value.length > node.maxItems) errors.push(`${path}: too many items`);
    if (node.items) {
      value.forEach((v, i) => {
        validate(node.items as Json, v, `${path}[${i}]`, errors);
      });
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const props = (node.properties ?? {}) as Record<string, Json>;
    for (const key of (node.required ?? []) as string[]) if (!(key in value)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      if (props[key]) validate(props[key], v, `${path}.${key}`, errors);
      else if (node.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
}

function errorsOf(value: unknown): string[] {
  const errors: string[] = [];
  validate(schema, value, '$', errors);
  return errors;
}

describe('docs/press-office-v1.schema.json', () => {
  it('is draft 2020-12 and lists the same fields, required fields and values as the zod schemas', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const zodTop = z.toJSONSchema(documentShell, { io: 'input', unrepresentable: 'any' }) as Json;
    expect(Object.keys(schema.properties as Json)).toEqual(Object.keys(zodTop.properties as Json));
    expect(schema.required).toEqual(zodTop.required);
    expect(schema.additionalProperties).toBe(false);
    for (const [array, def] of Object.entries(DEF_OF)) {
      const zodDef = z.toJSONSchema(RECORD_SCHEMAS[array as keyof typeof DEF_OF], {
        io: 'input',
        unrepresentable: 'any',
      }) as Json;
      const ours = defs[def] as Json;
      expect(Object.keys(ours.properties as Json), def).toEqual(Object.keys(zodDef.properties as Json));
      expect(ours.required, def).toEqual(zodDef.required);
      expect(ours.additionalProperties, def).toBe(false);
      expect(((schema.properties as Record<string, Json>)[array]?.items as Json | undefined)?.$ref).toBe(
        `#/$defs/${def}`,
      );
      // Every enum in the zod schema appears with the same values in ours.
      for (const [key, prop] of Object.entries(zodDef.properties as Record<string, Json>)) {
        const zodEnum = (prop.enum ?? (prop.anyOf as Json[] | undefined)?.find((a) => a.enum)?.enum) as
          | unknown[]
          | undefined;
        if (!zodEnum) continue;
        const mine = (ours.properties as Record<string, Json>)[key] as Json;
        const resolved = typeof mine.$ref === 'string' ? defs[mine.$ref.replace('#/$defs/', '')] : mine;
        const values = resolved?.enum ?? (resolved?.anyOf as Json[] | undefined)?.find((a) => a.enum)?.enum;
        expect(values, `${def}.${key}`).toEqual(zodEnum);
      }
    }
  });

  it('describes nested records (speakers, media, versions, reviews, talking points) like the zod schemas', () => {
    for (const [def, zodSchema] of [
      ['speaker', speakerRecord],
      ['conferenceMedia', conferenceMediaRecord],
      ['documentVersion', documentVersionRecord],
      ['documentReview', documentReviewRecord],
      ['answerVersion', answerVersionRecord],
      ['talkingPoints', talkingPoints],
    ] as const) {
      const zodDef = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as Json;
      const ours = defs[def] as Json;
      expect(Object.keys(ours.properties as Json), def).toEqual(Object.keys(zodDef.properties as Json));
      expect(ours.required, def).toEqual(zodDef.required);
      expect(ours.additionalProperties, def).toBe(false);
    }
    const conference = defs.conference?.properties as Record<string, Json>;
    expect((conference.speakers?.items as Json | undefined)?.$ref).toBe('#/$defs/speaker');
    expect((conference.media?.items as Json | undefined)?.$ref).toBe('#/$defs/conferenceMedia');
    const document = defs.document?.properties as Record<string, Json>;
    expect((document.versions?.items as Json | undefined)?.$ref).toBe('#/$defs/documentVersion');
    expect((document.reviews?.items as Json | undefined)?.$ref).toBe('#/$defs/documentReview');
    expect(((defs.answer?.properties ?? {}) as Record<string, Json>).versions?.items).toEqual({
      $ref: '#/$defs/answerVersion',
    });
    // The items of talking points: the same fields, and strict like the importer.
    const zodPoints = z.toJSONSchema(talkingPoints, { io: 'input', unrepresentable: 'any' }) as Json;
    for (const [key, list] of Object.entries(zodPoints.properties as Record<string, Json>)) {
      if (!list.items) continue;
      const mine = (((defs.talkingPoints?.properties ?? {}) as Record<string, Json>)[key]?.items ?? {}) as Json;
      expect(Object.keys(mine.properties as Json), key).toEqual(Object.keys((list.items as Json).properties as Json));
      expect(mine.required, key).toEqual((list.items as Json).required);
      expect(mine.additionalProperties, key).toBe(false);
    }
  });

  it('accepts an export of every kind of record', () => {
    const app = testApp({ seed: false });
    importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), fixtureDocument());
    const doc = JSON.parse(JSON.stringify(exportDocument(app.ctx.db, new Date().toISOString())));
    expect(errorsOf(doc)).toEqual([]);
    for (const d of doc.departments) for (const n of d.formerNames) expect(isValidDate(n.until)).toBe(true);
    app.close();
  });

  it('refuses what the importer refuses structurally', () => {
    const base = { format: 'press-office/v1' };
    expect(errorsOf({ ...base, extra: 1 })).toEqual(['$.extra: not allowed']);
    expect(errorsOf({ format: 'press-office/v2' })).toHaveLength(1);
    expect(errorsOf({ ...base, people: [{ id: 'p', departmentId: 'd', name: ' ', role: 'boss' }] })).toEqual([
      '$.people[0].name: pattern',
      '$.people[0].role: not in enum',
    ]);
    expect(errorsOf({ ...base, trainings: [{ id: 't', personId: 'p', date: '2026-1-1', course: 'c' }] })).toEqual([
      '$.trainings[0].date: pattern',
    ]);
  });

  it('matches the examples in docs/data-format.md, which import cleanly', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'data-format.md'), 'utf8');
    const examples = [...doc.slice(doc.indexOf('## Example')).matchAll(/```json\n([\s\S]*?)```/g)].map((m) =>
      JSON.parse(m[1] ?? ''),
    );
    expect(examples).toHaveLength(2);
    const app = testApp();
    for (const example of examples) {
      expect(errorsOf(example)).toEqual([]);
      expect(() => importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), example)).not.toThrow();
    }
    app.close();
  });
});
