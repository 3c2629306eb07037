// 舆情: deadlines from the office's grades, overdue and unreported flags, field rules, response
// figures, and a press conference answering an item.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

let app: TestApp;
beforeEach(() => {
  app = testApp({ now: '2026-05-10T09:00:00+08:00' });
});
afterEach(() => app.close());

const base = {
  source: '日照发布微博评论区',
  channel: 'weibo' as const,
  summary: '网民反映东港区某小区停水超过24小时',
  topic: '供水保障',
  detectedAt: '2026-05-10T08:00:00+08:00',
  grade: 'severe' as const,
  departmentId: 'rizhao-01',
};

describe('public-opinion register', () => {
  it('derives the deadline from the grade and flags overdue and unreported items', () => {
    const item = call(app, 'opinions.create', base);
    expect(item.deadlineAt).toBe('2026-05-11T00:00:00.000Z'); // 24 hours after 08:00 +08:00
    expect(item).toMatchObject({ overdue: false, unreported: true, status: 'open' });
    expect(call(app, 'dashboard.get', {}).unreportedSevere.map((o) => o.id)).toEqual([item.id]);
    app.setNow('2026-05-11T10:00:00+08:00');
    expect(call(app, 'opinions.get', { id: item.id }).overdue).toBe(true);
    expect(call(app, 'opinions.list', { overdueOnly: true }).map((o) => o.id)).toEqual([item.id]);
    expect(call(app, 'dashboard.get', {}).overdueOpinions.map((o) => o.id)).toEqual([item.id]);
    const reported = call(app, 'opinions.update', {
      id: item.id,
      fields: { ...base, reportedTo: '市委宣传部', reportedAt: '2026-05-10T09:30:00+08:00', status: 'answering' },
    });
    expect(reported.unreported).toBe(false);
    expect(reported.deadlineAt).toBe(item.deadlineAt);
    const answered = call(app, 'opinions.update', {
      id: item.id,
      fields: {
        ...base,
        reportedTo: '市委宣传部',
        reportedAt: '2026-05-10T09:30:00+08:00',
        status: 'answered',
        answeredAt: '2026-05-10T20:00:00+08:00',
        response: 'online_release',
      },
    });
    expect(answered).toMatchObject({ overdue: false, responseHours: 12 });
    expect(call(app, 'dashboard.get', {}).overdueOpinions).toEqual([]);
  });

  it('alerts on the most overdue and on every unreported 重大 item, however many newer items there are', () => {
    // An old item still unanswered and unreported, then 520 newer 重大 items reported up and answered late:
    // overdue by the register's rule, but not what the dashboard's alerts are for.
    const old = call(app, 'opinions.create', { ...base, detectedAt: '2026-01-05T08:00:00+08:00' });
    const late = {
      ...base,
      reportedTo: '市委宣传部',
      status: 'answered' as const,
      response: 'online_release' as const,
    };
    for (let i = 0; i < 520; i++) {
      const day = `2026-04-${String(1 + (i % 28)).padStart(2, '0')}`;
      const next = `2026-04-${String(2 + (i % 28)).padStart(2, '0')}`;
      const minute = String(i % 60).padStart(2, '0');
      call(app, 'opinions.create', {
        ...late,
        summary: `网民反映第${i + 1}个小区停水`,
        detectedAt: `${day}T08:${minute}:00+08:00`,
        reportedAt: `${day}T09:${minute}:00+08:00`,
        answeredAt: `${next}T10:${minute}:00+08:00`, // 26 hours: a day's deadline missed
      });
    }
    expect(call(app, 'opinions.list', { overdueOnly: true })).toHaveLength(521);
    const board = call(app, 'dashboard.get', {});
    expect(board.overdueOpinions.map((o) => o.id)).toEqual([old.id]);
    expect(board.unreportedSevere.map((o) => o.id)).toEqual([old.id]);
    expect([board.overdueOpinionTotal, board.unreportedSevereTotal]).toEqual([1, 1]);

    // 25 more, open and unreported: the alerts list 20 each and say how many there are.
    const more = Array.from({ length: 25 }, (_, i) =>
      call(app, 'opinions.create', {
        ...base,
        summary: `网民反映第${i + 1}条道路积水`,
        detectedAt: `2026-03-${String(i + 1).padStart(2, '0')}T08:00:00+08:00`,
      }),
    );
    const full = call(app, 'dashboard.get', {});
    expect([full.overdueOpinionTotal, full.unreportedSevereTotal]).toEqual([26, 26]);
    expect(full.overdueOpinions.map((o) => o.id)).toEqual([old.id, ...more.slice(0, 19).map((o) => o.id)]);
    expect(full.unreportedSevere.map((o) => o.id)).toEqual(
      more
        .slice(5)
        .reverse()
        .map((o) => o.id),
    );
  });

  it('uses the office’s deadline hours, and keeps an item’s deadline when the setting changes later', () => {
    call(app, 'opinions.setGrades', {
      general: { definition: '一般', deadlineHours: 120 },
      major: { definition: '较大', deadlineHours: 12 },
      severe: { definition: '重大', deadlineHours: 6 },
    });
    const item = call(app, 'opinions.create', { ...base, grade: 'major' });
    expect(item.deadlineAt).toBe('2026-05-10T12:00:00.000Z');
    call(app, 'opinions.setGrades', {
      general: { definition: '一般', deadlineHours: 72 },
      major: { definition: '较大', deadlineHours: 48 },
      severe: { definition: '重大', deadlineHours: 24 },
    });
    expect(
      call(app, 'opinions.update', { id: item.id, fields: { ...base, grade: 'major', notes: '跟进' } }).deadlineAt,
    ).toBe('2026-05-10T12:00:00.000Z');
    // A new grade is a new deadline, from the current setting.
    expect(call(app, 'opinions.update', { id: item.id, fields: { ...base, grade: 'general' } }).deadlineAt).toBe(
      '2026-05-13T00:00:00.000Z',
    );
  });

  it('names what is wrong with an item', () => {
    const err = refuse(app, 'opinions.create', {
      ...base,
      status: 'answered',
      reportedTo: '市委宣传部',
      link: 'javascript:alert(1)',
    });
    expect(err.issues?.map((i) => i.path)).toEqual(['link']);
    const rules = refuse(app, 'opinions.create', { ...base, status: 'answered', reportedTo: '市委宣传部' });
    expect(rules.issues).toEqual([
      { path: 'answeredAt', message: 'an answered or closed item needs the time it was answered' },
      { path: 'reportedAt', message: 'a report up needs both to whom and when' },
    ]);
    expect(
      refuse(app, 'opinions.create', { ...base, answeredAt: '2026-05-09T08:00:00+08:00', status: 'answered' }).message,
    ).toMatch(/answeredAt: is before the item was detected/);
    expect(refuse(app, 'opinions.create', { ...base, detectedAt: '2026-05-10 08:00' }).issues?.[0]?.path).toBe(
      'detectedAt',
    );
  });

  it('plans a press conference that answers the item and carries its topic', () => {
    const item = call(app, 'opinions.create', base);
    const linked = call(app, 'opinions.conference', { id: item.id, date: '2026-05-12', time: '10:00' });
    expect(linked).toMatchObject({ response: 'conference', status: 'answering' });
    const conf = call(app, 'conferences.get', { id: linked.conferenceId ?? '' });
    expect(conf.topics).toEqual(['供水保障']);
    expect(conf.title).toBe('关于供水保障有关情况的新闻发布会');
    expect(conf.kind).toBe('emergency');
    expect(refuse(app, 'opinions.conference', { id: item.id, date: '2026-05-13' }).message).toMatch(/already answered/);
  });

  it('gives response-time figures per quarter and per department', () => {
    const answeredIn = (hours: number, detectedAt: string, grade: 'general' | 'severe', departmentId: string) => {
      const answeredAt = new Date(Date.parse(detectedAt) + hours * 3_600_000).toISOString();
      call(app, 'opinions.create', {
        ...base,
        grade,
        departmentId,
        detectedAt,
        answeredAt,
        status: 'answered',
        reportedTo: grade === 'severe' ? '市委宣传部' : null,
        reportedAt: grade === 'severe' ? detectedAt : null,
      });
    };
    answeredIn(10, '2026-01-05T08:00:00+08:00', 'severe', 'rizhao-01');
    answeredIn(30, '2026-01-06T08:00:00+08:00', 'severe', 'rizhao-01'); // late: 24 h
    answeredIn(20, '2026-04-06T08:00:00+08:00', 'general', 'rizhao-02');
    call(app, 'opinions.create', {
      ...base,
      grade: 'general',
      departmentId: 'rizhao-02',
      detectedAt: '2026-05-09T08:00:00+08:00',
    });
    const stats = call(app, 'opinions.stats', { year: 2026 });
    expect(stats.byQuarter[0]).toMatchObject({
      items: 2,
      answered: 2,
      medianHours: 20,
      withinDeadline: 1,
      judged: 2,
      share: 0.5,
    });
    expect(stats.byQuarter[1]).toMatchObject({
      items: 2,
      answered: 1,
      medianHours: 20,
      withinDeadline: 1,
      judged: 1,
      share: 1,
    });
    expect(stats.total).toMatchObject({ items: 4, answered: 3, withinDeadline: 2 });
    expect(stats.byDepartment.map((r) => [r.label, r.items])).toEqual([
      ['市发改委', 2],
      ['市经信委', 2],
    ]);
  });
});
