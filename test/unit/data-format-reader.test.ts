// The piecewise reader of large JSON files (services/data-format-reader.ts) against JSON.parse of
// the whole text: the same value (keys in the same order) for every valid object, whatever the
// chunk size, and for anything else either the same value or `undefined`, so that readJsonFile
// reads the file whole and reports exactly what it reported before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/result';
import { serializeDocument } from '../../services/data-format';
import { readJsonFile } from '../../services/data-format-file';
import { decodeUtf8, readJsonObjectInPieces } from '../../services/data-format-reader';
import { fixtureDocument } from './helpers/cli-fixture';

const dir = mkdtempSync(join(tmpdir(), 'po-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `f-${++n}.json`);
  writeFileSync(path, content);
  return path;
}

/** What readJsonFile gave before it read in pieces: the whole file decoded strictly, then parsed. */
function strict(bytes: Uint8Array): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: 'not UTF-8 text' };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Values, keys and key order, own "__proto__" keys included. */
const exact = (value: unknown) => JSON.stringify(value);

const CHUNKS = [1, 2, 3, 7, 64, 4096, 8 * 1024 * 1024];

describe('readJsonObjectInPieces', () => {
  const fixture = fixtureDocument();
  const valid: [string, string][] = [
    ['an export, pretty-printed', serializeDocument(fixture)],
    ['an export, on one line', JSON.stringify(fixture)],
    ['an export with a byte-order mark', `\ufeff${serializeDocument(fixture)}`],
    ['an empty object', '{}'],
    ['an empty object, spaced', ' \r\n\t{ \r\n\t} \r\n\t'],
    ['empty arrays', '{"a":[],"b":[ ],"c":[\n]}'],
    [
      'scalars and objects beside arrays',
      '{"a":1,"b":-0.5e-3,"c":true,"d":null,"e":"x","f":{"g":[1,{"h":[]}]},"i":[]}',
    ],
    ['arrays of scalars', '{"a":[1,2.5,-3e10,true,false,null,"s",""],"b":[[1],[[]],{}]}'],
    ['escapes at the end of strings', '{"a\\"":["\\\\","\\"","x\\\\\\"y\\\\","\\u0022]","\\\\\\\\"],"b":"\\\\"}'],
    ['brackets and commas inside strings', '{"a":["],[{}","{\\"a\\":[","\\u005d"],"b":"}"}'],
    [
      'CJK, astral characters and escapes',
      '{"营商":["营商环境 😀 𠀀","\\ud83d\\ude00","\\ud800","é\\u00e9"],"x":"\\u0000\\n\\t"}',
    ],
    ['a repeated key: first place, last value', '{"a":[1],"b":2,"a":[3],"c":4,"b":[5]}'],
    ['"__proto__" as a key', '{"__proto__":[1],"a":{"__proto__":{"b":2}}}'],
    ['integer-like keys', '{"b":[1],"2":[2],"1":3,"a":[]}'],
    ['deep nesting', `{"a":[${'['.repeat(200)}1${']'.repeat(200)}]}`],
  ];
  for (const [name, text] of valid) {
    it(`reads ${name} as JSON.parse does, whatever the chunk size`, () => {
      const path = file(text);
      const expected = strict(Buffer.from(text));
      if (!('value' in expected)) throw new Error(`not valid: ${expected.error}`);
      for (const chunk of CHUNKS) {
        const value = readJsonObjectInPieces(path, chunk);
        expect(value, `chunk ${chunk}`).toEqual(expected.value);
        expect(exact(value), `chunk ${chunk}`).toBe(exact(expected.value));
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      }
      expect(exact(readJsonFile(path))).toBe(exact(expected.value));
    });
  }

  it('keeps "__proto__" an own key and leaves the prototype alone', () => {
    const value = readJsonObjectInPieces(file('{"__proto__":[1]}'), 4) as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  const other: [string, string | Uint8Array][] = [
    ['an empty file', ''],
    ['only spaces', '   '],
    ['an array at the top', '[1,2]'],
    ['a string at the top', '"x"'],
    ['a number at the top', '1'],
    ['an unterminated object', '{"format": "press-office/v1", '],
    ['a trailing comma in an array', '{"a":[1,]}'],
    ['a trailing comma in the object', '{"a":[1],}'],
    ['two commas', '{"a":[1,,2]}'],
    ['a missing comma', '{"a":[1 2]}'],
    ['a missing colon', '{"a" [1]}'],
    ['a key that is not a string', '{a:[1]}'],
    ['text after the object', '{"a":[1]} x'],
    ['a second object', '{"a":[1]}{}'],
    ['a mismatched bracket', '{"a":[{"b":1]]}'],
    ['an unterminated string', '{"a":["x]}'],
    ['a raw line feed in a string', '{"a":["x\ny"]}'],
    ['a single quote', "{'a':[1]}"],
    ['a byte-order mark twice', '\ufeff\ufeff{}'],
    ['a form feed as space', '{\f"a":[1]}'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    [
      'a bad byte inside an element',
      Buffer.concat([Buffer.from('{"a":["x'), Buffer.from([0xe8, 0x90]), Buffer.from('"]}')]),
    ],
    ['a bad byte inside a key', Buffer.concat([Buffer.from('{"'), Buffer.from([0xc0, 0xaf]), Buffer.from('":[]}')])],
    ['a UTF-16 file', Buffer.from('\ufeff{"a":[1]}', 'utf16le')],
  ];
  for (const [name, content] of other) {
    it(`gives up on ${name}, and readJsonFile reports what it reported before`, () => {
      const path = file(content);
      for (const chunk of CHUNKS) expect(readJsonObjectInPieces(path, chunk), `chunk ${chunk}`).toBeUndefined();
      const expected = strict(typeof content === 'string' ? Buffer.from(content) : content);
      expectSameRead(path, expected);
    });
  }

  it('gives up on a file that cannot be read', () => {
    expect(readJsonObjectInPieces(join(dir, 'nowhere.json'))).toBeUndefined();
    expect(readJsonObjectInPieces(dir)).toBeUndefined();
    expect(() => readJsonFile(join(dir, 'nowhere.json'))).toThrow(/cannot read the file \(no such file or folder\)/);
  });

  it('agrees with JSON.parse on hundreds of damaged exports', () => {
    // Small edits of a real export (its bytes, so a character can be cut in the middle): each is
    // read as JSON.parse reads it, or given up so that the whole-file read reports the problem.
    const small = {
      ...fixture,
      departments: fixture.departments.slice(0, 2),
      documents: fixture.documents.slice(0, 1),
    };
    const base = Buffer.from(serializeDocument(small));
    expect('value' in strict(base)).toBe(true);
    const bytes = [
      0x22, 0x5c, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x20, 0x0a, 0x30, 0x2d, 0x65, 0x75, 0xe8, 0x90, 0xff,
    ];
    let seed = 1;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    let readInPieces = 0;
    const path = join(dir, 'damaged.json');
    for (let i = 0; i < 600; i++) {
      const at = random(base.length);
      const byte = bytes[random(bytes.length)] as number;
      const edit = random(3);
      const mutated =
        edit === 0
          ? Buffer.concat([base.subarray(0, at), Buffer.from([byte]), base.subarray(at)])
          : edit === 1
            ? Buffer.concat([base.subarray(0, at), base.subarray(at + 1)])
            : Buffer.concat([base.subarray(0, at), Buffer.from([byte]), base.subarray(at + 1)]);
      writeFileSync(path, mutated);
      const expected = strict(mutated);
      const inPieces = readJsonObjectInPieces(path, 16 + random(1000));
      if (inPieces !== undefined) {
        readInPieces++;
        expect('value' in expected, `edit ${i}`).toBe(true);
        if ('value' in expected) expect(exact(inPieces), `edit ${i}`).toBe(exact(expected.value));
      }
      expectSameRead(path, expected);
    }
    // Most single edits inside a string leave valid JSON: both ways were exercised.
    expect(readInPieces).toBeGreaterThan(60);
  });
});

function expectSameRead(path: string, expected: { value: unknown } | { error: string }): void {
  if ('value' in expected) {
    expect(exact(readJsonFile(path))).toBe(exact(expected.value));
    return;
  }
  let error: unknown;
  try {
    readJsonFile(path);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toContain(expected.error);
}

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 as Buffer.toString does: one to four bytes, every boundary, any length', () => {
    const points = [
      0, 0x7f, 0x80, 0x7ff, 0x800, 0xfff, 0x1000, 0x4e00, 0x9fff, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xffff, 0x10000,
      0x1f600, 0x20000, 0x10ffff,
    ];
    let seed = 3;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const texts = [
      '',
      'ascii only',
      String.fromCodePoint(...points),
      '营商环境 😀 𠀀 é',
      '营'.repeat(70_000),
      'x😀'.repeat(40_000),
    ];
    for (let i = 0; i < 300; i++) {
      const cps: number[] = [];
      for (let k = random(200); k > 0; k--) {
        let cp = random(4) === 0 ? (points[random(points.length)] as number) : random(0x110000);
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x4e00;
        cps.push(cp);
      }
      texts.push(String.fromCodePoint(...cps));
    }
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeUtf8(bytes)).toBe(text);
      // From the middle of a larger buffer, as the reader calls it.
      const padded = Buffer.concat([Buffer.from('ab'), bytes, Buffer.from('cd')]);
      expect(decodeUtf8(padded.subarray(2, 2 + bytes.length))).toBe(text);
    }
  });
});
