// The search index of migration 0010: character pairs (po_bigrams) against their definition, and
// every search against a plain substring scan, through the app's lists, after writes, edits and
// deletes, after a bulk import's rebuild, and on a database at migration 0009 migrated with its rows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { charBigrams, searchQuery, type searchTokenizer, searchTokenizerSource } from '../../db/queries/search';
import { openApp } from '../../services/open-app';
import { type TestApp, testApp } from './helpers/app';
import { call } from './helpers/call';
import { randomTexts } from './helpers/random-text';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const token = (c: string) => (TOKEN_CHAR.test(c) ? c : `x${(c.codePointAt(0) as number).toString(16)}`);
/** The slow, obvious definition of po_bigrams. */
const definition = (text: string) => {
  const t = [...text].map(token);
  return t.map((a, i) => `${a}_${t[i + 1] ?? ''}`).join(' ');
};

describe('charBigrams', () => {
  it('agrees with its definition on samples, surrogates out of pairs, empty and null', () => {
    const samples = [
      '',
      '营',
      '营商环境',
      '营，商',
      '5. 5',
      'a_b',
      'x41 _',
      '日照市发展和改革委员会（市粮食和物资储备局）2026年第3季度新闻发布会：营商环境 😀 𠀀 𝟘 ①',
      'a\ud800b',
      '\udc00x',
      '\ud83d',
      '\ud83d\ud83d\ude00',
      '，。 \t\n\u3000\u0000',
      'Ｅｃｏｎｏｍｙ ÉCOLE ß İ',
      '\u{10ffff}\u{e0001}\u{1f1e8}\u{1f1f3}',
    ];
    for (const s of samples) expect(charBigrams(s), JSON.stringify(s)).toBe(definition(s));
    expect(charBigrams(null)).toBeNull();
  });

  it('agrees on random text of every length, one buffer reused across calls', () => {
    for (const text of randomTexts({
      seed: 11,
      count: 1000,
      long: 3000,
      short: 40,
      astralOneIn: 3,
      cjkPunctuation: false,
    }))
      expect(charBigrams(text)).toBe(definition(text));
  });

  it('is the same made from its source text alone, as a worker thread makes it, also from the minified app bundle', async () => {
    const texts = [
      ...randomTexts({ seed: 12, count: 200, long: 3000, short: 40, astralOneIn: 3, cjkPunctuation: true }),
      '营商环境 GDP 5.6% 😀',
    ];
    // The app's build minifies and keeps names (scripts/build-node.mjs): a bundler helper referred to
    // from inside the function would be missing on the worker.
    const bundled = await build({
      stdin: {
        contents: "export { searchTokenizerSource } from './db/queries/search';",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      minify: true,
      keepNames: true,
      logLevel: 'silent',
    });
    const module: { exports: { searchTokenizerSource?: string } } = { exports: {} };
    new Function('module', 'exports', 'require', bundled.outputFiles[0]?.text ?? '')(
      module,
      module.exports,
      () => ({}),
    );
    const minified = module.exports.searchTokenizerSource ?? '';
    expect(minified).not.toBe(searchTokenizerSource);
    for (const source of [searchTokenizerSource, minified]) {
      const tokenizer = new Function(`return (${source})()`)() as ReturnType<typeof searchTokenizer>;
      for (const text of texts) expect(tokenizer.charBigrams(text)).toBe(charBigrams(text));
      expect(tokenizer.charBigrams(null)).toBeNull();
    }
  });

  it('queries a phrase of pairs, and one character as a prefix that ends at the character', () => {
    expect(searchQuery('营商环境')).toBe('"营_商 商_环 环_境"');
    expect(searchQuery('营商')).toBe('"营_商"');
    expect(searchQuery('营')).toBe('"营_" *');
    expect(searchQuery('"')).toBe('"x22_" *');
    expect(searchQuery('a"b')).toBe('"a_x22 x22_b"');
  });
});

/** Texts with every edge: punctuation, Latin letters in both cases, digits, astral characters, text ending in a character. */
const TEXTS = [
  'GDP增长5.6%',
  '第3季度',
  '营商环境',
  'ab12',
  '环境营商',
  '（营）商',
  '优化营商环境工作方案（2026年）',
  '营',
  '商营',
  'Economy ÉCOLE économie',
  'a_b x41 _x',
  '😀𠀀营商😀',
  '𠀀',
  '5.5. 5',
  '"引号" 与 \'单引号\' * 星号 OR AND NOT',
  '市发展和改革委员会',
  '发展和改革',
];
const TITLES = ['稿', '营商', 'GDP', '𠀀标题', '（', '通知'];

/** Every substring of one, two, three and eight characters of the texts, and some found nowhere. */
function terms(): string[] {
  const out = new Set<string>([
    '营商环境好',
    'zz',
    '😀营',
    '，',
    'é',
    'E',
    'e',
    'ÉC',
    'OR',
    '*',
    '"',
    'x',
    '_',
    '2026年）',
    '境营',
  ]);
  for (const text of [...TEXTS, ...TITLES]) {
    const chars = [...text];
    for (const n of [1, 2, 3, 8]) {
      for (let i = 0; i + n <= chars.length; i++) {
        const term = chars
          .slice(i, i + n)
          .join('')
          .trim();
        if (term) out.add(term);
      }
    }
  }
  return [...out];
}

type Doc = { id: string; title: string; body: string };

function expectSubstringSemantics(app: TestApp, docs: Doc[], label: string): void {
  let checked = 0;
  for (const term of terms()) {
    const needle = term.toLowerCase();
    const expected = docs
      .filter((d) => d.title.toLowerCase().includes(needle) || d.body.toLowerCase().includes(needle))
      .map((d) => d.id);
    const found = call(app, 'documents.list', { search: term }).map((d) => d.id);
    expect(new Set(found), `${label}: ${JSON.stringify(term)}`).toEqual(new Set(expected));
    if (expected.length) checked++;
  }
  expect(checked).toBeGreaterThan(100);
}

function createDocs(app: TestApp): Doc[] {
  return TEXTS.map((body, i) => {
    const title = TITLES[i % TITLES.length] as string;
    return { id: call(app, 'documents.create', { fields: { kind: 'release', title, body } }).id, title, body };
  });
}

describe('search through the pair index', () => {
  it('finds exactly what a substring scan finds: 1, 2, 3 and 8 characters, punctuation, case, astral characters', () => {
    const app = testApp();
    const docs = createDocs(app);
    expectSubstringSemantics(app, docs, 'created');
    app.close();
  });

  it('follows edits and deletes (triggers)', () => {
    const app = testApp();
    const docs = createDocs(app);
    // Rewrite every other document with another's text, delete every fifth.
    docs.forEach((d, i) => {
      if (i % 2 === 0) {
        const body = TEXTS[(i + 3) % TEXTS.length] as string;
        const title = `${TITLES[(i + 1) % TITLES.length]}改`;
        call(app, 'documents.update', { id: d.id, fields: { kind: 'release', title, body } });
        d.body = body;
        d.title = title;
      }
    });
    const kept = docs.filter((d, i) => {
      if (i % 5 !== 4) return true;
      call(app, 'documents.remove', { id: d.id });
      return false;
    });
    expectSubstringSemantics(app, kept, 'edited');
    const index = app.client.prepare("INSERT INTO documents_search(documents_search) VALUES ('integrity-check')");
    index.run();
    app.close();
  });

  it('searches the answer library in every column (question, answer, topic, tags), none across two', () => {
    const app = testApp();
    const a = call(app, 'answers.create', {
      question: '如何看待物价走势？',
      answer: '总体平稳。',
      topic: '价格',
      tags: ['物价调控'],
    });
    const list = (search: string) => call(app, 'answers.list', { search }).map((x) => x.id);
    for (const term of ['物价调控', '看待物价', '物价', '调控', '平稳', '？', '。', '价格', '价', '走势？'])
      expect(list(term), term).toEqual([a.id]);
    for (const term of ['稳平', '势？总', '？总体', '格物', '，']) expect(list(term), term).toEqual([]);
    app.close();
  });
});

describe('migration 0010 on a database at 0009 with rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'press-office-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the index from the existing rows and searches as a substring scan', () => {
    const migrations = join(dir, 'migrations-0009');
    cpSync(join(import.meta.dirname, '..', '..', 'db', 'migrations'), migrations, { recursive: true });
    const journalPath = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.startsWith('0010_'));
    expect(at).toBe(10);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));

    const path = join(dir, 'press-office.db');
    let counter = 0;
    const options = {
      mode: 'cli' as const,
      seed: true,
      actor: 'tester',
      now: () => new Date('2026-03-15T09:00:00+08:00'),
      newId: () => `id-${String(++counter).padStart(4, '0')}`,
    };
    const old = openApp(path, { ...options, migrationsFolder: migrations }) as TestApp;
    expect(old.client.pragma('user_version', { simple: true })).toBe(10);
    const docs = createDocs(old);
    const answer = call(old, 'answers.create', { question: '营商环境怎么样？', answer: '好。' });
    old.close();

    const app = openApp(path, options) as TestApp;
    // 0010 and every migration after it.
    expect(app.client.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(11);
    const names = (
      app.client
        .prepare(
          "SELECT name FROM sqlite_master WHERE name LIKE '%\\_fts%' ESCAPE '\\' OR name LIKE '%\\_chars%' ESCAPE '\\'",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual([]);
    app.client.exec("INSERT INTO documents_search(documents_search) VALUES ('integrity-check')");
    app.client.exec("INSERT INTO answers_search(answers_search) VALUES ('integrity-check')");
    expectSubstringSemantics(app, docs, 'migrated');
    for (const term of ['营', '营商', '营商环境', '？'])
      expect(
        call(app, 'answers.list', { search: term }).map((x) => x.id),
        term,
      ).toEqual([answer.id]);
    app.close();
  });
});
