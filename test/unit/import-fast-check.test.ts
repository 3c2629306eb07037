// The import's fast record check (services/data-format-fast.ts) against zod: on the fixture's
// records and on thousands of mutations of them, whatever the fast path accepts, zod accepts too,
// with the same output (values, keys, key order), and nothing zod would strip. What it does not
// accept goes to zod, so the problems reported never change.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { talkingPoints } from '../../common/document-schemas';
import {
  answerRecord,
  answerVersionRecord,
  documentRecord,
  documentReviewRecord,
  documentVersionRecord,
} from '../../services/data-format-documents';
import { FAST_KEYS, fastRecord } from '../../services/data-format-fast';
import {
  type ArrayName,
  attendanceRecord,
  conferenceMediaRecord,
  conferenceRecord,
  formatIssueMessage,
  speakerRecord,
  strippedKeys,
} from '../../services/data-format-schema';
import { fixtureDocument } from './helpers/cli-fixture';

const SCHEMAS = {
  conferences: conferenceRecord,
  attendance: attendanceRecord,
  documents: documentRecord,
  answers: answerRecord,
} as const;
type Name = keyof typeof SCHEMAS;

/** Values, keys and key order; an undefined value kept apart from an absent key. */
const exact = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '(undefined)' : v));

const DELETE = Symbol('delete');
const lengths = [5, 6, 49, 50, 51, 99, 100, 101, 199, 200, 201, 4999, 5000, 5001];
const VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  '',
  ' ',
  '\u3000\n',
  'x',
  ' x ',
  '营商环境 😀 𠀀',
  'a\ud800b',
  '\udc00',
  0,
  1,
  2,
  -1,
  1.5,
  Number.NaN,
  1_000_000,
  1_000_001,
  true,
  false,
  [],
  {},
  ['x'],
  [''],
  [null],
  [{}],
  ['x', 'x'],
  '2026-02-28',
  '2024-02-29',
  '2026-02-30',
  '0000-02-29',
  '2026-3-1',
  '2026-03-15T09:00:00+08:00',
  '2026-03-15T01:00:00.000Z',
  '2026-03-15T01:00:00.123456Z',
  '2026-03-15T09:00:00',
  '2026-03-15T24:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-03-15T09:00Z',
  '2026-03-15T09:00:00+24:00',
  '09:30',
  '23:59',
  '24:00',
  '9:30',
  'head',
  'spokesperson',
  'city',
  'department',
  'planned',
  'held',
  'attended',
  'absent',
  'ad_hoc',
  'qa',
  'release',
  'draft',
  'approved',
  'approve',
  'newspaper',
  { keyMessage: 'k' },
  { keyMessage: 'k', points: [{ text: 't' }], questions: [{ question: 'q' }], sensitive: [{ point: 'p' }] },
  { keyMessage: 'k', colour: 'red' },
  { text: 'x', extra: 1 },
  ...lengths.flatMap((n) => ['长'.repeat(n), '𠀀'.repeat(n), `${' '.repeat(n - 1)}x`]),
];

/** Every path to a field of the record, nested records and the first item of each list included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length > 0 ? [...paths(value[0], [...prefix, 0]), [...prefix, value.length]] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const out: (string | number)[][] = [[...prefix, 'unknownField']];
  for (const [key, v] of Object.entries(value)) out.push([...prefix, key], ...paths(v, [...prefix, key]));
  return out;
}

function mutate(record: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy;
}

/** Compares the fast path with zod on one record; true when the fast path accepted it. */
function compare(name: Name, record: unknown): boolean {
  const fast = fastRecord(name as ArrayName, record);
  if (fast === undefined) return false;
  const zod = SCHEMAS[name].safeParse(record, { error: formatIssueMessage });
  if (!zod.success) throw new Error(`fast path accepted what zod refuses: ${name} ${exact(record)}`);
  expect(exact(fast)).toBe(exact(zod.data));
  expect(strippedKeys(SCHEMAS[name], record, name)).toEqual([]);
  return true;
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixture = fixtureDocument();
const records: Record<Name, unknown[]> = {
  conferences: fixture.conferences,
  attendance: fixture.attendance,
  documents: fixture.documents,
  answers: fixture.answers,
};

describe('the fast record check of the import', () => {
  it('accepts every record of an export, giving exactly what zod gives', () => {
    for (const name of Object.keys(SCHEMAS) as Name[]) {
      expect(records[name].length).toBeGreaterThan(0);
      for (const record of records[name]) expect(compare(name, record)).toBe(true);
    }
  });

  it('leaves the other arrays to zod', () => {
    for (const name of ['departments', 'people', 'trainings', 'media'] as const) {
      for (const record of fixture[name]) expect(fastRecord(name, record)).toBeUndefined();
    }
  });

  it('accepts a mutated record only when zod accepts it, with the same output', () => {
    let accepted = 0;
    let tried = 0;
    for (const name of Object.keys(SCHEMAS) as Name[]) {
      for (const record of records[name]) {
        for (const path of paths(record)) {
          for (const value of VALUES) {
            tried++;
            if (compare(name, mutate(record, path, value))) accepted++;
          }
        }
      }
    }
    // Both ways are exercised: many mutations are still valid records, many are not.
    expect(accepted).toBeGreaterThan(tried / 20);
    expect(tried - accepted).toBeGreaterThan(tried / 2);
  });

  it('agrees with zod on records with several mutations at once', () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    for (let i = 0; i < 3000; i++) {
      const name = pick(Object.keys(SCHEMAS) as Name[]);
      let record = pick(records[name]);
      for (let j = 0; j < 3; j++) {
        const options = paths(record);
        if (options.length === 0) break;
        record = mutate(record, pick(options), pick(VALUES));
      }
      compare(name, record);
    }
  });

  it('knows exactly the fields of the zod schemas (a new field must be added to the fast path)', () => {
    const keys = (schema: z.ZodObject) => Object.keys(schema.shape);
    const item = (list: z.ZodType) => (list as unknown as z.ZodDefault<z.ZodArray<z.ZodObject>>).unwrap().element;
    expect(FAST_KEYS.attendance).toEqual(keys(attendanceRecord));
    expect(FAST_KEYS.conference).toEqual(keys(conferenceRecord));
    expect(FAST_KEYS.speaker).toEqual(keys(speakerRecord));
    expect(FAST_KEYS.conferenceMedia).toEqual(keys(conferenceMediaRecord));
    expect(FAST_KEYS.document).toEqual(keys(documentRecord));
    expect(FAST_KEYS.documentVersion).toEqual(keys(documentVersionRecord));
    expect(FAST_KEYS.documentReview).toEqual(keys(documentReviewRecord));
    expect(FAST_KEYS.talkingPoints).toEqual(keys(talkingPoints));
    expect(FAST_KEYS.point).toEqual(keys(item(talkingPoints.shape.points)));
    expect(FAST_KEYS.question).toEqual(keys(item(talkingPoints.shape.questions)));
    expect(FAST_KEYS.sensitive).toEqual(keys(item(talkingPoints.shape.sensitive)));
    expect(FAST_KEYS.answer).toEqual(keys(answerRecord));
    expect(FAST_KEYS.answerVersion).toEqual(keys(answerVersionRecord));
  });
});
