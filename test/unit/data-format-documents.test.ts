// Documents (发布材料) and answers (口径库) in the press-office/v1 format: round trips, the import
// rules with their record paths, history handling, and all-or-nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/result';
import { createAnswer, updateAnswer } from '../../db/queries/answers';
import { createDocument, reviewDocument, updateDocument } from '../../db/queries/documents';
import { auditLog } from '../../db/schema';
import { makeStamp } from '../../services/context';
import {
  exportDocument,
  importDocument,
  type PressOfficeDocument,
  serializeDocument,
} from '../../services/data-format';
import { testApp } from './helpers/app';
import { fixtureDocument } from './helpers/cli-fixture';
import { databaseDigest } from './helpers/digest';

const AT = '2026-03-15T01:00:00.000Z';
type App = ReturnType<typeof testApp>;
type DocumentRecord = PressOfficeDocument['documents'][number];

function importInto(app: App, doc: unknown, actor = 'tester') {
  return importDocument(app.ctx.db, makeStamp(app.ctx, actor), doc, 'test.json');
}

function problemsOf(app: App, doc: unknown): string[] {
  try {
    importInto(app, doc);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return ((err as AppError).issues ?? []).map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('import succeeded');
}

/** A fixture database, and a file holding only documents (and whatever else `extra` adds). */
function withFixture() {
  const app = testApp({ seed: false });
  importInto(app, fixtureDocument());
  return app;
}
const file = (documents: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'press-office/v1',
  documents,
  ...extra,
});
const fixtureDoc = (id: string): DocumentRecord => {
  const d = fixtureDocument().documents.find((x) => x.id === id);
  if (!d) throw new Error(`fixture has no document ${id}`);
  return d;
};
const bare = { kind: 'release', title: '新闻通稿', body: '正文', status: 'draft' };

