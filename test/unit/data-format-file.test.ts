// `exportToFile` writes the export a piece at a time: the file is the very text of the document serialized
// whole, and a failure half-way leaves nothing behind (nor touches a file already there).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/result';
import { makeStamp } from '../../services/context';
import { exportDocument, importDocument, serializeDocument } from '../../services/data-format';
import { exportToFile } from '../../services/data-format-file';
import { documentRecordPages, readDocumentRecords } from '../../services/data-format-store';
import { testApp } from './helpers/app';
import { fixtureDocument } from './helpers/cli-fixture';

const dir = mkdtempSync(join(tmpdir(), 'press-office-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const target = () => join(dir, `export-${++n}.json`);

function exported(app: ReturnType<typeof testApp>) {
  const path = target();
  const stamp = makeStamp(app.ctx, 'tester');
  const counts = exportToFile(app.ctx.db, stamp, path);
  return {
    path,
    counts,
    text: readFileSync(path, 'utf8'),
    whole: serializeDocument(exportDocument(app.ctx.db, stamp.at)),
  };
}

describe('exportToFile', () => {
  it('writes, piece by piece, exactly the text of the whole document serialized at once', () => {
    const app = testApp({ seed: false });
    // Every kind of record, with line breaks, quotes, emoji and Chinese in the texts.
    importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), fixtureDocument(), 'fixture.json');
    const { text, whole, counts } = exported(app);
    expect(text).toBe(whole);
    expect(counts).toEqual({
      departments: fixtureDocument().departments.length,
      people: fixtureDocument().people.length,
      trainings: fixtureDocument().trainings.length,
      media: fixtureDocument().media.length,
      conferences: fixtureDocument().conferences.length,
      attendance: fixtureDocument().attendance.length,
      documents: fixtureDocument().documents.length,
      answers: fixtureDocument().answers.length,
    });
    app.close();
  });

  it('reads the documents page by page as it reads them at once: the same records in the same order', () => {
    const app = testApp({ seed: false });
    importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), fixtureDocument(), 'fixture.json');
    const all = readDocumentRecords(app.ctx.db);
    expect(all.length).toBe(3);
    // Some with versions and review records, on both sides of a page's edge.
    expect(all.some((d) => d.versions.length > 1 && d.reviews.length > 0)).toBe(true);
    for (const size of [1, 2, 3, 4]) {
      const pages = [...documentRecordPages(app.ctx.db, size)];
      expect(pages.map((p) => p.length)).toEqual(size === 1 ? [1, 1, 1] : size === 2 ? [2, 1] : [3]);
      expect(pages.flat()).toEqual(all);
    }
    app.close();
  });

  it('writes an empty register as the whole serialization does (empty arrays as [])', () => {
    const app = testApp({ seed: false });
    const { text, whole } = exported(app);
    expect(text).toBe(whole);
    expect(text).toContain('"departments": [],');
    app.close();
  });

  it('leaves nothing behind, and a file already there as it was, when reading fails half-way', () => {
    const app = testApp({ seed: false });
    importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), fixtureDocument(), 'fixture.json');
    const path = target();
    writeFileSync(path, 'the previous export');
    // The last array cannot be read: everything before it has been written to the temp file by then.
    app.client.exec('ALTER TABLE answers RENAME TO answers_gone');
    expect(() => exportToFile(app.ctx.db, makeStamp(app.ctx, 'tester'), path)).toThrow(/no such table: answers/);
    expect(readFileSync(path, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir).filter((name) => name.includes('press-office-tmp'))).toEqual([]);
    app.close();
  });

  it('names the file when it cannot be written', () => {
    const app = testApp({ seed: false });
    const path = join(dir, 'no-such-folder', 'export.json');
    let error: unknown;
    try {
      exportToFile(app.ctx.db, makeStamp(app.ctx, 'tester'), path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(`${path}: cannot write the file (no such file or folder)`);
    app.close();
  });
});
