// The tally (one row per held conference, lists appended in order) gives exactly the reports of the
// computation it replaced (test/unit/helpers/compliance-reference.ts, kept verbatim): on the
// benchmark's generated decade, on a seeded register with every edge the rules have, and on random
// inputs to the pure engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Quarter } from '../../common/domain/periods';
import {
  type ComplianceInput,
  computeCompliance,
  NOTICE_2014_RULES,
  type QuotaAttendance,
  type QuotaConference,
  type QuotaDepartment,
  type QuotaRule,
} from '../../common/domain/quota';
import { ROLES, type Role } from '../../common/schemas';
import { loadQuotaData, separatorsFor } from '../../db/queries/compliance';
import { loadComplianceTally } from '../../db/queries/compliance-tally';
import { generate } from '../../scripts/bench/generate';
import { createRng, type Rng } from '../../scripts/bench/prng';
import { clearComplianceCache, complianceReport } from '../../services/compliance';
import { type OpenedApp, openApp } from '../../services/open-app';
import { testApp } from './helpers/app';
import { referenceCompliance, referenceComplianceData } from './helpers/compliance-reference';

const dir = mkdtempSync(join(tmpdir(), 'press-office-compliance-eq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUARTER_CHOICES: (Quarter | null)[] = [null, 1, 2, 3, 4];

/** Every year from before the rules to after the data, every quarter and the whole year, three dates. */
function expectSameReports(
  app: OpenedApp,
  years: number[],
  asOfs: string[],
  source: (year: number) => 'cells' | 'conferences',
): number {
  let compared = 0;
  for (const year of years) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    expect(loadComplianceTally(app.ctx.db, year).source, `${year}`).toBe(source(year));
    const old = referenceComplianceData(app.ctx.db, from, to);
    const full = loadQuotaData(app.ctx.db, from, to);
    for (const asOf of asOfs) {
      for (const quarter of QUARTER_CHOICES) {
        clearComplianceCache(app.ctx);
        const report = complianceReport(app.ctx, { year, quarter, asOf });
        const expected = referenceCompliance({ year, quarter, asOf, ...old });
        expect(report, `${year} Q${quarter ?? '-'} as of ${asOf}`).toEqual(expected);
        expect(referenceCompliance({ year, quarter, asOf, ...full })).toEqual(expected);
        expect(computeCompliance({ year, quarter, asOf, ...full })).toEqual(expected);
        compared += report.departments.length;
      }
    }
  }
  return compared;
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('compliance by tally, compared with the computation it replaced', () => {
  it('gives the same reports on the benchmark’s generated decade', () => {
    const dbPath = join(dir, 'bench-small.db');
    generate({ dbPath, scale: 0.005, seed: 11 });
    const app = openApp(dbPath, { mode: 'cli', now: () => new Date('2026-11-16T18:00:00+08:00') });
    try {
      const held = app.client.prepare("SELECT count(*) FROM conferences WHERE status = 'held'").pluck().get();
      expect(held).toBeGreaterThan(50);
      const compared = expectSameReports(app, years(2016, 2027), ['2026-11-16', '2021-08-15'], () => 'cells');
      expect(compared).toBeGreaterThan(500);
    } finally {
      app.close();
    }
  }, 120_000);

  it.each([
    ['ids and dates of any characters', true],
    ['the ids the office makes', false],
  ] as const)(
    'gives the same reports on a seeded register with every edge the rules have: %s',
    (_, exotic) => {
      // Years with an id past printable ASCII or a date not of the form YYYY-MM-DD are gathered
      // conference by conference; with the office's ids, only 2019 has such a date.
      const source = (year: number) => (exotic || year === 2019 ? 'conferences' : 'cells');
      const app = testApp({ now: '2026-11-16T18:00:00+08:00' });
      try {
        seedRegister(app.client, createRng(20261127), exotic);
        const compared = expectSameReports(app, years(2013, 2027), ['2026-11-16', '2022-05-01', '2031-01-01'], source);
        expect(compared).toBeGreaterThan(3000);
      } finally {
        app.close();
      }
    },
    120_000,
  );

  it('gives the same reports from the pure engine on random inputs', () => {
    const rng = createRng(7);
    for (let round = 0; round < 300; round++) {
      const input = randomInput(rng);
      expect(computeCompliance(input), `round ${round}`).toEqual(referenceCompliance(input));
    }
  });
});

describe('the tally’s list separator', () => {
  it('is a character none of the ids holds', () => {
    expect(separatorsFor(['a', 'b'], 2)).toEqual(['\u001f', '\u001e']);
    expect(separatorsFor(['a\u001fb'], 2)).toEqual(['\u001e', '\ue000']);
    expect(separatorsFor(['\u001f', '\ue000x\ue001\u001e'], 2)).toEqual(['\ue002', '\ue003']);
  });
});

/**
 * A register of 60 departments over 2013–2027 written straight into the tables, with what the app's
 * own writes rarely make: attendance without a department (its person's counts), people moved to
 * another department, roles the rules do not know, hosts also listed as releasing, ids with the
 * list separator, with characters past the basic plane (UTF-8 and UTF-16 order them differently)
 * and in the private use area, listing that starts or ends mid-quarter, and a second set of rules.
 */
function seedRegister(client: Database.Database, rng: Rng, exotic: boolean): void {
  const at = '2026-01-01T00:00:00.000Z';
  const odd = ['dep\u001fsep', 'dep\ue000private', 'dep-𝔡-astral', 'dep\uffee-high', 'dep,comma'];
  const departmentIds = [
    ...odd.map((id, i) => (exotic ? id : `dep-odd-${i}`)),
    ...Array.from({ length: 55 }, (_, i) => `dep-${String(i).padStart(2, '0')}`),
  ];
  const dates = ['2014-07-01', '2016-02-10', '2019-04-01', '2021-06-30', '2021-07-01', '2023-10-15', '2025-12-31'];
  const insertDepartment = client.prepare(
    `INSERT INTO departments (id, name, full_name, listed, listed_from, listed_until, sort_order, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  departmentIds.forEach((id, i) => {
    const from = rng.chance(0.6) ? null : rng.pick(dates);
    const until = rng.chance(0.7) ? null : rng.pick(dates.filter((d) => from === null || d >= from));
    insertDepartment.run(
      id,
      `测试部门${i}`,
      `日照市测试部门${i}`,
      rng.chance(0.85) ? 1 : 0,
      from,
      until ?? null,
      rng.int(0, 5),
      rng.chance(0.9) ? 'active' : 'merged',
      at,
      at,
    );
  });

  const insertPerson = client.prepare(
    `INSERT INTO people (id, department_id, name, role, archived, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`,
  );
  const people: { id: string; departmentId: string; role: Role }[] = [];
  for (const departmentId of departmentIds) {
    for (const role of ROLES) {
      for (let k = 0; k < (role === 'deputy' ? 2 : 1); k++) {
        const id = `person-${people.length}`;
        people.push({ id, departmentId, role });
        insertPerson.run(id, departmentId, `测试${people.length}`, role, at, at);
      }
    }
  }

  const insertConference = client.prepare(
    `INSERT INTO conferences (id, title, date, organizer, host_department_id, status, topics, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const insertReleasing = client.prepare(
    'INSERT INTO conference_departments (conference_id, department_id, position) VALUES (?, ?, ?)',
  );
  const insertAttendance = client.prepare(
    `INSERT INTO attendance (id, conference_id, person_id, role, department_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const conferenceIdPrefixes = exotic
    ? ['conf-', 'conf-𝔠-', 'conf-\uffee-', 'conf-\ue000-', 'Conf-']
    : ['conf-', 'Conf-', 'conf~'];
  let attendanceCount = 0;
  for (let n = 0; n < 2500; n++) {
    const year = rng.int(2013, 2027);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    // Few days, so that many conferences share a date and the order by id matters.
    const day = rng.pick(['01', '15', '28', '30', '31']);
    // Dates no form would take, which the engine places in no quarter: month 00 (digits, so the cells
    // keep it), and a month of one digit (its year is gathered conference by conference).
    const date = rng.chance(0.02)
      ? `${year}-00-15`
      : (exotic || year === 2019) && rng.chance(0.02)
        ? `${year}-${rng.int(1, 9)}-05`
        : `${year}-${month}-${day === '30' && month === '02' ? '28' : day}`;
    const id = `${rng.pick(conferenceIdPrefixes)}${n}`;
    const city = rng.chance(0.45);
    const host = city ? (rng.chance(0.1) ? rng.pick(departmentIds) : null) : rng.pick(departmentIds);
    const status = rng.weighted([
      ['held', 8],
      ['planned', 1],
      ['cancelled', 1],
    ] as const);
    insertConference.run(id, `发布会${n}`, date, city ? 'city' : 'department', host, status, at, at);
    const releasing = rng.sample(departmentIds, rng.int(0, 4));
    if (host && rng.chance(0.5) && !releasing.includes(host)) releasing.push(host);
    releasing.forEach((d, i) => {
      insertReleasing.run(id, d, i);
    });
    for (const departmentId of rng.sample(departmentIds, rng.int(0, 5))) {
      const staff = people.filter((p) => p.departmentId === departmentId);
      for (const person of rng.sample(staff, rng.int(1, 3))) {
        const rowDepartment = rng.chance(0.2) ? null : rng.chance(0.1) ? rng.pick(departmentIds) : departmentId;
        const role: string = rng.chance(0.05) ? 'guest' : rng.chance(0.2) ? rng.pick(ROLES) : person.role;
        insertAttendance.run(
          `att-${attendanceCount++}`,
          id,
          person.id,
          role,
          rowDepartment,
          rng.chance(0.8) ? 'attended' : 'absent',
          at,
          at,
        );
      }
    }
  }
  // People who moved: their rows without a department now count for the new one.
  const move = client.prepare('UPDATE people SET department_id = ? WHERE id = ?');
  for (const p of rng.sample(people, 40)) move.run(rng.pick(departmentIds), p.id);

  const insertRule = client.prepare(
    `INSERT INTO quota_rules (id, kind, minimum, effective_from, source, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`,
  );
  insertRule.run('rule-responsible-2022', 'responsible_attendance', 2, '2022-07-01', at, at);
  insertRule.run('rule-conferences-2024', 'department_conferences', 3, '2024-02-15', at, at);
  insertRule.run('rule-head-2020', 'head_attendance', 2, '2020-01-01', at, at);
}

/** Inputs the pure engine may be given: duplicates, other years, dates it cannot place, unknown roles. */
function randomInput(rng: Rng): ComplianceInput {
  const year = rng.int(2014, 2027);
  const departmentIds = Array.from({ length: rng.int(1, 8) }, (_, i) => rng.pick(['A', 'B', 'C', `D${i}`, '']));
  const departments: QuotaDepartment[] = departmentIds.map((id) => ({
    id,
    name: id,
    fullName: `日照市${id}`,
    listed: rng.chance(0.85),
    listedFrom: rng.chance(0.5)
      ? null
      : `${rng.int(year - 1, year + 1)}-${rng.pick(['01-01', '04-01', '05-20', '10-01'])}`,
    listedUntil: rng.chance(0.6)
      ? null
      : `${rng.int(year - 1, year + 1)}-${rng.pick(['03-31', '06-30', '08-11', '12-31'])}`,
  }));
  const someDepartment = () => (rng.chance(0.9) ? rng.pick(departmentIds) : 'elsewhere');
  const conferences: QuotaConference[] = Array.from({ length: rng.int(0, 40) }, () => {
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const date = rng.chance(0.03)
      ? `${year}-${rng.int(1, 9)}-05`
      : `${rng.chance(0.85) ? year : rng.pick([year - 1, year + 1])}-${month}-${rng.pick(['01', '09', '28'])}`;
    return {
      id: `c${rng.int(1, 30)}${rng.pick(['', '𝔠', '\uffee'])}`,
      date,
      organizer: rng.chance(0.5) ? 'city' : 'department',
      status: rng.weighted([
        ['held', 8],
        ['planned', 1],
        ['cancelled', 1],
      ] as const),
      hostDepartmentId: rng.chance(0.5) ? someDepartment() : rng.pick([null, '']),
      departmentIds: Array.from({ length: rng.int(0, 3) }, someDepartment),
    };
  });
  const attendance: QuotaAttendance[] = Array.from({ length: rng.int(0, 80) }, () => ({
    conferenceId: conferences.length && rng.chance(0.95) ? rng.pick(conferences).id : 'nowhere',
    departmentId: someDepartment(),
    role: (rng.chance(0.05) ? 'guest' : rng.pick(ROLES)) as Role,
    status: rng.chance(0.8) ? 'attended' : 'absent',
  }));
  const rules: QuotaRule[] = rng.chance(0.7)
    ? [...NOTICE_2014_RULES]
    : [
        ...NOTICE_2014_RULES.filter(() => rng.chance(0.7)),
        { kind: 'responsible_attendance', minimum: rng.int(0, 3), effectiveFrom: `${year}-05-01` },
        { kind: 'head_attendance', minimum: rng.int(1, 2), effectiveFrom: `${year}-01-01` },
      ];
  return {
    year,
    quarter: rng.pick(QUARTER_CHOICES),
    asOf: `${rng.int(year - 1, year + 1)}-${rng.pick(['02-11', '06-30', '07-01', '12-31'])}`,
    departments,
    conferences,
    attendance,
    rules,
  };
}
