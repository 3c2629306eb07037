// Every operation of the contract, thrown arbitrary input: no crash, a clear {ok:false} error, and
// the database exactly as it was whenever the answer is an error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  // Each run happens inside a transaction that is rolled back, so every run starts from this state
  // and a successful call cannot grow the database the later runs digest.
  const baseline = databaseDigest(app.client);

  it.each(METHODS)('%s', async (method) => {
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
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});
