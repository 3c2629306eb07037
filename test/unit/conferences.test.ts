import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/dates';
import { listConferences } from '../../db/queries/conference-list';
import { dashboardSteps } from '../../services/dashboard';
import { testApp } from './helpers/app';
import { call, refuse } from './helpers/call';

function staff(app: ReturnType<typeof testApp>, departmentId: string) {
  const head = call(app, 'people.create', { departmentId, name: `${departmentId}局长`, role: 'head' });
  const spokesperson = call(app, 'people.create', {
    departmentId,
    name: `${departmentId}发言人`,
    role: 'spokesperson',
  });
  const deputy = call(app, 'people.create', { departmentId, name: `${departmentId}副局长`, role: 'deputy' });
  return { head, spokesperson, deputy };
}

const base = {
  title: '2026年第一季度市政府新闻发布会',
  date: '2026-03-20',
  organizer: 'city' as const,
  departmentIds: ['rizhao-01', 'rizhao-05'],
};

describe('conferences', () => {
  it('plans a conference with the default venue, speakers and media', () => {
    const app = testApp({ now: '2026-03-01T09:00:00+08:00' });
    const p = staff(app, 'rizhao-01');
    const media = call(app, 'media.create', { name: '日照日报', kind: 'newspaper', contactPerson: '赵记者' });
    const c = call(app, 'conferences.create', {
      ...base,
      time: '09:30',
      speakers: [{ personId: p.spokesperson.id, role: 'spokesperson' }],
      mediaIds: [media.id],
      topics: ['重要政策'],
    });
    expect(c).toMatchObject({
      status: 'planned',
      venue: '市级新闻发布厅',
      kind: 'city_routine',
      departmentNames: ['市发改委', '市公安局'],
    });
    expect(c.speakers).toEqual([
      {
        personId: p.spokesperson.id,
        personName: 'rizhao-01发言人',
        departmentId: 'rizhao-01',
        departmentName: '市发改委',
        role: 'spokesperson',
      },
    ]);
    expect(c.media[0]).toMatchObject({ name: '日照日报', attended: null });
    expect(call(app, 'conferences.list', { departmentId: 'rizhao-05' }).map((r) => r.id)).toEqual([c.id]);
    expect(call(app, 'conferences.list', { search: '第一季度' })).toHaveLength(1);
    // The search box says 名称、议题或地点: the venue is searched too, in the list and its pages.
    expect(call(app, 'conferences.list', { search: '新闻发布厅' }).map((r) => r.id)).toEqual([c.id]);
    expect(call(app, 'conferences.page', { search: '发布厅', offset: 0, limit: 10 }).total).toBe(1);
    expect(call(app, 'conferences.list', { search: '会议室' })).toHaveLength(0);
  });

  it('names every bad reference by path', () => {
    const app = testApp();
    const p = staff(app, 'rizhao-02');
    const err = refuse(app, 'conferences.create', {
      ...base,
      departmentIds: ['rizhao-01', 'nowhere', 'rizhao-01'],
      speakers: [
        { personId: p.head.id, role: 'head' },
        { personId: 'ghost', role: 'spokesperson' },
      ],
      mediaIds: ['no-media'],
    });
    expect(err.code).toBe('invalid_input');
    expect(err.issues?.map((i) => i.path)).toEqual([
      'departmentIds[1]',
      'departmentIds[2]',
      'speakers[0].departmentId',
      'speakers[1].personId',
      'mediaIds[0]',
    ]);
    expect(refuse(app, 'conferences.create', { ...base, organizer: 'department' }).issues?.[0]?.path).toBe(
      'hostDepartmentId',
    );
    expect(call(app, 'conferences.list', {})).toEqual([]);
  });

  it('cancels with a reason and postpones keeping the link both ways', () => {
    const app = testApp({ now: '2026-03-01T09:00:00+08:00' });
    const c = call(app, 'conferences.create', base);
    const moved = call(app, 'conferences.postpone', { id: c.id, date: '2026-03-27', reason: '领导出差' });
    expect(moved).toMatchObject({ status: 'planned', date: '2026-03-27', postponedFromId: c.id });
    const old = call(app, 'conferences.get', { id: c.id });
    expect(old).toMatchObject({
      status: 'cancelled',
      postponedToId: moved.id,
      cancelReason: '领导出差（改期至 2026-03-27）',
    });
    expect(refuse(app, 'conferences.cancel', { id: c.id, reason: 'x' }).code).toBe('conflict');
    expect(refuse(app, 'conferences.cancel', { id: moved.id, reason: '' }).code).toBe('invalid_input');
    expect(call(app, 'conferences.cancel', { id: moved.id, reason: '议题合并' })).toMatchObject({
      status: 'cancelled',
      cancelReason: '议题合并',
    });
  });

  it('checks in attendance with a substitute, and asks for a reason once the quarter has ended', () => {
    const app = testApp({ now: '2026-03-01T09:00:00+08:00' });
    const p = staff(app, 'rizhao-01');
    const c = call(app, 'conferences.create', {
      ...base,
      speakers: [{ personId: p.spokesperson.id, role: 'spokesperson' }],
    });
    expect(refuse(app, 'conferences.checkIn', { id: c.id, attendance: [] }).message).toMatch(/on or after the day/);
    app.setNow('2026-03-20T12:00:00+08:00');
    const held = call(app, 'conferences.checkIn', {
      id: c.id,
      attendance: [
        { personId: p.deputy.id, role: 'deputy', status: 'attended', substituteForPersonId: p.spokesperson.id },
        { personId: p.spokesperson.id, role: 'spokesperson', status: 'absent' },
      ],
    });
    expect(held.status).toBe('held');
    expect(held.attendance.find((a) => a.personId === p.deputy.id)).toMatchObject({
      substituteForName: 'rizhao-01发言人',
      status: 'attended',
    });
    const deputyRowId = held.attendance.find((a) => a.personId === p.deputy.id)?.id;

    app.setNow('2026-04-02T09:00:00+08:00');
    const change = {
      id: c.id,
      attendance: [{ personId: p.deputy.id, role: 'deputy' as const, status: 'attended' as const }],
    };
    const err = refuse(app, 'conferences.checkIn', change);
    expect(err.issues?.[0]?.path).toBe('reason');
    const edited = call(app, 'conferences.checkIn', { ...change, reason: '补录：发言人当天未到' });
    expect(edited.attendance.map((a) => a.id)).toEqual([deputyRowId]); // the id stays
    expect(edited.history.map((h) => [h.action, h.reason])).toEqual([
      ['create', null],
      ['check_in', null],
      ['check_in', '补录：发言人当天未到'],
    ]);
    expect(edited.quarterEnded).toBe(true);
  });
});

