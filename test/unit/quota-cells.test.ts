// The cells migration 0008 keeps by triggers never drift from the tables they are derived from: after
// any sequence of writes (the app's own, and raw ones with the foreign keys on or off) they are what
// its backfill statement makes from scratch, and the reports read from them are the engine's. The
// faster backfill of 0012 (what a bulk import runs) makes exactly those cells too.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../common/schemas';
import { quotaCellsBackfillFor, readQuotaCellsBackfill } from '../../db/quota-cells';
import { generate } from '../../scripts/bench/generate';
import { createRng, type Rng } from '../../scripts/bench/prng';
import { clearComplianceCache, complianceReport } from '../../services/compliance';
import { makeStamp } from '../../services/context';
import { exportDocument, importDocument, serializeDocument } from '../../services/data-format';
import { suspendQuotaCells } from '../../services/data-format-store';
import { dispatch } from '../../services/dispatch';
import { type OpenedApp, openApp } from '../../services/open-app';
import { testApp } from './helpers/app';
import { referenceCompliance, referenceComplianceData } from './helpers/compliance-reference';

const dir = mkdtempSync(join(tmpdir(), 'press-office-quota-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The benchmark generator's decade at a small scale, written through the app once for the tests that read it. */
let generated: string | null = null;
function decade(): string {
  if (!generated) {
    generated = join(dir, 'bench-cells.db');
    generate({ dbPath: generated, scale: 0.005, seed: 23 });
  }
  return generated;
}

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'db', 'migrations');

/** A migration's last statement, the backfill, as a query. */
function backfillQuery(fileName: string): string {
  const statements = readFileSync(join(MIGRATIONS, fileName), 'utf8').split('--> statement-breakpoint');
  const select = selectOf((statements.at(-1) ?? '').trim());
  if (!select.startsWith('SELECT')) throw new Error(`${fileName}: the last statement is not the backfill`);
  return select;
}
const selectOf = (insert: string) => insert.replace(/^INSERT INTO quota_cells \([^)]*\)\s*/, '').replace(/;\s*$/, '');

/** 0008's backfill, as a query: what the cells must be for the tables as they are (the definition). */
const REBUILD = backfillQuery('0008_quota_cells.sql');
/** 0012's, the faster one a bulk import runs: checked against the definition wherever the cells are. */
const REBUILD_FAST = backfillQuery('0012_quota_cells_backfill.sql');

const COLUMNS = 'year, department_id, kind, quarter, date, conference_id, n';
const cellTriggers = (client: Database.Database) =>
  client
    .prepare(
      `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'quota_cells_%' ORDER BY name`,
    )
    .all();
function expectCellsRebuilt(client: Database.Database, when: string): void {
  const kept = client.prepare(`SELECT ${COLUMNS} FROM quota_cells ORDER BY 1, 2, 3, 4, 5, 6`).raw().all();
  const rebuilt = client.prepare(`SELECT * FROM (${REBUILD}) ORDER BY 1, 2, 3, 4, 5, 6`).raw().all();
  expect(kept, when).toEqual(rebuilt);
  const fast = client.prepare(`SELECT * FROM (${REBUILD_FAST}) ORDER BY 1, 2, 3, 4, 5, 6`).raw().all();
  expect(fast, `${when}: 0012's backfill`).toEqual(rebuilt);
}

function expectReportsAsEngine(app: OpenedApp, years: number[], asOf: string): void {
  for (const year of years) {
    clearComplianceCache(app.ctx);
    const expected = referenceCompliance({
      year,
      asOf,
      ...referenceComplianceData(app.ctx.db, `${year}-01-01`, `${year}-12-31`),
    });
    expect(complianceReport(app.ctx, { year, asOf }), `${year}`).toEqual(expected);
  }
}

