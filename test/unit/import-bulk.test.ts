// The bulk path of the press-office/v1 import: one audit row per table into an empty database, the
// indexes and full-text triggers dropped for the writes and built again at the end of the same
// transaction (exactly as the migrations made them), the rollback journal for a fresh file, and
// all of it undone when anything fails half-way.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { registerFunctions } from '../../db/open';
import { searchQuery } from '../../db/queries/search';
import { auditLog } from '../../db/schema';
import { makeStamp } from '../../services/context';
import { exportDocument, importDocument } from '../../services/data-format';
import { SEARCH_INDEXES } from '../../services/data-format-store';
import { type OpenedApp, openApp } from '../../services/open-app';
import { testApp } from './helpers/app';
import { fixtureDocument } from './helpers/cli-fixture';

const AT = '2026-03-15T01:00:00.000Z';
const MIGRATIONS = join(import.meta.dirname, '..', '..', 'db', 'migrations');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-office-import-'));
  dirs.push(dir);
  return join(dir, 'office.db');
}
const fileApp = (path: string) => openApp(path, { mode: 'cli', actor: 'tester', seed: false });

function importInto(app: OpenedApp, doc: unknown) {
  return importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), doc, 'test.json');
}

/** Every statement of the migrations, without its final semicolon. */
function migrationStatements(): string[] {
  return readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => readFileSync(join(MIGRATIONS, f), 'utf8').split('--> statement-breakpoint'))
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.startsWith('--'))
        .join('\n')
        .trim()
        .replace(/;$/, ''),
    );
}

/** The schema as SQLite keeps it (the text of every table, index and trigger). */
function schemaOf(client: Database.Database) {
  return client.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}