describe('compliance and planning through the services', () => {
  it('counts a checked-in city conference for the department quotas', () => {
    const app = testApp({ now: '2026-02-01T09:00:00+08:00' });
    const p = staff(app, 'rizhao-01');
    const c = call(app, 'conferences.create', { ...base, date: '2026-02-10', departmentIds: ['rizhao-01'] });
    app.setNow('2026-02-10T15:00:00+08:00');
    call(app, 'conferences.checkIn', {
      id: c.id,
      attendance: [{ personId: p.head.id, role: 'head', status: 'attended' }],
    });
    const report = call(app, 'compliance.year', { year: 2026, asOf: '2026-04-01' });
    expect(report.departments).toHaveLength(24);
    const first = report.departments[0];
    expect(first).toMatchObject({ departmentId: 'rizhao-01', headAttendances: 1, headStatus: 'met', compliant: true });
    expect(first?.quarters[0]).toMatchObject({ conferences: 1, conferenceStatus: 'met', responsibleStatus: 'met' });
    expect(report.departments[1]?.quarters[0]).toMatchObject({ conferenceStatus: 'missed' });
    expect(report.departments[1]?.compliant).toBe(false);
  });

  it('proposes a quarter, accepts it, and the plan covers every staffed department', () => {
    const app = testApp({ now: '2026-01-05T09:00:00+08:00' });
    for (const d of ['rizhao-01', 'rizhao-02', 'rizhao-03', 'rizhao-04', 'rizhao-05']) staff(app, d);
    const plan = call(app, 'planner.propose', {
      year: 2026,
      quarter: 1,
      departmentIds: ['rizhao-01', 'rizhao-02', 'rizhao-03', 'rizhao-04', 'rizhao-05'],
      capacity: 4,
    });
    expect(plan.holidaysKnown).toBe(true);
    expect(plan.proposals).toHaveLength(2);
    expect(plan.proposals[0]?.title).toBe('2026年第一季度市政府新闻发布会（第1场）');
    expect(plan.problems.filter((p) => p.severity === 'blocking')).toEqual([]);
    const { ids } = call(app, 'planner.accept', {
      proposals: plan.proposals.map((p) => ({
        date: p.date,
        title: p.title,
        departmentIds: p.departmentIds,
        speakers: p.speakers,
      })),
    });
    expect(ids).toHaveLength(2);
    const again = call(app, 'planner.propose', { year: 2026, quarter: 1, departmentIds: ['rizhao-01'], capacity: 4 });
    expect(again.proposals).toEqual([]); // already booked
    const dash = call(app, 'dashboard.get', {});
    expect(dash.upcoming.length).toBeGreaterThan(0);
    expect(dash.atRisk.find((d) => d.departmentId === 'rizhao-01')?.nextConferenceDate).not.toBeNull();
    expect(dash.untrainedSpokespersons).toHaveLength(5);
    expect(dash.pastPlanned).toEqual([]);

    // The first one's day passes with no check-in: it waits on the dashboard, and is no longer upcoming.
    const dates = plan.proposals.map((p) => p.date).sort();
    const first = dates[0] ?? '';
    app.setNow(`${addDays(first, 1)}T09:00:00+08:00`);
    const later = call(app, 'dashboard.get', {});
    expect(later.pastPlanned.map((c) => c.date)).toEqual(dates.filter((d) => d === first));
    expect(later.pastPlanned.every((c) => c.status === 'planned')).toBe(true);
    expect(later.upcoming.map((c) => c.date)).not.toContain(first);
  });

  it('lists held conferences without attendance a year at a time, exactly as one read would', () => {
    const app = testApp({ now: '2023-01-02T09:00:00+08:00' });
    const p = staff(app, 'rizhao-01');
    const dates = ['2023-03-20', '2023-11-02', '2024-06-18', '2025-01-01', '2025-12-31', '2026-02-10'];
    const created = dates.map((date, i) =>
      call(app, 'conferences.create', { ...base, title: `第${i + 1}场`, date, time: i % 2 ? '15:00' : null }),
    );
    // Each checked in on its day, every other one with nobody recorded: held, waiting for attendance.
    created.forEach((c, i) => {
      app.setNow(`${c.date}T12:00:00+08:00`);
      const attendance =
        i % 2 ? [] : [{ personId: p.spokesperson.id, role: 'spokesperson' as const, status: 'attended' as const }];
      call(app, 'conferences.checkIn', { id: c.id, attendance });
    });
    app.setNow('2026-03-01T09:00:00+08:00');
    // A date the app would refuse, as only an imported register can hold: still listed, where one read puts it.
    app.ctx.db.run(sql`UPDATE conferences SET date = '2024/06/18' WHERE id = ${created[3]?.id}`);

    const oneRead = listConferences(app.ctx.db, { status: 'held', withoutAttendance: true });
    expect(oneRead.map((c) => c.title)).toEqual(['第6场', '第4场', '第2场']);
    expect(call(app, 'dashboard.get', {}).heldWithoutAttendance).toEqual(oneRead);
    // Paced (the answer given ahead at start-up), read year by year: a pause after each of the four years (and
    // after the dashboard's other reads), and the same rows in the same order.
    const steps = dashboardSteps(app.ctx);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4 + 3);
    expect(step.value.heldWithoutAttendance).toEqual(oneRead);
  });

  it('lets the office add a quota rule and a holiday of its own', () => {
    const app = testApp();
    expect(call(app, 'rules.list', {})).toHaveLength(3);
    call(app, 'rules.create', { kind: 'department_conferences', minimum: 2, effectiveFrom: '2026-01-01' });
    expect(
      refuse(app, 'rules.create', { kind: 'department_conferences', minimum: 3, effectiveFrom: '2026-01-01' }).code,
    ).toBe('conflict');
    call(app, 'calendar.setOverride', { date: '2026-03-03', kind: 'holiday', name: '防汛演练' });
    const days = call(app, 'calendar.days', { from: '2026-03-02', to: '2026-03-04' }).days;
    expect(days.map((d) => d.kind)).toEqual(['workday', 'holiday', 'workday']);
    expect(call(app, 'calendar.overrides', {})).toEqual([{ date: '2026-03-03', kind: 'holiday', name: '防汛演练' }]);
    call(app, 'calendar.setOverride', { date: '2026-03-03', kind: null });
    expect(call(app, 'calendar.overrides', {})).toEqual([]);
  });
});
