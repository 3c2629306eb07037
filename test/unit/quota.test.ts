import { describe, expect, it } from 'vitest';
import { quarterOf, quarterPeriod } from '../../common/domain/periods';
import {
  type ComplianceInput,
  computeCompliance,
  NOTICE_2014_RULES,
  periodStatus,
  type QuotaAttendance,
  type QuotaConference,
  type QuotaDepartment,
} from '../../common/domain/quota';

const dept = (id: string, extra: Partial<QuotaDepartment> = {}): QuotaDepartment => ({
  id,
  name: id,
  fullName: `日照市${id}`,
  listed: true,
  listedFrom: '2014-07-01',
  listedUntil: null,
  ...extra,
});

let seq = 0;
const conf = (date: string, departmentIds: string[], extra: Partial<QuotaConference> = {}): QuotaConference => ({
  id: `c${++seq}`,
  date,
  organizer: 'city',
  status: 'held',
  hostDepartmentId: null,
  departmentIds,
  ...extra,
});
const att = (
  c: QuotaConference,
  departmentId: string,
  role: QuotaAttendance['role'],
  status: QuotaAttendance['status'] = 'attended',
): QuotaAttendance => ({
  conferenceId: c.id,
  departmentId,
  role,
  status,
});

function run(partial: Partial<ComplianceInput>) {
  return computeCompliance({
    year: 2025,
    asOf: '2026-01-15',
    departments: [dept('A')],
    conferences: [],
    attendance: [],
    rules: NOTICE_2014_RULES,
    ...partial,
  });
}
const only = (r: ReturnType<typeof run>) => {
  const d = r.departments[0];
  if (!d) throw new Error('no department in the report');
  return d;
};

