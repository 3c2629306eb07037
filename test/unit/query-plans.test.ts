// The hot queries use the indexes meant for them.
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { complianceByConferenceSql, complianceCellsSql, unorderedCellSql } from '../../db/queries/compliance-tally';
import { pageQuery, pageRowidsQuery } from '../../db/queries/conference-list';
import { documentPageRowidsQuery } from '../../db/queries/documents';
import { overdueUnansweredQuery, unreportedSevereQuery } from '../../db/queries/opinions';
import { HELD_SPAN } from '../../services/dashboard';
import { testApp } from './helpers/app';

function plan(app: ReturnType<typeof testApp>, sql: string, ...params: unknown[]): string {
  return (app.client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

/** The plan of a statement as a query function builds it. */
function planOf(app: ReturnType<typeof testApp>, query: SQL): string {
  return app.ctx.db
    .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
    .map((r) => r.detail)
    .join('\n');
}

describe('query plans', () => {
  const app = testApp();
  const explain = (query: SQL) =>
    app.ctx.db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
      .map((r) => r.detail)
      .join('\n');
  it('finds a year of conferences by date', () => {
    expect(plan(app, 'SELECT id FROM conferences c WHERE c.date BETWEEN ? AND ?', '2026-01-01', '2026-12-31')).toMatch(
      /USING (COVERING )?INDEX conferences_list_order_idx \(date>\? AND date<\?\)/,
    );
  });
  it('finds a conference’s attendance and departments by conference', () => {
    // Lookups by conference go through attendance(conference_id) (migration 0011 made it again after 0010
    // had dropped it: the dashboard's probe took twice as long through the wider attendance_quota_idx), or
    // through attendance_quota_idx where it covers the query.
    const byConference =
      /SEARCH a(ttendance)? USING (COVERING )?INDEX attendance_(conference|quota)_idx \(conference_id=\?/;
    expect(plan(app, 'SELECT * FROM attendance WHERE conference_id = ?', 'c')).toMatch(byConference);
    expect(
      plan(
        app,
        'SELECT person_id, role, department_id, status, substitute_for_person_id FROM attendance WHERE conference_id = ? ORDER BY person_id',
        'c',
      ),
    ).toMatch(byConference);
    expect(plan(app, 'SELECT id, person_id FROM attendance WHERE conference_id = ?', 'c')).toMatch(byConference);
    expect(plan(app, 'DELETE FROM attendance WHERE conference_id = ?', 'c')).toMatch(byConference);
    expect(
      plan(
        app,
        `SELECT a.id, a.person_id, coalesce(a.department_id, p.department_id) AS department_id, d.name, a.role, a.status, sp.name
         FROM attendance a JOIN people p ON p.id = a.person_id
           JOIN departments d ON d.id = coalesce(a.department_id, p.department_id)
           LEFT JOIN people sp ON sp.id = a.substitute_for_person_id
         WHERE a.conference_id = ? ORDER BY d.sort_order, p.name, a.id`,
        'c',
      ),
    ).toMatch(byConference);
    expect(
      plan(app, 'SELECT c.id, (SELECT count(*) FROM attendance a WHERE a.conference_id = c.id) FROM conferences c'),
    ).toMatch(/SEARCH a USING COVERING INDEX attendance_conference_idx \(conference_id=\?\)/);
    // The cells' triggers (migration 0008) on a conference's change.
    expect(
      plan(
        app,
        "SELECT a.department_id, a.person_id FROM attendance a WHERE a.conference_id = ? AND a.status = 'attended' AND a.role IN ('head', 'spokesperson', 'deputy')",
        'c',
      ),
    ).toMatch(/SEARCH a USING COVERING INDEX attendance_quota_idx \(conference_id=\? AND status=\? AND role=\?\)/);
    expect(
      plan(app, 'SELECT department_id FROM conference_departments WHERE conference_id = ? ORDER BY position', 'c'),
    ).toMatch(/sqlite_autoindex_conference_departments_1|PRIMARY KEY/);
  });
  it('finds a department’s conferences and people by department', () => {
    expect(plan(app, 'SELECT conference_id FROM conference_departments WHERE department_id = ?', 'd')).toMatch(
      /INDEX conference_departments_department_idx/,
    );
    expect(plan(app, 'SELECT id FROM people WHERE department_id = ?', 'd')).toMatch(/INDEX people_department_idx/);
  });
  it('lists planned conferences by status and date', () => {
    expect(plan(app, "SELECT id FROM conferences WHERE status = 'planned' AND date >= ?", '2026-01-01')).toMatch(
      /INDEX conferences_status_date_idx/,
    );
  });
  it('reads an item’s history from the audit log by entity', () => {
    expect(plan(app, "SELECT * FROM audit_log WHERE entity = 'conference' AND entity_id = ? ORDER BY id", 'c')).toMatch(
      /INDEX audit_log_entity_idx/,
    );
  });
  it('searches documents and the answer library through their pair indexes, long and short', () => {
    for (const [table, index] of [
      ['documents', 'documents_search'],
      ['answers', 'answers_search'],
    ]) {
      for (const query of ['"就_业 业_形 形_势"', '"营_商"', '"营_" *']) {
        expect(
          plan(
            app,
            `SELECT id FROM ${table} t WHERE t.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`,
            query,
          ),
        ).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
      }
    }
  });
  it('finds overdue public-opinion items by status and deadline, and a department’s documents', () => {
    expect(plan(app, "SELECT id FROM opinion_items WHERE status = 'open' AND deadline_at < ?", '2026-01-01')).toMatch(
      /INDEX opinion_items_status_idx/,
    );
    expect(plan(app, 'SELECT id FROM documents WHERE department_id = ?', 'd')).toMatch(
      /INDEX documents_department_idx/,
    );
  });
  it('reads the dashboard’s two 舆情 alerts as the first rows of their partial indexes, with no sort', () => {
    // Before migration 0013 the alerts read the 200 (or 500) newest items and filtered them: the most overdue
    // ones and old unreported 重大 items could be missed, and a decade's items were sorted on every start.
    const overdue = explain(overdueUnansweredQuery('2026-01-01T00:00:00.000Z', 20));
    expect(overdue).toMatch(/^SEARCH o USING INDEX opinion_items_unanswered_deadline_idx \(deadline_at<\?\)/);
    const severe = explain(unreportedSevereQuery(20));
    expect(severe).toMatch(/^SCAN o USING INDEX opinion_items_unreported_severe_idx/);
    for (const detail of [overdue, severe]) expect(detail).not.toMatch(/TEMP B-TREE/);
  });
  it('reads a year’s compliance from the cells in key order, grouped as it goes', () => {
    // The statement db/queries/compliance-tally.ts reads a year with: the lists come out in the
    // order of quota_cells_key, (date, id) within a department's cell, only if nothing sorts them.
    const detail = explain(complianceCellsSql('2025', '2025-01-01', '2025-12-31'));
    expect(detail).toBe('SEARCH quota_cells USING COVERING INDEX quota_cells_key (year=?)');
    // Whether the year can be read from the cells at all: a seek, not a scan of the year.
    expect(explain(unorderedCellSql('2025', '2025-01-01', '2025-12-31'))).toBe(
      'SEARCH quota_cells USING COVERING INDEX quota_cells_key (year=? AND department_id=? AND kind=? AND quarter=? AND date>? AND date<?)',
    );
  });
  it('finds the span of held conferences’ dates at the two ends of an index', () => {
    // The dashboard's answer at start-up paces its read of the held conferences by these years.
    const detail = explain(HELD_SPAN);
    expect(
      detail.match(/SEARCH conferences USING COVERING INDEX conferences_status_date_idx \(status=\?\)/g),
    ).toHaveLength(2);
    expect(detail).not.toMatch(/SCAN (?!CONSTANT ROW)|TEMP B-TREE/);
  });
  it('reads a year’s compliance conference by conference from covering indexes, when the cells cannot serve', () => {
    const detail = explain(complianceByConferenceSql('\u001f', '\u001e', '2025-01-01', '2025-12-31'));
    expect(detail).toMatch(
      /SEARCH c USING COVERING INDEX conferences_status_date_idx \(status=\? AND date>\? AND date<\?\)/,
    );
    expect(detail).toMatch(
      /SEARCH cd USING COVERING INDEX sqlite_autoindex_conference_departments_1 \(conference_id=\?\)/,
    );
    expect(detail).toMatch(/SEARCH a USING COVERING INDEX attendance_quota_idx \(conference_id=\? AND status=\?\)/);
    // The person only for a row without a department, by its key.
    expect(detail).toMatch(/SEARCH p USING INDEX sqlite_autoindex_people_1 \(id=\?\)/);
    expect(detail).not.toMatch(/SCAN|TEMP B-TREE/);
  });
  it('keeps the cells by index: a conference’s cells by conference, a conference by its key', () => {
    // What the triggers of migration 0008 look up on every write.
    expect(
      plan(
        app,
        'UPDATE quota_cells SET n = n - 1 WHERE conference_id = ? AND kind = 0 AND department_id = ?',
        'c',
        'd',
      ),
    ).toMatch(/INDEX quota_cells_conference_idx \(conference_id=\?\)/);
    expect(plan(app, "SELECT c.date FROM conferences c WHERE c.id = ? AND c.status = 'held'", 'c')).toMatch(
      /INDEX sqlite_autoindex_conferences_1 \(id=\?\)/,
    );
    expect(
      plan(
        app,
        "SELECT a.conference_id FROM attendance a WHERE a.person_id = ? AND a.department_id IS NULL AND a.status = 'attended'",
        'p',
      ),
    ).toMatch(/INDEX attendance_person_idx \(person_id=\?\)/);
  });
  it('counts what refers to a department or a person by index (detail pages, renames, merges)', () => {
    expect(plan(app, 'SELECT count(*) FROM attendance WHERE department_id = ?', 'd')).toMatch(
      /INDEX attendance_department_idx/,
    );
    expect(plan(app, 'SELECT count(*) FROM attendance WHERE substitute_for_person_id = ?', 'p')).toMatch(
      /INDEX attendance_substitute_idx/,
    );
    expect(plan(app, 'SELECT count(*) FROM conferences WHERE host_department_id = ?', 'd')).toMatch(
      /INDEX conferences_host_department_idx/,
    );
    expect(plan(app, 'SELECT count(*) FROM conference_speakers WHERE department_id = ?', 'd')).toMatch(
      /INDEX conference_speakers_department_idx/,
    );
    expect(plan(app, 'SELECT count(*) FROM documents WHERE person_id = ?', 'p')).toMatch(/INDEX documents_person_idx/);
  });
  it('lists the newest documents by index, stopping after the page', () => {
    expect(plan(app, 'SELECT d.id, d.title FROM documents d ORDER BY d.updated_at DESC, d.id LIMIT 2000')).toMatch(
      /SCAN d USING INDEX documents_updated_idx/,
    );
    // A page of the list page deep in the decade: OFFSET steps over index entries; only documents
    // changed at the same instant are put in id order (the index has them newest id first).
    const page = planOf(app, documentPageRowidsQuery({ offset: 29_000, limit: 50 }));
    expect(page).toMatch(/SCAN d USING COVERING INDEX documents_updated_idx/);
    expect(page).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
  it('reads a page of the conference list from the order index, without sorting the list', () => {
    // Deep in the decade, unfiltered: OFFSET steps over index entries; only the page's rows are read.
    const rowids = planOf(app, pageRowidsQuery({ offset: 20_000, limit: 100 }));
    expect(rowids).toMatch(/SCAN c USING COVERING INDEX conferences_list_order_idx/);
    expect(rowids).not.toMatch(/TEMP B-TREE/);
    expect(planOf(app, pageRowidsQuery({ from: '2020-01-01', to: '2020-12-31', offset: 500, limit: 100 }))).toMatch(
      /SEARCH c USING COVERING INDEX conferences_list_order_idx \(date>\? AND date<\?\)/,
    );
    const page = planOf(app, pageQuery({ offset: 20_000, limit: 100 }));
    expect(page).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(page).not.toMatch(/SCAN c\b(?! USING COVERING INDEX conferences_list_order_idx)/);
  });
  it('finds held conferences without attendance by index', () => {
    expect(
      plan(
        app,
        "SELECT id FROM conferences c WHERE c.status = 'held' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.conference_id = c.id)",
      ),
    ).toMatch(/SEARCH c USING COVERING INDEX conferences_status_date_idx[\s\S]*INDEX attendance_conference_idx/);
  });
});