describe('documents and answers: export and round trip', () => {
  it('exports every key in the documented order, documents and answers by id', () => {
    const app = withFixture();
    const doc = exportDocument(app.ctx.db, AT);
    expect(doc.documents.map((d) => d.id)).toEqual(['d-interp-01', 'd-notice-01', 'd-qa-01']);
    expect(Object.keys(doc.documents[0] ?? {})).toEqual([
      'id',
      'kind',
      'title',
      'conferenceId',
      'departmentId',
      'personId',
      'body',
      'status',
      'drafter',
      'reviewer',
      'portalColumn',
      'reviewedAt',
      'confidentialityBy',
      'confidentialityAt',
      'agencyConfirmation',
      'docNumber',
      'policyTitle',
      'policyNumber',
      'policyDate',
      'talkingPoints',
      'templateId',
      'version',
      'createdAt',
      'updatedAt',
      'versions',
      'reviews',
    ]);
    expect(Object.keys(doc.documents[0]?.versions[0] ?? {})).toEqual([
      'version',
      'title',
      'body',
      'talkingPoints',
      'author',
      'at',
      'note',
    ]);
    expect(Object.keys(doc.documents[0]?.reviews[0] ?? {})).toEqual([
      'id',
      'version',
      'action',
      'actor',
      'at',
      'comment',
      'confidentialityBy',
      'agencyConfirmation',
    ]);
    expect(Object.keys(doc.answers[0] ?? {})).toEqual([
      'id',
      'question',
      'answer',
      'departmentId',
      'topic',
      'tags',
      'reviewedAt',
      'reviewedBy',
      'archived',
      'version',
      'createdAt',
      'updatedAt',
      'versions',
    ]);
    app.close();
  });

  it('round-trips byte for byte: export → import into a fresh database → export', () => {
    const a = withFixture();
    const first = serializeDocument(exportDocument(a.ctx.db, AT));
    const b = testApp({ seed: false });
    const summary = importInto(b, JSON.parse(first));
    expect(summary.documents).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(summary.answers).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(serializeDocument(exportDocument(b.ctx.db, AT))).toBe(first);
    a.close();
    b.close();
  });

  it('round-trips what the app stores: versions, review records, talking points, answers', () => {
    const app = testApp();
    const drafter = makeStamp(app.ctx, '王芳');
    const content = {
      kind: 'qa' as const,
      title: '答问口径',
      conferenceId: null,
      departmentId: 'rizhao-01',
      personId: null,
      body: '一、口径',
      talkingPoints: { keyMessage: '稳', points: [], questions: [], sensitive: [] },
      portalColumn: null,
      docNumber: null,
      policyTitle: null,
      policyNumber: null,
      policyDate: null,
      templateId: null,
    };
    const id = createDocument(app.ctx.db, drafter, content);
    app.setNow('2026-03-16T09:00:00+08:00');
    updateDocument(app.ctx.db, makeStamp(app.ctx, '王芳'), id, { ...content, body: '一、口径\n\n改过' });
    reviewDocument(app.ctx.db, makeStamp(app.ctx, '王芳'), id, 'submit', {
      comment: null,
      confidentialityBy: null,
      agencyConfirmation: null,
    });
    app.setNow('2026-03-17T09:00:00+08:00');
    reviewDocument(app.ctx.db, makeStamp(app.ctx, '李主任'), id, 'approve', {
      comment: '同意',
      confidentialityBy: '赵',
      agencyConfirmation: null,
    });
    const answer = createAnswer(app.ctx.db, drafter, {
      question: '问',
      answer: '答',
      departmentId: null,
      topic: null,
      tags: ['t'],
    });
    updateAnswer(app.ctx.db, drafter, answer.id, {
      question: '问',
      answer: '答2',
      departmentId: null,
      topic: 'x',
      tags: [],
    });
    const first = serializeDocument(exportDocument(app.ctx.db, AT));
    const exported = JSON.parse(first) as PressOfficeDocument;
    expect(exported.documents[0]).toMatchObject({ status: 'approved', version: 2, reviewer: '李主任' });
    expect(exported.documents[0]?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(exported.documents[0]?.reviews.map((r) => r.action)).toEqual(['submit', 'approve']);
    expect(exported.answers[0]?.versions.map((v) => v.answer)).toEqual(['答', '答2']);
    const fresh = testApp({ seed: false });
    importInto(fresh, exported);
    expect(serializeDocument(exportDocument(fresh.ctx.db, AT))).toBe(first);
    app.close();
    fresh.close();
  });

  it('round-trips a body of 1,000,000 characters verbatim, and refuses one more', () => {
    const hostile =
      '=cmd|"/c calc"!A1 <w:t>&amp;</w:t> \u202eevil\u202c line\r\nbreak\u0000nul \uFFFE 👩‍💼 𠮷\n\n一、标题\n\n（一）小标题\n\n';
    // Limits count characters (code points, as zod does): 1,000,000 of them, more UTF-16 units.
    const chars = Array.from(hostile);
    const text = Array.from({ length: 1_000_000 }, (_, i) => chars[i % chars.length]).join('');
    expect(Array.from(text)).toHaveLength(1_000_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const app = testApp();
    const record = {
      id: 'big',
      kind: 'transcript',
      title: '文字实录',
      body: text,
      status: 'draft',
      versions: [
        { version: 1, title: '初稿', body: text.slice(0, 10), author: 'a', at: '2026-03-01T00:00:00Z' },
        { version: 2, title: '文字实录', body: text, author: 'a', at: '2026-03-02T00:00:00Z' },
      ],
    };
    importInto(app, file([record]));
    const json = serializeDocument(exportDocument(app.ctx.db, AT));
    const exported = JSON.parse(json) as PressOfficeDocument;
    expect(exported.documents[0]?.body === text).toBe(true);
    expect(exported.documents[0]?.versions[1]?.body === text).toBe(true);
    const fresh = testApp({ seed: false });
    importInto(fresh, exported);
    expect(serializeDocument(exportDocument(fresh.ctx.db, AT)) === json).toBe(true);
    expect(problemsOf(fresh, file([{ ...record, id: 'bigger', body: `${text}x`, versions: undefined }]))).toEqual([
      expect.stringMatching(/^documents\[0\]\.body: Too big/),
    ]);
    app.close();
    fresh.close();
  });

  it('refers to a conference, department and person of another file, already in the database', () => {
    const app = testApp();
    importInto(app, {
      format: 'press-office/v1',
      people: [{ id: 'p-9', departmentId: 'rizhao-02', name: '钱七', role: 'spokesperson' }],
      conferences: [
        { id: 'c-9', title: '发布会', date: '2026-04-01', organizer: 'city', departmentIds: [], status: 'planned' },
      ],
    });
    const summary = importInto(
      app,
      file([{ id: 'd-9', ...bare, kind: 'opening', conferenceId: 'c-9', departmentId: 'rizhao-02', personId: 'p-9' }]),
    );
    expect(summary.documents.created).toBe(1);
    expect(exportDocument(app.ctx.db, AT).documents[0]).toMatchObject({
      conferenceId: 'c-9',
      departmentId: 'rizhao-02',
      personId: 'p-9',
    });
    app.close();
  });
});

describe('documents: history when versions, reviews or timestamps are left out', () => {
  it('creates version 1 from the content of a new document, by its drafter, at its createdAt', () => {
    const app = testApp({ now: '2026-03-20T10:00:00+08:00' });
    importInto(
      app,
      file([
        { id: 'n1', ...bare, drafter: '王芳', createdAt: '2026-03-01T08:00:00+08:00' },
        { id: 'n2', ...bare, version: 1 },
      ]),
      '导入员',
    );
    const [n1, n2] = exportDocument(app.ctx.db, AT).documents;
    expect(n1).toMatchObject({
      version: 1,
      createdAt: '2026-03-01T08:00:00+08:00',
      updatedAt: '2026-03-20T02:00:00.000Z',
    });
    expect(n1?.versions).toEqual([
      {
        version: 1,
        title: '新闻通稿',
        body: '正文',
        talkingPoints: null,
        author: '王芳',
        at: '2026-03-01T08:00:00+08:00',
        note: null,
      },
    ]);
    expect(n1?.reviews).toEqual([]);
    expect(n2?.versions[0]).toMatchObject({ author: '导入员', at: '2026-03-20T02:00:00.000Z' });
    app.close();
  });

  it('keeps the stored versions and reviews of an existing document; a content change adds the next version', () => {
    const app = withFixture();
    const { versions: _v, reviews: _r, version: _n, updatedAt: _u, createdAt: _c, ...rest } = fixtureDoc('d-interp-01');
    // Unchanged content, nothing left out that matters: nothing written.
    expect(importInto(app, file([rest])).documents).toEqual({ created: 0, updated: 0, unchanged: 1 });
    app.setNow('2026-04-01T09:00:00+08:00');
    importInto(app, file([{ ...rest, body: '新正文', status: 'draft' }]), '导入员');
    const after = exportDocument(app.ctx.db, AT).documents[0];
    expect(after?.version).toBe(4);
    expect(after?.versions.map((v) => [v.version, v.author])).toEqual([
      [1, '王 芳'],
      [2, '王 芳'],
      [3, '王 芳'],
      [4, '导入员'],
    ]);
    expect(after?.versions[3]).toMatchObject({ body: '新正文', at: '2026-04-01T01:00:00.000Z' });
    expect(after?.reviews).toHaveLength(5);
    expect(after?.createdAt).toBe('2026-03-01T01:00:00.000Z');
    expect(after?.updatedAt).toBe('2026-04-01T01:00:00.000Z');
    // The audit row keeps the document without its text (a body may be a megabyte, in every version).
    const audit = app.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, 'd-interp-01')).all().at(-1);
    expect(audit).toMatchObject({ action: 'import', entity: 'document', actor: '导入员' });
    expect(audit?.after).toMatchObject({ bodyLength: 3, version: 4, status: 'draft' });
    expect(JSON.stringify(audit?.after)).not.toContain('新正文');
    app.close();
  });

  it('replaces versions and reviews when the record has them, sorts reviews by at then id, and lets a review id move', () => {
    const app = withFixture();
    const qa = fixtureDoc('d-qa-01');
    const interp = fixtureDoc('d-interp-01');
    const moved = interp.reviews[4];
    if (!moved) throw new Error('fixture');
    qa.reviews = [...qa.reviews, { ...moved, version: 2, at: '2014-09-19T03:00:00.000Z' }].reverse();
    interp.reviews = interp.reviews.slice(0, 4);
    interp.status = 'approved';
    const summary = importInto(app, file([qa, interp]));
    expect(summary.documents).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const docs = exportDocument(app.ctx.db, AT).documents;
    expect(docs.find((d) => d.id === 'd-qa-01')?.reviews.map((r) => r.id)).toEqual(['r-qa-1', 'r-05', 'r-qa-2']);
    expect(docs.find((d) => d.id === 'd-interp-01')?.reviews.map((r) => r.id)).toEqual([
      'r-01',
      'r-02',
      'r-03',
      'r-04',
    ]);
    app.close();
  });

  it('keeps the stored history of answers and adds a version when question or answer change', () => {
    const app = withFixture();
    const { versions: _v, version: _n, ...rest } = fixtureDocument().answers[0] ?? { id: '' };
    expect(importInto(app, { format: 'press-office/v1', answers: [rest] }).answers.unchanged).toBe(1);
    importInto(app, { format: 'press-office/v1', answers: [{ ...rest, answer: '新口径' }] }, '导入员');
    const after = exportDocument(app.ctx.db, AT).answers[0];
    expect(after?.versions.map((v) => [v.version, v.answer, v.author])).toEqual([
      [1, '增长 8%。', '张 三'],
      [2, '全年完成固定资产投资增长 8% 左右。\n具体以统计部门发布为准。', '李主任'],
      [3, '新口径', '导入员'],
    ]);
    expect(after?.version).toBe(3);
    app.close();
  });
});

