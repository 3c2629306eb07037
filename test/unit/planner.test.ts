import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/dates';
import { WorkCalendar } from '../../common/domain/calendar';
import { type Quarter, quarterOf, quarterPeriod } from '../../common/domain/periods';
import { type PlannerAppearance, type PlannerPerson, planYear } from '../../common/domain/planner';
import {
  computeCompliance,
  NOTICE_2014_RULES,
  type QuotaConference,
  type QuotaDepartment,
} from '../../common/domain/quota';

// 2025 as announced: a few holidays and make-up working days are enough to exercise the rules.
const HOLIDAYS_2025 = {
  holidays: {
    '2025-01-01': "New Year's Day,元旦,1",
    '2025-01-28': 'Spring Festival,春节,4',
    '2025-01-29': 'Spring Festival,春节,4',
    '2025-01-30': 'Spring Festival,春节,4',
    '2025-01-31': 'Spring Festival,春节,4',
    '2025-02-03': 'Spring Festival,春节,4',
    '2025-10-01': 'National Day,国庆节,7',
    '2025-10-02': 'National Day,国庆节,7',
    '2025-10-03': 'National Day,国庆节,7',
    '2025-10-06': 'National Day,国庆节,7',
    '2025-10-07': 'National Day,国庆节,7',
    '2025-10-08': 'National Day,国庆节,7',
  },
  workdays: {
    '2025-01-26': 'Spring Festival,春节,4',
    '2025-02-08': 'Spring Festival,春节,4',
    '2025-09-28': 'National Day,国庆节,7',
  },
};
const calendar = new WorkCalendar(HOLIDAYS_2025);

const dept = (i: number, extra: Partial<QuotaDepartment> = {}): QuotaDepartment => ({
  id: `d${i}`,
  name: `部门${i}`,
  fullName: `日照市部门${i}`,
  listed: true,
  listedFrom: '2014-07-01',
  listedUntil: null,
  ...extra,
});
const person = (departmentId: string, role: PlannerPerson['role'], n = 0): PlannerPerson => ({
  id: `${departmentId}-${role}-${n}`,
  departmentId,
  name: `${departmentId}${role}`,
  role,
  tenureStart: null,
  tenureEnd: null,
  archived: false,
  untrained: false,
});
const staffed = (id: string) => [person(id, 'head'), person(id, 'spokesperson'), person(id, 'deputy')];

