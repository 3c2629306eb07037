// conferences.page: the list page's pages of the filtered conference list. Read one after another they are
// conferences.list, in the same order (newest first, ties by id), whatever the page size; the total counts
// every match; a page past the end is empty; bad positions are refused by name.
import { describe, expect, it } from 'vitest';
import type { ConferenceRow } from '../../common/conference-types';
import type { Input } from '../../common/contract';
import { testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

type Filter = Omit<Input<'conferences.list'>, 'limit'>;

/**
 * 120 conferences over 40 days of 2025–2026: three a day, the third at the same time as the second (a tie
 * broken by id), every fifth without a time; every fourth a department's own, every seventh cancelled, every
 * ninth on 重要政策 (a topic, not in the title).
 */
function seeded() {
  const app = testApp({ now: '2025-01-01T09:00:00+08:00' });
  for (let n = 0; n < 120; n++) {
    const day = new Date(Date.UTC(2025, 11, 1) + Math.floor(n / 3) * 86_400_000).toISOString().slice(0, 10);
    const department = `rizhao-${String(1 + (n % 6)).padStart(2, '0')}`;
    const c = call(app, 'conferences.create', {
      title: `${n % 2 ? '民生' : '经济'}新闻发布会 ${n}`,
      date: day,
      time: n % 5 === 0 ? null : n % 3 === 0 ? '09:00' : '15:30',
      ...(n % 4 === 0
        ? { organizer: 'department' as const, hostDepartmentId: department }
        : { organizer: 'city' as const }),
      departmentIds: [department],
      topics: n % 9 === 0 ? ['重要政策'] : [],
    });
    if (n % 7 === 0) call(app, 'conferences.cancel', { id: c.id, reason: '议题合并' });
  }
  return app;
}

/** The list's order, computed here: date, then time (none last) newest first; ties by id. */
function byListOrder(a: ConferenceRow, b: ConferenceRow): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.time !== b.time) return (a.time ?? '') < (b.time ?? '') ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function allPages(app: ReturnType<typeof testApp>, filter: Filter, limit: number) {
  const rows: ConferenceRow[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = call(app, 'conferences.page', { ...filter, offset, limit });
    expect(page.offset).toBe(offset);
    totals.add(page.total);
    rows.push(...page.rows);
    if (page.rows.length < limit) break;
  }
  return { rows, totals: [...totals] };
}

describe('conferences.page', () => {
  const app = seeded();
  const filters: [string, Filter][] = [
    ['no filter', {}],
    ['a date range', { from: '2025-12-05', to: '2025-12-20' }],
    ['cancelled', { status: 'cancelled' }],
    ['a department’s own', { organizer: 'department' }],
    ['a department, host or taking part', { departmentId: 'rizhao-03' }],
    ['a word of the title', { search: '民生' }],
    ['a topic', { search: '重要政策' }],
    ['everything at once', { from: '2025-12-01', to: '2026-01-31', status: 'planned', search: '经济' }],
    ['nothing matches', { search: '不存在的发布会' }],
  ];

  it.each(filters)('pages through the list in its order: %s', (_, filter) => {
    const list = call(app, 'conferences.list', filter);
    expect([...list].sort(byListOrder).map((c) => c.id)).toEqual(list.map((c) => c.id));
    for (const limit of [1, 7, 50, 500]) {
      const { rows, totals } = allPages(app, filter, limit);
      expect(totals).toEqual([list.length]);
      expect(rows).toEqual(list);
    }
  });

  it('counts every match whatever the page, and is empty past the end', () => {
    expect(call(app, 'conferences.list', {})).toHaveLength(120);
    const last = call(app, 'conferences.page', { offset: 119, limit: 500 });
    expect(last).toMatchObject({ total: 120, offset: 119 });
    expect(last.rows).toHaveLength(1);
    expect(last.rows[0]).toEqual(call(app, 'conferences.list', {})[119]);
    expect(call(app, 'conferences.page', { offset: 120, limit: 10 })).toEqual({ total: 120, offset: 120, rows: [] });
    expect(call(app, 'conferences.page', { offset: 5000, limit: 10 })).toEqual({ total: 120, offset: 5000, rows: [] });
    const cancelled = call(app, 'conferences.page', { status: 'cancelled', offset: 0, limit: 3 });
    expect(cancelled.total).toBe(18); // n = 0, 7, …, 119
    expect(cancelled.rows.map((c) => c.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('carries each row as the list does: departments, host, counts, kind', () => {
    const page = call(app, 'conferences.page', { organizer: 'department', offset: 0, limit: 2 });
    expect(page.rows[0]).toMatchObject({
      organizer: 'department',
      kind: 'department_routine',
      hostDepartmentName: expect.any(String),
      departmentNames: [expect.any(String)],
      speakerCount: 0,
      attendanceCount: 0,
    });
  });

  it('follows a write: a new conference moves the rows after it down by one', () => {
    const fresh = seeded();
    const before = call(fresh, 'conferences.page', { offset: 0, limit: 3 });
    const newest = call(fresh, 'conferences.create', {
      title: '年终新闻发布会',
      date: '2026-12-31',
      organizer: 'city',
      departmentIds: ['rizhao-01'],
    });
    const after = call(fresh, 'conferences.page', { offset: 0, limit: 3 });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.map((c) => c.id)).toEqual([newest.id, ...before.rows.slice(0, 2).map((c) => c.id)]);
  });

  it('refuses a bad position or page size, naming it', () => {
    const bad: [unknown, string][] = [
      [{ offset: 0 }, 'limit'],
      [{ limit: 10 }, 'offset'],
      [{ offset: -1, limit: 10 }, 'offset'],
      [{ offset: 1.5, limit: 10 }, 'offset'],
      [{ offset: '0', limit: 10 }, 'offset'],
      [{ offset: 0, limit: 0 }, 'limit'],
      [{ offset: 0, limit: 501 }, 'limit'],
      [{ offset: 0, limit: 10, status: 'postponed' }, 'status'],
      [{ offset: 0, limit: 10, from: '2026-02-30' }, 'from'],
    ];
    for (const [input, path] of bad) {
      const err = refuse(app, 'conferences.page', input);
      expect(err.code, JSON.stringify(input)).toBe('invalid_input');
      expect(err.issues?.map((i) => i.path)).toEqual([path]);
      expect(err.message).toMatch(new RegExp(`^conferences\\.page: ${path}: `));
    }
    expect(refuse(app, 'conferences.page', undefined).code).toBe('invalid_input');
  });
});