describe('documents and answers: import problems, by record path', () => {
  it('checks references, the person’s department, talking points, review rules and timestamps', () => {
    const app = withFixture();
    const qa = fixtureDoc('d-qa-01');
    const problems = problemsOf(
      app,
      file([
        { id: 'x1', ...bare, conferenceId: 'c-none', departmentId: 'nowhere', personId: 'nobody' },
        { id: 'x2', ...bare, departmentId: 'rizhao-02', personId: 'p-01' },
        {
          id: 'x3',
          ...bare,
          talkingPoints: { keyMessage: 'k' },
          versions: [
            { version: 1, title: '新闻通稿', body: '正文', talkingPoints: { keyMessage: 'k' }, author: 'a', at: AT },
          ],
        },
        { id: 'x4', ...bare, status: 'approved', drafter: '王芳', reviewer: '王芳' },
        { id: 'x5', ...bare, createdAt: '2026-03-15 09:00:00', reviewedAt: '2026-03-15T09:00:00' },
        { ...qa, id: 'x6', reviews: [{ ...qa.reviews[0], id: 'x6-r', action: 'publish' }] },
        { id: 'x7', ...bare, status: 'released', confidentialityBy: '' },
      ]),
    );
    expect(problems).toEqual([
      'documents[0].conferenceId: unknown conference "c-none"',
      'documents[0].departmentId: unknown department "nowhere"',
      'documents[0].personId: unknown person "nobody"',
      'documents[1].personId: person "p-01" belongs to department "rizhao-01", not to the document\'s department "rizhao-02"',
      'documents[2].talkingPoints: only a 答问口径 (kind "qa") has talking points; this document is kind "release" (set talkingPoints to null)',
      'documents[2].versions[0].talkingPoints: only a 答问口径 (kind "qa") has talking points; this document is kind "release" (set talkingPoints to null)',
      'documents[3].confidentialityBy: a document with status "approved" needs confidentialityBy (保密审查: who checked it for state secrets)',
      'documents[3].reviewer: the reviewer of a document with status "approved" cannot be its drafter ("王芳"): 谁审查谁负责, another person must review it',
      'documents[4].reviewedAt: must be a date-time with a time zone, e.g. 2026-03-15T09:00:00+08:00 or 2026-03-15T01:00:00.000Z',
      'documents[4].createdAt: must be a date-time with a time zone, e.g. 2026-03-15T09:00:00+08:00 or 2026-03-15T01:00:00.000Z',
      expect.stringMatching(
        /^documents\[5\]\.reviews\[0\]\.action: Invalid option: expected one of "submit"\|"approve"/,
      ),
      'documents[6].confidentialityBy: a document with status "released" needs confidentialityBy (保密审查: who checked it for state secrets)',
    ]);
    app.close();
  });

  it('checks versions: order, the last one is the current content, version matches, reviews name a version', () => {
    const app = withFixture();
    const v = (version: number, title = '新闻通稿', body = '正文') => ({ version, title, body, author: 'a', at: AT });
    const problems = problemsOf(
      app,
      file([
        { id: 'y1', ...bare, versions: [v(1), v(3), v(2)] },
        { id: 'y2', ...bare, versions: [v(1), v(2, '旧标题', '旧正文')] },
        { id: 'y3', ...bare, version: 5, versions: [v(1), v(2)] },
        {
          id: 'y4',
          ...bare,
          versions: [v(1)],
          reviews: [{ id: 'y4-r', version: 2, action: 'submit', actor: 'a', at: AT }],
        },
        { id: 'y5', ...bare, versions: [] },
        { id: 'y6', ...bare, version: 2 },
        { id: 'y7', ...bare, reviews: [{ id: 'y7-r', version: 3, action: 'submit', actor: 'a', at: AT }] },
        { ...fixtureDoc('d-notice-01'), versions: undefined, version: 7 },
      ]),
    );
    expect(problems).toEqual([
      'documents[0].versions[2].version: versions must be in strictly increasing order (version 2 follows version 3)',
      "documents[1].versions[1].title: the last version is the current content: its title must equal the record's title",
      "documents[1].versions[1].body: the last version is the current content: its body must equal the record's body",
      'documents[2].version: is 5 but the last entry of versions is version 2; they must be equal (or leave version out)',
      'documents[3].reviews[0].version: the document has no version 2 (versions hold 1)',
      'documents[4].versions: must hold at least the current content as a version (or leave versions out)',
      'documents[5].version: is 2, but the document is new and versions is left out, so import creates version 1; give versions, or leave version out',
      'documents[6].reviews[0].version: the document will be at version 1; a review record cannot be of version 3',
      'documents[7].version: is 7, but versions is left out and the content is unchanged, so the document stays at its stored version 1; give versions, or leave version out',
    ]);
    app.close();
  });

  it('checks ids: duplicate documents, review ids shared between documents, a stored kind that would change', () => {
    const app = withFixture();
    const qa = fixtureDoc('d-qa-01');
    const review = { id: 'r-01', version: 1, action: 'submit', actor: 'a', at: AT };
    const problems = problemsOf(
      app,
      file([
        { id: 'z1', ...bare, reviews: [review] },
        { id: 'z1', ...bare },
        { id: 'z2', ...bare, reviews: [{ ...review, id: 'z-r' }] },
        { id: 'z3', ...bare, reviews: [{ ...review, id: 'z-r' }] },
        { ...qa, kind: 'opening', talkingPoints: null, versions: undefined, version: undefined },
      ]),
    );
    expect(problems).toEqual([
      'documents[1].id: duplicate id "z1" (also used by documents[0])',
      'documents[4].kind: document "d-qa-01" is stored as kind "qa"; the kind of a document cannot change (use another id for a new document)',
      'documents[0].reviews[0].id: review id "r-01" is used by a review record of document "d-interp-01" in the database; review ids are unique across documents',
      'documents[3].reviews[0].id: duplicate review id "z-r" (also used by documents[2].reviews[0])',
    ]);
    app.close();
  });

  it('refuses unknown fields everywhere, inside talking points too', () => {
    const app = withFixture();
    const qa = fixtureDoc('d-qa-01');
    const points = { ...(qa.talkingPoints ?? {}), points: [{ text: 't', colour: 'red' }], mood: 1 };
    const problems = problemsOf(
      app,
      file([
        {
          ...qa,
          talkingPoints: points,
          versions: [
            { ...qa.versions[0], extra: 1 },
            { ...qa.versions[1], talkingPoints: points },
          ],
          reviews: [{ ...qa.reviews[0], shoe: 1 }],
          policy: { title: 'x' },
        },
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'documents[0].policy: unknown field (not part of press-office/v1)',
        'documents[0].talkingPoints.mood: unknown field (not part of press-office/v1)',
        'documents[0].talkingPoints.points[0].colour: unknown field (not part of press-office/v1)',
        'documents[0].versions[0].extra: unknown field (not part of press-office/v1)',
        'documents[0].versions[1].talkingPoints.points[0].colour: unknown field (not part of press-office/v1)',
        'documents[0].reviews[0].shoe: unknown field (not part of press-office/v1)',
      ]),
    );
    app.close();
  });

  it('checks answers: department, versions, tags, timestamps', () => {
    const app = withFixture();
    const answer = { question: '问', answer: '答' };
    const problems = problemsOf(app, {
      format: 'press-office/v1',
      answers: [
        { id: 'q1', ...answer, departmentId: 'nowhere', tags: [' '] },
        { id: 'q2', ...answer, versions: [{ version: 1, question: '问', answer: '旧答', author: 'a', at: AT }] },
        { id: 'q3', ...answer, reviewedAt: 'yesterday', version: 2 },
        { id: 'q4', question: '', answer: '\ud800' },
      ],
    });
    expect(problems).toEqual([
      'answers[0].tags[0]: is required',
      'answers[0].departmentId: unknown department "nowhere"',
      "answers[1].versions[0].answer: the last version is the current content: its answer must equal the record's answer",
      'answers[2].reviewedAt: must be a date-time with a time zone, e.g. 2026-03-15T09:00:00+08:00 or 2026-03-15T01:00:00.000Z',
      'answers[3].question: is required',
      'answers[3].answer: contains an unpaired surrogate (not valid Unicode text)',
    ]);
    expect(problemsOf(app, { format: 'press-office/v1', answers: [{ id: 'q3', ...answer, version: 2 }] })).toEqual([
      'answers[0].version: is 2, but the answer is new and versions is left out, so import creates version 1; give versions, or leave version out',
    ]);
    app.close();
  });

  it('is all or nothing: one bad document leaves every table as it was', () => {
    const app = withFixture();
    const before = databaseDigest(app.client);
    const doc = fixtureDocument();
    doc.people.push({ ...(doc.people[0] as PressOfficeDocument['people'][number]), id: 'p-new', name: '新人' });
    (doc.answers[1] as { archived: boolean }).archived = false;
    const qa = doc.documents[2] as DocumentRecord;
    qa.title = '改过的标题';
    const bad = doc.documents[0] as DocumentRecord;
    bad.reviewer = bad.drafter;
    expect(problemsOf(app, doc)).toEqual([
      expect.stringMatching(
        /^documents\[0\]\.reviewer: the reviewer of a document with status "released" cannot be its drafter/,
      ),
      "documents[2].versions[1].title: the last version is the current content: its title must equal the record's title",
    ]);
    expect(databaseDigest(app.client)).toBe(before);
    app.close();
  });
});