describe('quota cells kept by triggers', () => {
  it('match a rebuild after the generator wrote a decade through the app', () => {
    const app = openApp(decade(), { mode: 'cli', now: () => new Date('2026-11-16T18:00:00+08:00') });
    try {
      expect(app.client.prepare('SELECT count(*) FROM quota_cells').pluck().get()).toBeGreaterThan(200);
      expectCellsRebuilt(app.client, 'after the generator');
    } finally {
      app.close();
    }
  }, 120_000);

  it('match a rebuild after the decade is exported and imported into a new database (bulk, indexes suspended)', () => {
    const source = openApp(decade(), { mode: 'cli', now: () => new Date('2026-11-16T18:00:00+08:00') });
    const target = testApp({ seed: false });
    try {
      const doc = exportDocument(source.ctx.db, '2026-11-16T10:00:00.000Z');
      const triggersBefore = cellTriggers(target.client);
      const exec = vi.spyOn(target.client, 'exec');
      importDocument(target.ctx.db, makeStamp(target.ctx, 'tester'), JSON.parse(serializeDocument(doc)), 'decade.json');
      // Into an empty database the triggers were dropped and the cells filled once by the migration's backfill.
      const ran = exec.mock.calls.map(([sql]) => sql);
      expect(ran.filter((sql) => sql === readQuotaCellsBackfill()?.sql)).toHaveLength(1);
      expect(ran.filter((sql) => sql.startsWith('DROP TRIGGER "quota_cells_'))).toHaveLength(triggersBefore.length);
      exec.mockRestore();
      expect(cellTriggers(target.client)).toEqual(triggersBefore);
      const count = (app: OpenedApp) => app.client.prepare('SELECT count(*) FROM quota_cells').pluck().get();
      expect(count(source)).toBeGreaterThan(200);
      expect(count(target)).toBe(count(source));
      expectCellsRebuilt(target.client, 'after the import');
      // The next write is kept by the triggers again.
      target.client
        .prepare(
          `UPDATE conferences SET status = 'planned' WHERE status = 'held' AND rowid IN (SELECT rowid FROM conferences WHERE status = 'held' LIMIT 3)`,
        )
        .run();
      expectCellsRebuilt(target.client, 'after a write following the import');
    } finally {
      source.close();
      target.close();
    }
  }, 120_000);

  it.each([
    ['while the answers are written (triggers dropped)', 'answers', ''],
    ['at the last audit row (cells filled, triggers back)', 'audit_log', "WHEN NEW.entity = 'data'"],
  ])(
    'are left as they were when a fresh import fails %s',
    (_when, table, condition) => {
      const source = openApp(decade(), { mode: 'cli', now: () => new Date('2026-11-16T18:00:00+08:00') });
      const target = testApp({ seed: false });
      try {
        const raw = JSON.parse(serializeDocument(exportDocument(source.ctx.db, '2026-11-16T10:00:00.000Z')));
        target.client.exec(
          `CREATE TRIGGER test_fail AFTER INSERT ON ${table} ${condition} BEGIN SELECT RAISE(ABORT, 'test: failing on purpose'); END`,
        );
        const before = cellTriggers(target.client);
        expect(before.length).toBeGreaterThan(5);
        expect(() => importDocument(target.ctx.db, makeStamp(target.ctx, 'tester'), raw, 'decade.json')).toThrow(
          'test: failing on purpose',
        );
        expect(cellTriggers(target.client)).toEqual(before);
        for (const t of ['quota_cells', 'conferences', 'attendance', 'people']) {
          expect(target.client.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
        }
        // Still kept by the triggers: the same import without the failure.
        target.client.exec('DROP TRIGGER test_fail');
        importDocument(target.ctx.db, makeStamp(target.ctx, 'tester'), raw, 'decade.json');
        expect(cellTriggers(target.client)).toEqual(before);
        expectCellsRebuilt(target.client, 'after the import');
      } finally {
        source.close();
        target.close();
      }
    },
    120_000,
  );

  it('are filled by the backfill only when the cells are empty and the database was migrated with that file', () => {
    const app = testApp({ seed: false });
    const copy = join(dir, 'migrations-edited');
    try {
      // The latest migration's statement: 0012's.
      const backfill = readQuotaCellsBackfill();
      expect(selectOf(backfill?.sql ?? '')).toBe(REBUILD_FAST);
      expect(quotaCellsBackfillFor(app.client)).toBe(backfill?.sql);
      // A migration file other than the one applied (a changed byte): the cells stay with their triggers.
      cpSync(MIGRATIONS, copy, { recursive: true });
      const file = join(copy, '0012_quota_cells_backfill.sql');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
      expect(readQuotaCellsBackfill(copy)?.sql).toBe(backfill?.sql);
      expect(quotaCellsBackfillFor(app.client, copy)).toBeNull();
      expect(suspendQuotaCells(app.client, copy)).toBeNull();
      expect(quotaCellsBackfillFor(app.client, join(dir, 'no-such-folder'))).toBeNull();
      // Cells already there: left to the triggers.
      const triggers = cellTriggers(app.client);
      app.client.exec(
        `INSERT INTO quota_cells (year, department_id, kind, quarter, date, conference_id, n) VALUES ('2026', 'd', 0, 1, '2026-01-05', 'c', 1)`,
      );
      expect(suspendQuotaCells(app.client)).toBeNull();
      expect(cellTriggers(app.client)).toEqual(triggers);
    } finally {
      app.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.each([8, 9, 10])('match a rebuild after each of 600 raw writes, foreign keys off then on (seed %i)', (seed) => {
    const app = testApp({ seed: false });
    try {
      const rng = createRng(seed);
      const world = seedWorld(app.client, rng);
      for (let step = 0; step < 600; step++) {
        const foreignKeys = step >= 300;
        app.client.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
        const what = randomWrite(app.client, rng, world, step);
        expectCellsRebuilt(app.client, `step ${step}: ${what}`);
      }
      app.client.pragma('foreign_keys = ON');
      expectCellsRebuilt(app.client, 'at the end');
      expectReportsAsEngine(app, [2023, 2024, 2025, 2026], '2026-11-16');
    } finally {
      app.close();
    }
  });

  it('match a rebuild through the office’s own operations: check-in, edits, merges, moves, removals', () => {
    const app = testApp({ now: '2025-12-20T09:00:00+08:00' });
    try {
      const call = (method: string, input: unknown) => {
        const r = dispatch(app.ctx, method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.value as { id: string };
      };
      const people = (
        [
          ['rizhao-01', 'head'],
          ['rizhao-01', 'spokesperson'],
          ['rizhao-02', 'deputy'],
          ['rizhao-15', 'head'],
          ['rizhao-16', 'spokesperson'],
        ] as const
      ).map(([departmentId, role], i) => {
        const { id } = call('people.create', { departmentId, name: `测试${i}`, role });
        return { id, department_id: departmentId, role };
      });
      const speaker = (p: (typeof people)[number], departmentId: string | null) => ({
        personId: p.id,
        role: p.role,
        departmentId,
        status: 'attended' as const,
      });
      const city = call('conferences.create', {
        title: '第四季度新闻发布会',
        date: '2025-11-20',
        organizer: 'city',
        departmentIds: ['rizhao-01', 'rizhao-02'],
      });
      const own = call('conferences.create', {
        title: '部门发布会',
        date: '2025-12-02',
        organizer: 'department',
        hostDepartmentId: 'rizhao-15',
        departmentIds: ['rizhao-15', 'rizhao-02'],
      });
      expectCellsRebuilt(app.client, 'planned');
      call('conferences.checkIn', { id: city.id, attendance: people.map((p) => speaker(p, null)) });
      call('conferences.checkIn', { id: own.id, attendance: people.map((p) => speaker(p, p.department_id)) });
      expectCellsRebuilt(app.client, 'checked in');
      call('conferences.checkIn', {
        id: city.id,
        attendance: people.slice(1).map((p, i) => ({ ...speaker(p, i % 2 ? 'rizhao-15' : null), status: 'attended' })),
        reason: '补录',
      });
      expectCellsRebuilt(app.client, 'checked in again with fewer people');
      const person = people[0] as (typeof people)[number];
      call('people.update', {
        id: person.id,
        fields: { departmentId: 'rizhao-03', name: '调任者', role: person.role },
      });
      expectCellsRebuilt(app.client, 'a person moved');
      call('departments.merge', { id: 'rizhao-16', intoId: 'rizhao-15' });
      call('departments.merge', { id: 'rizhao-02', intoId: 'rizhao-01' });
      expectCellsRebuilt(app.client, 'departments merged');
      call('conferences.update', {
        id: own.id,
        fields: {
          title: '部门发布会（改）',
          date: '2025-10-15',
          organizer: 'department',
          hostDepartmentId: 'rizhao-01',
          departmentIds: ['rizhao-01', 'rizhao-03'],
        },
        reason: '更正日期',
      });
      expectCellsRebuilt(app.client, 'a held conference edited');
      const planned = call('conferences.create', {
        title: '临时发布会',
        date: '2025-12-30',
        organizer: 'city',
        departmentIds: ['rizhao-01'],
      });
      call('conferences.cancel', { id: planned.id, reason: '取消' });
      expectCellsRebuilt(app.client, 'planned and cancelled');
      expectReportsAsEngine(app, [2025], '2025-12-20');
    } finally {
      app.close();
    }
  });
});

interface World {
  departments: string[];
  people: string[];
  conferences: string[];
  /** People and conferences deleted, whose rows (foreign keys off) may find them again when an id comes back. */
  gone: string[];
  goneConferences: string[];
}

const YEARS = [2023, 2024, 2025, 2026];
const STATUSES = ['held', 'held', 'planned', 'cancelled'];

function seedWorld(client: Database.Database, rng: Rng): World {
  const at = '2026-01-01T00:00:00.000Z';
  const world: World = { departments: [], people: [], conferences: [], gone: [], goneConferences: [] };
  // An empty id too: a releasing department counts under it, an attended row does not (as before).
  for (let i = 0; i < 9; i++) {
    const id = i === 8 ? '' : `d${i}`;
    client
      .prepare(
        `INSERT INTO departments (id, name, full_name, listed, sort_order, status, created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, 'active', ?, ?)`,
      )
      .run(id, `部门${i}`, `日照市部门${i}`, i, at, at);
    world.departments.push(id);
  }
  for (let i = 0; i < 24; i++) insertPerson(client, world, rng, `p${i}`);
  for (let i = 0; i < 30; i++) insertConference(client, world, rng, `c${i}`);
  return world;
}

function insertPerson(client: Database.Database, world: World, rng: Rng, id: string): void {
  client
    .prepare(`INSERT INTO people (id, department_id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')`)
    .run(id, rng.pick(world.departments), `人${id}`, rng.pick(ROLES));
  world.people.push(id);
}

function insertConference(client: Database.Database, world: World, rng: Rng, id: string): void {
  const city = rng.chance(0.5);
  client
    .prepare(
      `INSERT INTO conferences (id, title, date, organizer, host_department_id, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', '')`,
    )
    .run(
      id,
      `会${id}`,
      randomDate(rng),
      city ? 'city' : 'department',
      city && rng.chance(0.7) ? null : rng.pick(world.departments),
      rng.pick(STATUSES),
    );
  world.conferences.push(id);
}

/** Now and then a date not of the form YYYY-MM-DD, which marks its year as not for the cells (kind 3). */
function randomDate(rng: Rng): string {
  const year = rng.pick(YEARS);
  if (rng.chance(0.03)) return `${year}-${rng.int(1, 9)}-05`;
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${rng.pick(['01', '15', '28'])}`;
}

/** One write to one of the four tables the cells come from; a write the foreign keys refuse is skipped. */
function randomWrite(client: Database.Database, rng: Rng, world: World, step: number): string {
  const run = (what: string, sql: string, ...params: unknown[]) => {
    try {
      client.prepare(sql).run(...params);
    } catch (err) {
      if (!/FOREIGN KEY|UNIQUE/.test((err as Error).message)) throw err;
    }
    return what;
  };
  const conference = () => rng.pick(world.conferences);
  const department = () => (rng.chance(0.05) ? 'nowhere' : rng.pick(world.departments));
  const person = () => rng.pick(world.people);
  const attendanceRow = () =>
    (client.prepare('SELECT id FROM attendance ORDER BY random() LIMIT 1').pluck().get() as string | undefined) ??
    'none';
  const role = () => (rng.chance(0.05) ? 'guest' : rng.chance(0.4) ? 'head' : rng.pick(ROLES));
  // Conference and attendance edits more often than the rest: each changes cells in several ways.
  const op = rng.int(0, 19);
  switch (op >= 18 ? 4 : op >= 16 ? 9 : op) {
    case 0:
    case 1:
    case 2:
      return run(
        'attendance inserted',
        `INSERT INTO attendance (id, conference_id, person_id, role, department_id, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', '')`,
        `a${step}`,
        conference(),
        person(),
        role(),
        rng.chance(0.4) ? null : department(),
        rng.chance(0.8) ? 'attended' : 'absent',
      );
    case 3:
      return run('attendance deleted', 'DELETE FROM attendance WHERE id = ?', attendanceRow());
    case 4: {
      const column = rng.pick(['conference_id', 'person_id', 'role', 'department_id', 'status']);
      const value =
        column === 'conference_id'
          ? conference()
          : column === 'person_id'
            ? person()
            : column === 'role'
              ? role()
              : column === 'department_id'
                ? rng.chance(0.5)
                  ? null
                  : department()
                : rng.pick(['attended', 'absent']);
      return run(
        `attendance ${column} changed`,
        `UPDATE attendance SET ${column} = ? WHERE id = ?`,
        value,
        attendanceRow(),
      );
    }
    case 5:
    case 6:
      return run(
        'releasing department added',
        'INSERT INTO conference_departments (conference_id, department_id, position) VALUES (?, ?, ?)',
        conference(),
        department(),
        rng.int(0, 5),
      );
    case 7:
      return run(
        'releasing department removed',
        'DELETE FROM conference_departments WHERE rowid = (SELECT rowid FROM conference_departments ORDER BY random() LIMIT 1)',
      );
    case 8:
      return run(
        'releasing department changed',
        `UPDATE conference_departments SET ${rng.chance(0.5) ? 'department_id' : 'conference_id'} = ?
         WHERE rowid = (SELECT rowid FROM conference_departments ORDER BY random() LIMIT 1)`,
        rng.chance(0.5) ? department() : conference(),
      );
    case 9: {
      const column = rng.pick(['status', 'date', 'organizer', 'host_department_id', 'title']);
      const value =
        column === 'status'
          ? rng.pick(STATUSES)
          : column === 'date'
            ? randomDate(rng)
            : column === 'organizer'
              ? rng.pick(['city', 'department'])
              : column === 'host_department_id'
                ? rng.chance(0.3)
                  ? null
                  : department()
                : `改${step}`;
      return run(
        `conference ${column} changed`,
        `UPDATE conferences SET ${column} = ? WHERE id = ?`,
        value,
        conference(),
      );
    }
    case 10: {
      const back = world.goneConferences.pop();
      // An id past ASCII now and then: it marks its year too.
      insertConference(client, world, rng, back ?? (rng.chance(0.1) ? `c-𝔠-${step}` : `c-new-${step}`));
      return back ? 'conference back' : 'conference inserted';
    }
    case 11: {
      // Cascades to its attendance and releasing departments (foreign keys on); orphans them (off).
      const id = conference();
      const deleted = client.prepare('DELETE FROM conferences WHERE id = ?').run(id).changes;
      if (deleted) world.goneConferences.push(id);
      return 'conference deleted';
    }
    case 12:
    case 13:
      return run('person moved', 'UPDATE people SET department_id = ? WHERE id = ?', department(), person());
    case 14: {
      const back = world.gone.pop();
      if (!back) {
        insertPerson(client, world, rng, `p-new-${step}`);
        return 'person inserted';
      }
      return run(
        'person back',
        `INSERT INTO people (id, department_id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')`,
        back,
        department(),
        `人${back}`,
        rng.pick(ROLES),
      );
    }
    default: {
      const id = person();
      const before = client.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(id);
      run('person deleted', 'DELETE FROM people WHERE id = ?', id);
      if (before && !client.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(id)) world.gone.push(id);
      return 'person deleted';
    }
  }
}