/** Every row of every table, the full-text indexes' own tables included. */
function fullDigest(client: Database.Database): string {
  const hash = createHash('sha256');
  const tables = client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  for (const t of tables) {
    if (/^CREATE VIRTUAL TABLE/i.test(t.sql)) continue;
    hash.update(`\u0000${t.name}`);
    for (const row of client.prepare(`SELECT * FROM "${t.name}"`).raw(true).all() as unknown[][]) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

// Texts from a small vocabulary, so that searches of one to four characters find many rows.
const WORDS = [
  '营商环境',
  '优化',
  '发展',
  '项目建设',
  '新闻发布会',
  '政策解读',
  '日照港',
  '民生',
  'AI',
  '5G',
  '😀',
  '𠀀',
  '。',
];
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function corpus(seed: number, documents: number, answers: number) {
  const next = random(seed);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join('');
  return {
    format: 'press-office/v1',
    documents: Array.from({ length: documents }, (_, i) => ({
      id: `d-${String(i).padStart(3, '0')}`,
      kind: 'release',
      title: words(3),
      body: `${words(8)}\n\n${words(12)}`,
      status: 'draft',
    })),
    answers: Array.from({ length: answers }, (_, i) => ({
      id: `k-${String(i).padStart(3, '0')}`,
      question: words(4),
      answer: words(10),
      topic: i % 3 === 0 ? null : words(1),
      tags: [words(1), words(1)],
    })),
  };
}

/** The ids of the rows of `table` whose full-text `index` matches `phrase`. */
function find(client: Database.Database, table: string, index: string, phrase: string): string[] {
  const rows = client
    .prepare(`SELECT id FROM ${table} WHERE rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?) ORDER BY id`)
    .all(phrase) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The ids a search finds through each full-text index, for every term of one to four characters. */
function searches(client: Database.Database): Record<string, string[]> {
  const terms = new Set<string>();
  for (const word of WORDS) {
    const chars = Array.from(word);
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) terms.add(chars.slice(i, i + n).join(''));
  }
  terms.add('发展优化');
  const out: Record<string, string[]> = {};
  for (const [table, index] of [
    ['documents', 'documents_search'],
    ['answers', 'answers_search'],
  ] as const) {
    for (const term of terms) out[`${index} ${term}`] = find(client, table, index, searchQuery(term));
  }
  return out;
}

function integrityCheck(client: Database.Database): void {
  for (const index of ['documents_search', 'answers_search']) {
    client.exec(`INSERT INTO ${index}(${index}) VALUES ('integrity-check')`);
  }
}

describe('import into an empty database', () => {
  it('writes one audit row per table (the number of records and the file), and the summary', () => {
    const app = testApp({ seed: false });
    const doc = fixtureDocument();
    const summary = importInto(app, doc);
    const rows = app.ctx.db.select().from(auditLog).all();
    const counts = {
      department: doc.departments.length,
      person: doc.people.length,
      training: doc.trainings.length,
      media: doc.media.length,
      conference: doc.conferences.length,
      attendance: doc.attendance.length,
      document: doc.documents.length,
      answer: doc.answers.length,
    };
    expect(rows.map((r) => ({ action: r.action, actor: r.actor, entity: r.entity, entityId: r.entityId }))).toEqual([
      ...Object.keys(counts).map((entity) => ({ action: 'import', actor: 'tester', entity, entityId: null })),
      { action: 'import', actor: 'tester', entity: 'data', entityId: null },
    ]);
    for (const row of rows.slice(0, -1)) {
      expect(row.before).toBeNull();
      expect(row.after).toEqual({
        format: 'press-office/v1',
        source: 'test.json',
        created: counts[row.entity as keyof typeof counts],
      });
    }
    expect(rows.at(-1)?.after).toEqual({ format: 'press-office/v1', source: 'test.json', summary });
    app.close();
  });

  it('still audits record by record an import into a database that holds records', () => {
    const app = testApp({ seed: true });
    const before = app.ctx.db.select().from(auditLog).all().length;
    const doc = fixtureDocument();
    importInto(app, doc);
    const rows = app.ctx.db.select().from(auditLog).all().slice(before);
    expect(rows.filter((r) => r.entity === 'person').map((r) => r.entityId)).toEqual(['p-01', 'p-02', 'p-03']);
    expect(rows.filter((r) => r.entity === 'attendance')).toHaveLength(doc.attendance.length);
    expect(rows.filter((r) => r.entity === 'document').every((r) => r.entityId !== null)).toBe(true);
    app.close();
  });

  it('leaves the schema exactly as the migrations made it: indexes and triggers, text for text', () => {
    const app = testApp({ seed: false });
    const schema = schemaOf(app.client);
    importInto(app, fixtureDocument());
    importInto(app, corpus(1, 30, 10));
    expect(schemaOf(app.client)).toEqual(schema);
    // Each trigger and index is the statement of its migration.
    const statements = new Set(migrationStatements());
    const made = app.client
      .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    expect(made.length).toBeGreaterThan(20);
    for (const { sql } of made) expect(statements.has(sql)).toBe(true);
    app.close();
  });

  it('knows every full-text trigger, and rebuilds each index as its migration filled it', () => {
    const app = testApp({ seed: false });
    for (const table of ['documents', 'answers'] as const) {
      const triggers = app.client
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")
        .all(table)
        .map((r) => (r as { name: string }).name);
      expect(triggers).toEqual([...SEARCH_INDEXES[table].triggers].sort());
    }
    const statements = new Set(migrationStatements());
    for (const { rebuild } of Object.values(SEARCH_INDEXES)) {
      for (const statement of rebuild) {
        if (!statement.includes("'delete-all'")) expect(statements.has(statement)).toBe(true);
      }
    }
    app.close();
  });

  it("fills the full-text indexes with fewer merges, then puts each index's automerge back", () => {
    const app = testApp({ seed: false });
    app.client.exec("INSERT INTO documents_search(documents_search, rank) VALUES ('automerge', 7)");
    importInto(app, corpus(4, 40, 20));
    const automerge = (index: string) =>
      (app.client.prepare(`SELECT v FROM ${index}_config WHERE k = 'automerge'`).get() as { v: number } | undefined)?.v;
    expect(automerge('documents_search')).toBe(7);
    // FTS5's default, where none was set.
    expect(automerge('answers_search')).toBe(4);
    integrityCheck(app.client);
    app.close();
  });

  it('finds the same with every full-text index after a bulk import as after writes row by row', () => {
    const doc = corpus(2, 60, 30);
    const bulk = testApp({ seed: false });
    importInto(bulk, doc);
    // Row by row: one record an import, each into a database that already holds more (triggers).
    const rows = testApp({ seed: false });
    doc.documents.forEach((d, i) => {
      importInto(rows, { format: 'press-office/v1', documents: [d], answers: doc.answers.slice(i, i + 1) });
    });
    integrityCheck(bulk.client);
    integrityCheck(rows.client);
    const found = searches(bulk.client);
    expect(found).toEqual(searches(rows.client));
    expect(Object.values(found).filter((ids) => ids.length > 0).length).toBeGreaterThan(50);
    expect(exportDocument(bulk.ctx.db, AT)).toEqual(exportDocument(rows.ctx.db, AT));

    // Rewriting most documents again (bulk on a database that holds them) and one (row by row).
    const changed = corpus(3, 60, 30);
    importInto(bulk, changed);
    for (const d of changed.documents) {
      importInto(rows, { format: 'press-office/v1', documents: [d] });
    }
    for (const a of changed.answers) importInto(rows, { format: 'press-office/v1', answers: [a] });
    integrityCheck(bulk.client);
    integrityCheck(rows.client);
    expect(searches(bulk.client)).toEqual(searches(rows.client));
    // The triggers are back: an edit after the import is indexed.
    for (const app of [bulk, rows]) {
      app.client.prepare("UPDATE documents SET body = '独一无二' WHERE id = 'd-007'").run();
      expect(find(app.client, 'documents', 'documents_search', searchQuery('独一无二'))).toEqual(['d-007']);
      expect(find(app.client, 'documents', 'documents_search', searchQuery('一无'))).toEqual(['d-007']);
    }
    expect(searches(bulk.client)).toEqual(searches(rows.client));
    bulk.close();
    rows.close();
  });
});

describe('a failure half-way', () => {
  it('rolls back everything: rows, audit, dropped indexes and triggers, the full-text indexes', () => {
    const path = tempDb();
    const app = fileApp(path);
    // A constraint the checks do not know, failing at the last review record of the last document.
    app.client.exec(
      "CREATE TRIGGER test_boom BEFORE INSERT ON document_reviews WHEN new.id = 'r-boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const schema = schemaOf(app.client);
    const digest = fullDigest(app.client);
    const doc = fixtureDocument();
    doc.documents.push({
      ...(doc.documents[0] as (typeof doc.documents)[number]),
      id: 'd-zzz',
      reviews: [
        {
          id: 'r-boom',
          version: 1,
          action: 'submit',
          actor: '张三',
          at: '2026-03-15T09:00:00+08:00',
          comment: null,
          confidentialityBy: null,
          agencyConfirmation: null,
        },
      ],
    });
    expect(() => importInto(app, doc)).toThrow(/boom/);
    expect(schemaOf(app.client)).toEqual(schema);
    expect(fullDigest(app.client)).toBe(digest);
    expect(app.client.pragma('journal_mode', { simple: true })).toBe('wal');
    // The same file without the failing record imports, and its documents are found.
    doc.documents.pop();
    importInto(app, doc);
    integrityCheck(app.client);
    const title = doc.documents[0]?.title ?? '';
    expect(find(app.client, 'documents', 'documents_search', searchQuery(title))).toContain(doc.documents[0]?.id);
    app.close();
  });
});

describe('the journal of a fresh import', () => {
  it('writes a new file through the rollback journal and puts the WAL back', () => {
    const path = tempDb();
    const app = fileApp(path);
    expect(app.client.pragma('journal_mode', { simple: true })).toBe('wal');
    importInto(app, fixtureDocument());
    expect(app.client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.client.pragma('foreign_key_check')).toEqual([]);
    app.close();
    const again = fileApp(path);
    expect(exportDocument(again.ctx.db, AT)).toEqual({ ...fixtureDocument(), exportedAt: AT });
    again.close();
  });

  it('keeps the WAL, without waiting, when another connection has the file open', () => {
    const path = tempDb();
    const app = fileApp(path);
    const other = new Database(path);
    other.prepare('SELECT count(*) FROM departments').get();
    const t0 = performance.now();
    importInto(app, fixtureDocument());
    expect(performance.now() - t0).toBeLessThan(4500);
    expect(app.client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(other.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 3 });
    other.close();
    app.close();
  });
});

/** Every row of every shadow table of each search index, by table. */
function shadowTables(client: Database.Database): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const index of ['documents_search', 'answers_search']) {
    const names = client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\' ORDER BY name")
      .pluck()
      .all(`${index}\\_%`) as string[];
    for (const name of names)
      out[name] = client.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).raw().all() as unknown[][];
  }
  return out;
}

