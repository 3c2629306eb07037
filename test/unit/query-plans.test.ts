// The hot queries use the indexes meant for them.
import { describe, expect, it } from 'vitest';
import { testApp } from './helpers/app';

function plan(app: ReturnType<typeof testApp>, sql: string, ...params: unknown[]): string {
  return (app.client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('query plans', () => {
  const app = testApp();
  it('finds a year of conferences by date', () => {
    expect(plan(app, 'SELECT id FROM conferences c WHERE c.date BETWEEN ? AND ?', '2026-01-01', '2026-12-31')).toMatch(
      /USING (COVERING )?INDEX conferences_date_idx/,
    );
  });
  it('finds a conference’s attendance and departments by conference', () => {
    expect(plan(app, 'SELECT * FROM attendance WHERE conference_id = ?', 'c')).toMatch(
      /INDEX attendance_conference_idx/,
    );
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
  it('searches documents and the answer library through the trigram indexes', () => {
    expect(
      plan(
        app,
        'SELECT id FROM documents d WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)',
        '"就业形势"',
      ),
    ).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    expect(
      plan(
        app,
        'SELECT id FROM answers a WHERE a.rowid IN (SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?)',
        '"就业形势"',
      ),
    ).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
  });
  it('finds overdue public-opinion items by status and deadline, and a department’s documents', () => {
    expect(plan(app, "SELECT id FROM opinion_items WHERE status = 'open' AND deadline_at < ?", '2026-01-01')).toMatch(
      /INDEX opinion_items_status_idx/,
    );
    expect(plan(app, 'SELECT id FROM documents WHERE department_id = ?', 'd')).toMatch(
      /INDEX documents_department_idx/,
    );
  });
});