describe('periods', () => {
  it('maps dates to quarters at the boundaries', () => {
    expect(quarterOf('2025-03-31')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOf('2025-04-01')).toEqual({ year: 2025, quarter: 2 });
    expect(quarterOf('2025-12-31')).toEqual({ year: 2025, quarter: 4 });
    expect(quarterPeriod(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
  });

  it('derives the status from the as-of date', () => {
    const q = quarterPeriod(2025, 2);
    expect(periodStatus(q, 0, 1, '2025-07-01')).toBe('missed');
    expect(periodStatus(q, 1, 1, '2025-07-01')).toBe('met');
    expect(periodStatus(q, 0, 1, '2025-06-30')).toBe('pending'); // last day still inside
    expect(periodStatus(q, 0, 1, '2025-04-01')).toBe('pending');
    expect(periodStatus(q, 0, 1, '2025-03-31')).toBe('upcoming');
    expect(periodStatus(q, 1, 1, '2025-03-31')).toBe('met');
  });
});

describe('department conference quota', () => {
  it('counts distinct held conferences of any organizer where the department hosts or releases', () => {
    const c1 = conf('2025-01-10', ['A', 'B']);
    const c2 = conf('2025-02-10', [], { organizer: 'department', hostDepartmentId: 'A' });
    const c3 = conf('2025-03-10', ['A'], { organizer: 'department', hostDepartmentId: 'A' }); // host and participant: once
    const r = only(run({ conferences: [c1, c2, c3] }));
    expect(r.quarters[0]).toMatchObject({ quarter: 1, conferences: 3, conferenceStatus: 'met' });
    expect(r.quarters[0]?.conferenceIds).toEqual([c1.id, c2.id, c3.id]);
  });

  it('ignores planned and cancelled conferences', () => {
    const r = only(
      run({
        conferences: [
          conf('2025-01-10', ['A'], { status: 'planned' }),
          conf('2025-01-11', ['A'], { status: 'cancelled' }),
        ],
      }),
    );
    expect(r.quarters[0]).toMatchObject({ conferences: 0, conferenceStatus: 'missed' });
    expect(r.compliant).toBe(false);
  });

  it('puts a conference on the last day of a quarter in that quarter, and the next day in the next', () => {
    const r = only(run({ conferences: [conf('2025-03-31', ['A']), conf('2025-04-01', ['A'])] }));
    expect(r.quarters.map((q) => q.conferences)).toEqual([1, 1, 0, 0]);
  });
});

describe('responsible-person quota', () => {
  it('counts attended spokesperson, deputy or head attendance at city conferences only', () => {
    const city = conf('2025-04-10', ['A']);
    const own = conf('2025-05-10', [], { organizer: 'department', hostDepartmentId: 'A' });
    const r = only(
      run({ conferences: [city, own], attendance: [att(city, 'A', 'deputy'), att(own, 'A', 'spokesperson')] }),
    );
    expect(r.quarters[1]).toMatchObject({ responsibleAttendances: 1, responsibleStatus: 'met', conferences: 2 });
  });

  it('does not count absences, and counts two people at one conference once', () => {
    const c = conf('2025-07-10', ['A']);
    const c2 = conf('2025-08-10', ['A']);
    const r = only(
      run({
        conferences: [c, c2],
        attendance: [att(c, 'A', 'spokesperson'), att(c, 'A', 'head'), att(c2, 'A', 'spokesperson', 'absent')],
      }),
    );
    expect(r.quarters[2]).toMatchObject({ responsibleAttendances: 1, responsibleStatus: 'met' });
  });

  it('counts the attendance for the department it names (a substitute from elsewhere)', () => {
    const c = conf('2025-10-10', ['A', 'B']);
    const r = run({ departments: [dept('A'), dept('B')], conferences: [c], attendance: [att(c, 'B', 'deputy')] });
    expect(r.departments.map((d) => d.quarters[3]?.responsibleAttendances)).toEqual([0, 1]);
  });
});

describe('head quota', () => {
  it('needs one attended city conference in the year in the head role', () => {
    const c = conf('2025-06-01', ['A']);
    expect(only(run({ conferences: [c], attendance: [att(c, 'A', 'spokesperson')] })).headStatus).toBe('missed');
    const r = only(run({ conferences: [c], attendance: [att(c, 'A', 'head')] }));
    expect(r).toMatchObject({ headAttendances: 1, headStatus: 'met' });
  });

  it('does not carry a previous year attendance into this year', () => {
    const last = conf('2024-12-31', ['A']);
    const r = only(run({ conferences: [last], attendance: [att(last, 'A', 'head')] }));
    expect(r).toMatchObject({ headAttendances: 0, headStatus: 'missed' });
  });

  it('is pending during the year and upcoming before it', () => {
    expect(only(run({ asOf: '2025-06-01' })).headStatus).toBe('pending');
    expect(only(run({ asOf: '2024-12-31' })).headStatus).toBe('upcoming');
    expect(only(run({ asOf: '2024-12-31' })).quarters.map((q) => q.conferenceStatus)).toEqual([
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it('ignores head attendance at department conferences', () => {
    const c = conf('2025-06-01', [], { organizer: 'department', hostDepartmentId: 'A' });
    expect(only(run({ conferences: [c], attendance: [att(c, 'A', 'head')] })).headStatus).toBe('missed');
  });
});

describe('listing periods and rule dates', () => {
  it('exempts quarters wholly outside the listing period', () => {
    const r = only(run({ departments: [dept('A', { listedFrom: '2025-05-15', listedUntil: '2025-08-01' })] }));
    expect(r.quarters.map((q) => q.conferenceStatus)).toEqual(['exempt', 'missed', 'missed', 'exempt']);
    expect(r.headStatus).toBe('exempt'); // Q2 and Q3 are only partly listed: no whole quarter
  });

  it('exempts the head quota in a year without one whole listed quarter', () => {
    const oneWhole = only(run({ departments: [dept('A', { listedFrom: '2025-05-15', listedUntil: '2025-09-30' })] }));
    expect(oneWhole.headStatus).toBe('missed'); // Q3 is wholly listed
    const r = only(run({ departments: [dept('A', { listedFrom: '2025-12-01' })] }));
    expect(r.headStatus).toBe('exempt');
    expect(r.quarters.map((q) => q.conferenceStatus)).toEqual(['exempt', 'exempt', 'exempt', 'missed']);
  });

  it('leaves out departments not listed in any part of the year, or not listed at all', () => {
    const r = run({
      departments: [
        dept('A', { listedUntil: '2024-12-31' }),
        dept('B', { listed: false }),
        dept('C', { listedFrom: '2025-12-31' }),
      ],
    });
    expect(r.departments.map((d) => d.departmentId)).toEqual(['C']);
  });

  it('exempts periods wholly before the rules take effect (before 2014-07-01)', () => {
    const r = only(run({ year: 2014, asOf: '2015-01-10', departments: [dept('A', { listedFrom: null })] }));
    expect(r.quarters.map((q) => q.conferenceStatus)).toEqual(['exempt', 'exempt', 'missed', 'missed']);
    expect(r.headStatus).toBe('missed');
    expect(
      only(run({ year: 2013, asOf: '2015-01-10', departments: [dept('A', { listedFrom: null })] })).headStatus,
    ).toBe('exempt');
  });

  it('follows a later rule with another minimum from its effective date', () => {
    const rules = [
      ...NOTICE_2014_RULES,
      { kind: 'department_conferences' as const, minimum: 2, effectiveFrom: '2025-07-01' },
    ];
    const c = [conf('2025-02-01', ['A']), conf('2025-08-01', ['A'])];
    const r = only(run({ rules, conferences: c }));
    expect(r.quarters[0]?.conferenceStatus).toBe('met');
    expect(r.quarters[2]?.conferenceStatus).toBe('missed');
  });

  it('reports one quarter when asked, and compliance over what is reported', () => {
    const c = conf('2025-02-01', ['A']);
    const r = only(run({ quarter: 1, conferences: [c], attendance: [att(c, 'A', 'head')] }));
    expect(r.quarters).toHaveLength(1);
    expect(r.quarters[0]).toMatchObject({ quarter: 1, conferenceStatus: 'met', responsibleStatus: 'met' });
    expect(r.compliant).toBe(true);
  });
});
