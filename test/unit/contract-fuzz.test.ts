// Every operation of the contract, thrown arbitrary input: no crash, a clear {ok:false} error, and
// the database exactly as it was whenever the answer is an error.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Input, METHODS, type Method } from '../../common/contract';
import { dispatch, dispatchAsync } from '../../services/dispatch';
import { testApp } from './helpers/app';
import { databaseDigest } from './helpers/digest';

/** A valid input per operation, so that mutations of it reach the deeper checks. */
const EXAMPLES = {
  'app.info': {},
  'settings.get': {},
  'settings.update': { language: 'en-US', userName: '王' },
  'departments.list': { search: '局', listed: true },
  'departments.get': { id: 'rizhao-01' },
  'departments.create': { name: '市大数据局', fullName: '日照市大数据发展局', listed: true, listedFrom: '2019-01-01' },
  'departments.update': {
    id: 'rizhao-02',
    fields: { name: '市工信局', fullName: '日照市工业和信息化局', listed: true },
  },
  'departments.merge': { id: 'rizhao-16', intoId: 'rizhao-15' },
  'departments.archive': { id: 'rizhao-03' },
  'departments.restore': { id: 'rizhao-03' },
  'departments.remove': { id: 'rizhao-04' },
  'people.create': { departmentId: 'rizhao-01', name: '张三', role: 'spokesperson', tenureStart: '2020-01-01' },
  'people.update': { id: 'p1', fields: { departmentId: 'rizhao-01', name: '张三', role: 'head' } },
  'people.archive': { id: 'p1', archived: true },
  'people.remove': { id: 'p1' },
  'trainings.create': { personId: 'p1', date: '2019-12-01', course: '岗前培训', hours: 8 },
  'trainings.remove': { id: 't1' },
  'conferences.list': { from: '2026-01-01', to: '2026-12-31', status: 'planned' },
  'conferences.page': { status: 'planned', search: '发布会', offset: 0, limit: 50 },
  'conferences.get': { id: 'c1' },
  'conferences.create': { title: '发布会', date: '2026-04-10', organizer: 'city', departmentIds: ['rizhao-01'] },
  'conferences.update': { id: 'c1', fields: { title: '发布会', date: '2026-04-11', organizer: 'city' } },
  'conferences.cancel': { id: 'c1', reason: '改期' },
  'conferences.postpone': { id: 'c1', date: '2026-05-01' },
  'conferences.checkIn': { id: 'c1', attendance: [{ personId: 'p1', role: 'spokesperson', status: 'attended' }] },
  'conferences.topics': {},
  'conferences.setTopics': { topics: ['重要政策'] },
  'media.list': {},
  'media.create': { name: '日照日报', kind: 'newspaper' },
  'media.update': { id: 'm1', fields: { name: '日照日报社', kind: 'newspaper' } },
  'compliance.year': { year: 2025, quarter: 2, asOf: '2025-12-31' },
  'dashboard.get': { asOf: '2026-03-15' },
  'planner.propose': { year: 2026, quarter: 2, capacity: 4 },
  'planner.accept': {
    proposals: [{ date: '2026-05-12', title: '发布会', departmentIds: ['rizhao-01'], speakers: [] }],
  },
  'calendar.days': { from: '2026-01-01', to: '2026-01-31' },
  'calendar.setOverride': { date: '2026-05-06', kind: 'holiday', name: '停电' },
  'calendar.overrides': {},
  'rules.list': {},
  'rules.create': { kind: 'head_attendance', minimum: 2, effectiveFrom: '2027-01-01' },
  'rules.remove': { id: 'notice-2014-head_attendance' },
  'office.get': {},
  'office.update': { name: '日照市人民政府新闻办公室', docPrefix: '日新办', signature: '日照市人民政府新闻办公室' },
  'documents.list': { search: '口径', kind: 'qa', status: 'draft' },
  'documents.page': { search: '口径', kind: 'qa', offset: 0, limit: 50 },
  'documents.get': { id: 'd1' },
  'documents.create': {
    fields: {
      kind: 'qa',
      title: '答问口径',
      departmentId: 'rizhao-01',
      talkingPoints: { keyMessage: '核心', questions: [{ question: '问', answer: '答' }] },
    },
  },
  'documents.update': {
    id: 'd1',
    fields: { kind: 'release', title: '通稿', body: '第一段\n\n第二段' },
    expectedVersion: 1,
  },
  'documents.review': { id: 'd1', action: 'approve', confidentialityBy: '王五' },
  'documents.remove': { id: 'd1' },
  'documents.diff': { id: 'd1', from: 1, to: 2 },
  'documents.preview': { id: 'd1' },
  // No `dir`: exports go to the office's export folder, a temp folder here, and fuzzing never names another.
  'documents.export': { id: 'd1', fileName: '通稿.docx' },
  'templates.list': {},
  'templates.copy': { id: 'release', name: '新闻通稿（本办）' },
  'templates.update': {
    id: 'x1',
    fields: { kind: 'release', name: '通稿', title: '{{conference.title}}', body: '正文' },
  },
  'templates.remove': { id: 'x1' },
  'templates.preview': { templateId: 'notice', conferenceId: 'c1', year: 2026 },
  'answers.list': { search: '就业', staleOnly: true },
  'answers.create': { question: '今年就业形势如何？', answer: '总体稳定。', departmentId: 'rizhao-01', tags: ['就业'] },
  'answers.update': { id: 'a1', fields: { question: '问', answer: '答' } },
  'answers.review': { id: 'a1' },
  'answers.archive': { id: 'a1', archived: true },
  'answers.versions': { id: 'a1' },
  'compliance.export': { year: 2025, format: 'xlsx', fileName: '达标情况.xlsx' },
  'roster.preview': {
    fileName: 'roster.csv',
    data: Buffer.from('部门,姓名,角色\r\n市发改委,张三,新闻发言人\r\n').toString('base64'),
  },
  'roster.import': {
    fileName: 'roster.csv',
    data: Buffer.from('部门,姓名,角色\r\n市发改委,李四,新闻发言人\r\n').toString('base64'),
  },
  'packs.export': { departmentId: 'rizhao-01' },
  'packs.list': {},
  'packs.get': { id: 'k1' },
  'packs.open': { fileName: 'pack.json', data: Buffer.from('{"format":"press-office-pack/v1"}').toString('base64') },
  'packs.saveItem': { packId: 'k1', edit: { type: 'answer', id: 'a1', question: '问', answer: '答' } },
  'packs.return': { packId: 'k1' },
  'packs.compare': { fileName: 'reply.json', data: Buffer.from('{}').toString('base64') },
  'packs.accept': { fileName: 'reply.json', data: '', items: [{ type: 'document', id: 'd1' }] },
  'documents.channels': { id: 'd1' },
  'documents.setChannels': { id: 'd1', channels: [{ channel: 'weibo', date: '2026-03-10' }] },
  'opinions.list': { grade: 'severe', status: 'open', overdueOnly: true },
  'opinions.get': { id: 'o1' },
  'opinions.create': {
    source: '日照发布微博评论区',
    channel: 'weibo',
    summary: '网民反映某小区供暖不热',
    detectedAt: '2026-03-10T08:00:00+08:00',
    grade: 'major',
    departmentId: 'rizhao-01',
  },
  'opinions.update': {
    id: 'o1',
    fields: {
      source: '热线',
      channel: 'hotline',
      summary: '反映',
      detectedAt: '2026-03-10T08:00:00+08:00',
      grade: 'general',
    },
  },
  'opinions.remove': { id: 'o1' },
  'opinions.conference': { id: 'o1', date: '2026-03-20', time: '10:00' },
  'opinions.stats': { year: 2026 },
  'opinions.grades': {},
  'opinions.setGrades': {
    general: { definition: '一般', deadlineHours: 72 },
    major: { definition: '较大', deadlineHours: 48 },
    severe: { definition: '重大', deadlineHours: 24 },
  },
  'portal.plan': {},
  // No `dir`: packages go under the office's export folder, a temp folder here.
  'portal.export': { full: true },
  'portal.progress': {},
  'portal.history': {},
  'portal.recreate': { sequence: 1 },
  'portal.verify': { path: '/nonexistent/press-office-package' },
  'portal.entry': { documentId: 'd1' },
  'portal.updateEntry': {
    documentId: 'd1',
    fields: { topicCategory: '综合政务', disclosure: '主动公开', summary: '摘要' },
  },
  'assessment.year': { year: 2026 },
  'assessment.export': { year: 2026, format: 'docx', fileName: '考核.docx' },
  'audit.list': { actor: 'tester', from: '2026-01-01', limit: 50 },
  'audit.facets': {},
  'audit.export': { entity: 'person' },
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { name: 'press-office-20261127T040000Z-manual.db' },
} satisfies { [M in Method]: Input<M> };

