// `press-office compliance`, run from the built bundle: the JSON shape exactly, the table, the options.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../cli/table';
import { fixtureDocument } from './helpers/cli-fixture';
import { type BuiltCli, buildCli, type CliResult, runCli, tableDigest } from './helpers/cli-harness';

let cli: BuiltCli;
let dir: string;
let db: string;
const run = (...args: string[]): CliResult => runCli(cli.bin, args);

beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'press-office-cli-compliance-'));
  db = join(dir, 'fixture.db');
  const file = join(dir, 'fixture.json');
  writeFileSync(file, JSON.stringify(fixtureDocument()));
  const r = run('import', file, '--db', db);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
afterAll(() => {
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const STATUSES = ['met', 'missed', 'pending', 'upcoming', 'exempt'];

interface Json {
  year: number;
  asOf: string;
  departments: {
    departmentId: string;
    name: string;
    fullName: string;
    headAttendances: number;
    headStatus: string;
    compliant: boolean;
    quarters: {
      quarter: number;
      conferences: number;
      conferenceStatus: string;
      responsibleAttendances: number;
      responsibleStatus: string;
    }[];
  }[];
}

function json(...args: string[]): Json {
  const r = run('compliance', '--db', db, '--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe('compliance --json', { timeout: 60_000 }, () => {
  it('prints exactly the documented shape, with the documented types, in register order', () => {
    const report = json('--year', '2014', '--as-of', '2015-01-01');
    expect(Object.keys(report)).toEqual(['year', 'asOf', 'departments']);
    expect(report.year).toBe(2014);
    expect(report.asOf).toBe('2015-01-01');
    // The 24 seeded departments are listed from 2014-07-01; the successor of the merger from 2015.
    expect(report.departments.map((d) => d.departmentId)).toEqual(
      Array.from({ length: 24 }, (_, i) => `rizhao-${String(i + 1).padStart(2, '0')}`),
    );
    for (const d of report.departments) {
      expect(Object.keys(d)).toEqual([
        'departmentId',
        'name',
        'fullName',
        'headAttendances',
        'headStatus',
        'compliant',
        'quarters',
      ]);
      expect(typeof d.departmentId).toBe('string');
      expect(typeof d.name).toBe('string');
      expect(typeof d.fullName).toBe('string');
      expect(Number.isInteger(d.headAttendances)).toBe(true);
      expect(STATUSES).toContain(d.headStatus);
      expect(typeof d.compliant).toBe('boolean');
      expect(d.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
      for (const q of d.quarters) {
        expect(Object.keys(q)).toEqual([
          'quarter',
          'conferences',
          'conferenceStatus',
          'responsibleAttendances',
          'responsibleStatus',
        ]);
        expect(Number.isInteger(q.conferences)).toBe(true);
        expect(Number.isInteger(q.responsibleAttendances)).toBe(true);
        expect(STATUSES).toContain(q.conferenceStatus);
        expect(STATUSES).toContain(q.responsibleStatus);
      }
    }
    // 市发改委 released at the city conference of 2014 Q3 and its spokesperson attended it.
    const ndrc = report.departments[0];
    expect(ndrc).toMatchObject({ name: '市发改委', fullName: '日照市发展和改革委员会', headStatus: 'missed' });
    expect(ndrc?.compliant).toBe(false);
    expect(ndrc?.quarters).toEqual([
      {
        quarter: 1,
        conferences: 0,
        conferenceStatus: 'exempt',
        responsibleAttendances: 0,
        responsibleStatus: 'exempt',
      },
      {
        quarter: 2,
        conferences: 0,
        conferenceStatus: 'exempt',
        responsibleAttendances: 0,
        responsibleStatus: 'exempt',
      },
      { quarter: 3, conferences: 1, conferenceStatus: 'met', responsibleAttendances: 1, responsibleStatus: 'met' },
      {
        quarter: 4,
        conferences: 0,
        conferenceStatus: 'missed',
        responsibleAttendances: 0,
        responsibleStatus: 'missed',
      },
    ]);
    const police = report.departments.find((d) => d.departmentId === 'rizhao-05');
    expect(police?.quarters[2]).toMatchObject({ conferences: 1, conferenceStatus: 'met', responsibleStatus: 'missed' });
  });

  it('limits the quarters with --quarter and judges as on --as-of', () => {
    const q3 = json('--year', '2014', '--quarter', '3', '--as-of', '2014-08-01');
    for (const d of q3.departments) expect(d.quarters.map((q) => q.quarter)).toEqual([3]);
    const ndrc = q3.departments[0];
    expect(ndrc?.quarters[0]).toMatchObject({ conferenceStatus: 'met', responsibleStatus: 'met' });
    // The year is under way on 2014-08-01: the head quota is pending, nothing is missed yet.
    expect(ndrc?.headStatus).toBe('pending');
    expect(ndrc?.compliant).toBe(true);
    const trade = q3.departments.find((d) => d.departmentId === 'rizhao-03');
    expect(trade?.quarters[0]).toMatchObject({ conferences: 0, conferenceStatus: 'pending' });

    const before = json('--year', '2014', '--quarter', '4', '--as-of', '2014-09-30');
    expect(before.asOf).toBe('2014-09-30');
    expect(before.departments[0]?.quarters[0]?.conferenceStatus).toBe('upcoming');

    // Without --as-of: today.
    expect(json('--year', '2014').asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reports a merged department up to its last listed year and its successor from then on', () => {
    const y2015 = json('--year', '2015', '--as-of', '2016-01-01');
    const ids = y2015.departments.map((d) => d.departmentId);
    expect(ids).toContain('rizhao-15');
    expect(ids).toContain('wsjsw');
    const health = y2015.departments.find((d) => d.departmentId === 'rizhao-15');
    expect(health?.quarters.map((q) => q.conferenceStatus)).toEqual(['missed', 'missed', 'exempt', 'exempt']);
    expect(json('--year', '2016', '--as-of', '2017-01-01').departments.map((d) => d.departmentId)).not.toContain(
      'rizhao-15',
    );
  });
});

describe('compliance as a table', { timeout: 60_000 }, () => {
  it('shows the year, the as-of date, the rules, every department name, aligned columns and a legend', () => {
    const r = run('compliance', '--db', db, '--year', '2014', '--as-of', '2015-01-01');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('2014');
    expect(lines[0]).toContain('as of 2015-01-01');
    expect(lines[1]).toMatch(/^Rules in force: .*at least 1 conference a quarter \(from 2014-07-01\)/);
    const header = lines.find((l) => l.startsWith('Department')) ?? '';
    for (const column of ['Q1 conf', 'Q1 resp', 'Q4 resp', 'Head (year)', 'Compliant'])
      expect(header).toContain(column);
    const rows = lines.slice(lines.indexOf(header) + 1, lines.indexOf('', lines.indexOf(header)));
    expect(rows).toHaveLength(24);
    for (const d of fixtureDocument().departments.slice(0, 24)) {
      expect(rows.some((row) => row.startsWith(`${d.name} `))).toBe(true);
    }
    // Columns line up in display width although the short names differ in length.
    const at = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    const compliantAt = at(header, 'Compliant');
    for (const row of rows) expect(at(row, row.endsWith('yes') ? 'yes' : 'no'), row).toBe(compliantAt);
    const ndrc = rows.find((row) => row.startsWith('市发改委')) ?? '';
    expect(ndrc.split(/\s{2,}/)).toEqual([
      '市发改委',
      '0 exempt',
      '0 exempt',
      '0 exempt',
      '0 exempt',
      '1 met',
      '1 met',
      '0 missed',
      '0 missed',
      '0 missed',
      'no',
    ]);
    expect(r.stdout).toContain('24 listed departments; 24 not compliant');
    expect(r.stdout).toMatch(/\nLegend: conf = /);
    for (const word of STATUSES) expect(r.stdout).toContain(`${word} = `);

    const q = run('compliance', '--db', db, '--year', '2014', '--quarter', '3', '--as-of', '2015-01-01');
    expect(q.stdout.split('\n')[0]).toContain('2014 Q3');
    expect(q.stdout).not.toContain('Q1 conf');
    expect(q.stdout).toContain('Q3 conf');
  });

  it('reads without changing the register, and refuses a database that does not exist', () => {
    const before = tableDigest(db);
    expect(run('compliance', '--db', db, '--year', '2014').code).toBe(0);
    expect(tableDigest(db)).toBe(before);
    const missing = run('compliance', '--db', join(dir, 'none.db'), '--year', '2014');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('run "press-office init" first');
  });

  it('exits 2 with a clear message on a bad year, quarter or date, printing nothing on stdout', () => {
    for (const [args, message] of [
      [['--year', '1999'], '--year must be a year from 2000 to 2100, not "1999"'],
      [['--year', 'twenty'], 'not "twenty"'],
      [['--year', '2014', '--quarter', '5'], '--quarter must be 1, 2, 3 or 4, not "5"'],
      [['--year', '2014', '--as-of', '2026-02-30'], '--as-of must be a date YYYY-MM-DD that exists on the calendar'],
      [['--year', '2014', '--as-of', 'yesterday'], 'not "yesterday"'],
    ] as const) {
      const r = run('compliance', '--db', db, '--json', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });
});