describe('the search indexes of a fresh import, built on a worker thread', () => {
  const importWith = (app: OpenedApp, doc: unknown, searchWorker: boolean) =>
    importDocument(app.ctx.db, makeStamp(app.ctx, 'tester'), doc, 'test.json', { searchWorker });

  it('are the very indexes an in-place rebuild makes, and stay in step with later writes', () => {
    const doc = corpus(5, 300, 80);
    const inPlace = testApp({ seed: false });
    importWith(inPlace, doc, false);
    const worker = testApp({ seed: false });
    // Searched before: FTS5 keeps the (empty) index's structure in memory on this connection.
    expect(searches(worker.client)['documents_search 营商']).toEqual([]);
    // Not in place: this connection's po_bigrams fails until the import is over.
    worker.client.function('po_bigrams', () => {
      throw new Error('po_bigrams called on the main thread');
    });
    importWith(worker, doc, true);
    registerFunctions(worker.client);
    const shadow = shadowTables(worker.client);
    expect(Object.keys(shadow)).toEqual([
      'documents_search_config',
      'documents_search_data',
      'documents_search_docsize',
      'documents_search_idx',
      'answers_search_config',
      'answers_search_data',
      'answers_search_docsize',
      'answers_search_idx',
    ]);
    expect(shadow).toEqual(shadowTables(inPlace.client));
    expect((shadow.documents_search_docsize ?? []).length).toBe(300);
    integrityCheck(worker.client);
    expect(searches(worker.client)).toEqual(searches(inPlace.client));
    expect(fullDigest(worker.client)).toBe(fullDigest(inPlace.client));
    // The same connection goes on: an edit, a new document and a delete are indexed over the copy.
    for (const app of [inPlace, worker]) {
      app.client.prepare("UPDATE documents SET body = '独一无二' WHERE id = 'd-007'").run();
      app.client.prepare("DELETE FROM documents WHERE id = 'd-008'").run();
      importInto(app, { format: 'press-office/v1', documents: [{ ...doc.documents[9], id: 'd-new', title: '独一' }] });
      expect(find(app.client, 'documents', 'documents_search', searchQuery('一无'))).toEqual(['d-007']);
      expect(find(app.client, 'documents', 'documents_search', searchQuery('独一'))).toEqual(['d-007', 'd-new']);
      integrityCheck(app.client);
    }
    expect(searches(worker.client)).toEqual(searches(inPlace.client));
    expect(shadowTables(worker.client)).toEqual(shadowTables(inPlace.client));
    inPlace.close();
    worker.close();
  });

  it('stop the worker cleanly when the import fails while it is still building', () => {
    const app = testApp({ seed: false });
    app.client.exec(
      "CREATE TRIGGER test_boom BEFORE INSERT ON documents WHEN new.id = 'd-000' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const doc = corpus(7, 3000, 300);
    expect(() => importWith(app, doc, true)).toThrow(/boom/);
    expect(app.client.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    app.client.exec('DROP TRIGGER test_boom');
    importWith(app, doc, true);
    integrityCheck(app.client);
    expect(find(app.client, 'documents', 'documents_search', searchQuery(doc.documents[5]?.title ?? ''))).toContain(
      'd-005',
    );
    app.close();
  });

  it('are dropped with everything else when the import fails half-way', () => {
    const path = tempDb();
    const app = fileApp(path);
    app.client.exec(
      "CREATE TRIGGER test_boom BEFORE INSERT ON answers WHEN new.id = 'k-079' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const digest = fullDigest(app.client);
    const shadow = shadowTables(app.client);
    const doc = corpus(6, 200, 80);
    expect(() => importWith(app, doc, true)).toThrow(/boom/);
    expect(fullDigest(app.client)).toBe(digest);
    expect(shadowTables(app.client)).toEqual(shadow);
    app.client.exec('DROP TRIGGER test_boom');
    importWith(app, doc, true);
    integrityCheck(app.client);
    const reference = testApp({ seed: false });
    importWith(reference, doc, false);
    expect(searches(app.client)).toEqual(searches(reference.client));
    reference.close();
    app.close();
  });
});