const hostile = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '2026-02-30',
    '9999-99-99',
    '\ud800',
    '\u0000',
    '=cmd|/c calc',
    '../../etc/passwd',
    'x'.repeat(300),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, [], {}, NaN, Number.MAX_SAFE_INTEGER + 2),
);

function mutated(method: Method) {
  const example = EXAMPLES[method] as Record<string, unknown>;
  const keys = [...Object.keys(example), 'id', '__proto__', 'constructor', 'extra'];
  return fc.oneof(
    hostile,
    fc
      .dictionary(fc.constantFrom(...keys), hostile, { minKeys: 1, maxKeys: 3 })
      .map((changes) => ({ ...example, ...changes })),
  );
}

describe('every operation rejects bad input cleanly', () => {
  const app = testApp();
  // A person, a conference and a media outlet for the examples' ids to point at.
  const seedPerson = dispatch(app.ctx, 'people.create', {
    departmentId: 'rizhao-01',
    name: '发言人',
    role: 'spokesperson',
  });
  expect(seedPerson.ok).toBe(true);
  const exports = mkdtempSync(join(tmpdir(), 'press-office-fuzz-'));
  expect(
    dispatch(app.ctx, 'office.update', { name: '新闻办', docPrefix: '', signature: '', exportDir: exports }).ok,
  ).toBe(true);
  afterAll(() => rmSync(exports, { recursive: true, force: true }));

  // Each run happens inside a transaction that is rolled back, so every run starts from this state
  // and a successful call cannot grow the database the later runs digest.
  const baseline = databaseDigest(app.client);

  // Operations that render and write a file (.docx, .xlsx, packages) take milliseconds per run:
  // fewer runs keep each within its time, and a test that still times out cannot leave its
  // transaction open for the next one.
  const FILE_WRITERS: ReadonlySet<string> = new Set([
    'documents.export',
    'compliance.export',
    'assessment.export',
    'packs.export',
    'packs.return',
    'portal.export',
  ]);
  const runs = Number(process.env.FUZZ_RUNS ?? 2000);

  it.each(METHODS)('%s', { timeout: 120_000 }, async (method) => {
    if (app.client.inTransaction) app.client.exec('ROLLBACK');
    await fc.assert(
      fc.asyncProperty(mutated(method), async (input) => {
        app.client.exec('BEGIN');
        try {
          // dispatchAsync is what IPC and the server call; it must never reject.
          const result = await dispatchAsync(app.ctx, method, input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(result.error.code).not.toBe('internal');
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(databaseDigest(app.client)).toBe(baseline);
          }
        } finally {
          app.client.exec('ROLLBACK');
        }
      }),
      { numRuns: FILE_WRITERS.has(method) ? Math.min(runs, 200) : runs },
    );
  });
});