describe('calendar', () => {
  it('skips weekends and holidays and counts 调休 make-up days as working days', () => {
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false); // 春节
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休
    expect(calendar.isWorkingDay('2025-03-01')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-03-03')).toBe(true);
    expect(calendar.day('2025-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(calendar.isCovered(2025)).toBe(true);
    expect(calendar.isCovered(2027)).toBe(false);
  });

  it('lets the office override a day', () => {
    const c = new WorkCalendar(HOLIDAYS_2025, [
      { date: '2025-03-03', kind: 'holiday', name: '停电' },
      { date: '2025-03-01', kind: 'workday' },
    ]);
    expect(c.isWorkingDay('2025-03-03')).toBe(false);
    expect(c.isWorkingDay('2025-03-01')).toBe(true);
  });
});

describe('planner', () => {
  it('plans every quarter of a year for fully staffed departments within capacity', () => {
    const departments = Array.from({ length: 10 }, (_, i) => dept(i + 1));
    const plan = planYear({
      year: 2025,
      today: '2024-12-01',
      capacity: 4,
      departments,
      people: departments.flatMap((d) => staffed(d.id)),
      conferences: [],
      appearances: [],
      rules: NOTICE_2014_RULES,
      calendar,
    });
    expect(plan.problems.filter((p) => p.severity === 'blocking')).toEqual([]);
    expect(plan.proposals).toHaveLength(12); // 3 conferences of up to 4 departments, 4 quarters
    const heads = plan.proposals.flatMap((p) =>
      p.speakers.filter((s) => s.role === 'head').map((_s) => quarterOf(p.date).quarter),
    );
    expect(heads).toHaveLength(10);
    // Spread across quarters: no quarter takes more than its share plus one.
    for (const q of [1, 2, 3, 4]) expect(heads.filter((h) => h === q).length).toBeLessThanOrEqual(3);
    for (const p of plan.proposals) expect(calendar.isWorkingDay(p.date)).toBe(true);
  });

  it('says which department cannot be covered and why', () => {
    const departments = [dept(1), dept(2), dept(3)];
    const plan = planYear({
      year: 2025,
      today: '2025-09-30',
      capacity: 4,
      departments,
      people: [...staffed('d1'), person('d2', 'spokesperson')],
      conferences: [],
      appearances: [],
      rules: NOTICE_2014_RULES,
      calendar,
    });
    const blocking = plan.problems.filter((p) => p.severity === 'blocking');
    expect(blocking).toContainEqual(expect.objectContaining({ kind: 'no_head', departmentId: 'd2' }));
    expect(blocking).toContainEqual(
      expect.objectContaining({ kind: 'no_responsible_person', departmentId: 'd3', quarter: 4 }),
    );
    expect(blocking).toContainEqual(expect.objectContaining({ kind: 'quarter_ended', departmentId: 'd1', quarter: 3 }));
    expect(plan.quarters).toEqual([4]);
  });

  it('plans nothing in the past and warns when the year holidays are unknown', () => {
    const plan = planYear({
      year: 2027,
      today: '2027-05-20',
      capacity: 2,
      departments: [dept(1)],
      people: staffed('d1'),
      conferences: [],
      appearances: [],
      rules: NOTICE_2014_RULES,
      calendar,
    });
    expect(plan.problems).toContainEqual(expect.objectContaining({ kind: 'holidays_unknown', severity: 'warning' }));
    expect(plan.proposals.every((p) => p.date > '2027-05-20')).toBe(true);
    expect(plan.quarters).toEqual([2, 3, 4]);
  });

  it('takes conferences already held or planned into account', () => {
    const held: QuotaConference = {
      id: 'c1',
      date: '2025-01-15',
      organizer: 'city',
      status: 'held',
      hostDepartmentId: null,
      departmentIds: ['d1'],
    };
    const planned: QuotaConference = {
      id: 'c2',
      date: '2025-05-15',
      organizer: 'city',
      status: 'planned',
      hostDepartmentId: null,
      departmentIds: ['d1'],
    };
    const plan = planYear({
      year: 2025,
      today: '2024-12-01',
      capacity: 4,
      departments: [dept(1)],
      people: staffed('d1'),
      conferences: [held, planned],
      appearances: [
        { conferenceId: 'c1', personId: 'd1-head-0', departmentId: 'd1', role: 'head', status: 'attended' },
        {
          conferenceId: 'c2',
          personId: 'd1-spokesperson-0',
          departmentId: 'd1',
          role: 'spokesperson',
          status: 'booked',
        },
      ],
      rules: NOTICE_2014_RULES,
      calendar,
    });
    expect(plan.proposals.map((p) => p.quarter)).toEqual([3, 4]);
    expect(plan.proposals.flatMap((p) => p.speakers.map((s) => s.role))).toEqual(['spokesperson', 'spokesperson']);
  });
});

// The guarantee: accept the plan, hold it as planned, and every quota in scope is met, except
// where the plan named the department and the reason.
const registerArb = fc.record({
  departments: fc.array(
    fc.record({
      listedFrom: fc.option(fc.constantFrom('2024-01-01', '2025-02-10', '2025-04-01', '2025-08-20'), { nil: null }),
      listedUntil: fc.option(fc.constantFrom('2025-03-31', '2025-06-15', '2025-11-30', '2026-12-31'), { nil: null }),
      head: fc.boolean(),
      spokesperson: fc.boolean(),
      deputy: fc.boolean(),
      heldQ1: fc.boolean(),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  capacity: fc.integer({ min: 1, max: 6 }),
  todayOffset: fc.integer({ min: -40, max: 330 }),
  quarter: fc.option(fc.constantFrom<Quarter>(1, 2, 3, 4), { nil: null }),
});

describe('planner guarantee (property)', () => {
  it('meets every quota in scope or names the department and why', () => {
    fc.assert(
      fc.property(registerArb, (r) => {
        const today = addDays('2025-01-01', r.todayOffset);
        const departments = r.departments.map((d, i) =>
          dept(i, {
            listedFrom: d.listedFrom,
            listedUntil: d.listedFrom && d.listedUntil && d.listedUntil < d.listedFrom ? null : d.listedUntil,
          }),
        );
        const people = r.departments.flatMap((d, i) => [
          ...(d.head ? [person(`d${i}`, 'head')] : []),
          ...(d.spokesperson ? [person(`d${i}`, 'spokesperson')] : []),
          ...(d.deputy ? [person(`d${i}`, 'deputy')] : []),
        ]);
        const conferences: QuotaConference[] = [];
        const appearances: PlannerAppearance[] = [];
        r.departments.forEach((d, i) => {
          const sp = people.find((p) => p.departmentId === `d${i}`);
          if (d.heldQ1 && sp && today > '2025-01-10') {
            conferences.push({
              id: `h${i}`,
              date: '2025-01-10',
              organizer: 'city',
              status: 'held',
              hostDepartmentId: null,
              departmentIds: [`d${i}`],
            });
            appearances.push({
              conferenceId: `h${i}`,
              personId: sp.id,
              departmentId: `d${i}`,
              role: sp.role,
              status: 'attended',
            });
          }
        });
        const plan = planYear({
          year: 2025,
          quarter: r.quarter,
          today,
          capacity: r.capacity,
          departments,
          people,
          conferences,
          appearances,
          rules: NOTICE_2014_RULES,
          calendar,
        });

        // Invariants of the proposal itself.
        const perDay = new Map<string, Set<string>>();
        for (const a of appearances)
          perDay.set('2025-01-10', new Set([...(perDay.get('2025-01-10') ?? []), a.personId]));
        for (const p of plan.proposals) {
          expect(p.date > today).toBe(true);
          expect(calendar.isWorkingDay(p.date)).toBe(true);
          const period = quarterPeriod(2025, p.quarter);
          expect(p.date >= period.start && p.date <= period.end).toBe(true);
          expect(p.departmentIds.length).toBeLessThanOrEqual(r.capacity);
          const day = perDay.get(p.date) ?? new Set<string>();
          for (const s of p.speakers) {
            expect(day.has(s.personId)).toBe(false);
            day.add(s.personId);
          }
          perDay.set(p.date, day);
        }

        // Hold the plan as proposed and check the quotas at the end of the year.
        const held = [
          ...conferences,
          ...plan.proposals.map(
            (p): QuotaConference => ({
              id: p.key,
              date: p.date,
              organizer: 'city',
              status: 'held',
              hostDepartmentId: null,
              departmentIds: p.departmentIds,
            }),
          ),
        ];
        const attendance = [
          ...appearances.map((a) => ({
            conferenceId: a.conferenceId,
            departmentId: a.departmentId,
            role: a.role,
            status: 'attended' as const,
          })),
          ...plan.proposals.flatMap((p) =>
            p.speakers.map((s) => ({
              conferenceId: p.key,
              departmentId: s.departmentId,
              role: s.role,
              status: 'attended' as const,
            })),
          ),
        ];
        const report = computeCompliance({
          year: 2025,
          asOf: '2026-01-01',
          departments,
          conferences: held,
          attendance,
          rules: NOTICE_2014_RULES,
        });
        const blocking = plan.problems.filter((p) => p.severity === 'blocking');
        const named = (d: string, q: Quarter | null) =>
          blocking.some((p) => p.departmentId === d && (p.quarter === q || p.quarter === null || q === null));
        for (const d of report.departments) {
          for (const q of d.quarters) {
            if (!plan.quarters.includes(q.quarter)) continue;
            if (q.conferenceStatus === 'missed' || q.responsibleStatus === 'missed') {
              expect(named(d.departmentId, q.quarter), `${d.departmentId} Q${q.quarter} missed unexplained`).toBe(true);
            }
          }
          // The head quota is in scope when the whole year is planned from its start.
          if (!r.quarter && today < '2025-01-01' && d.headStatus === 'missed') {
            expect(named(d.departmentId, null), `${d.departmentId} head missed unexplained`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the real holiday data', () => {
  it('knows the 2026 Spring Festival and its make-up days', async () => {
    const { chineseWorkCalendar } = await import('../../common/domain/holidays');
    const c = chineseWorkCalendar();
    expect(c.day('2026-02-17')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(c.day('2026-02-14')).toMatchObject({ kind: 'makeup' }); // Saturday worked in lieu
    expect(c.isCovered(2014)).toBe(true);
  });
});
