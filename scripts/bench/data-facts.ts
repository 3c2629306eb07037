// What a benchmark database holds, read straight from the file: its size, how many of each record
// (and so its scale), and the search terms the figures use, taken from the data itself.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface DataFacts {
  scale: number;
  bytes: number;
  departments: number;
  people: number;
  conferences: number;
  attendance: number;
  documents: number;
  documentVersions: number;
  answers: number;
  opinions: number;
  auditRows: number;
  /** Documents a full portal package holds: approved or released, with a column, not 答问口径. */
  portalItems: number;
}

export interface Terms {
  /** Part of a person's name (their given name): what the register search finds people by. */
  person: string;
  /** Four characters: a phrase of three character pairs in the search index (migration 0010). */
  long: string;
  /** Two characters: one character pair. */
  short: string;
  /** One character: a prefix query on the pairs it starts. */
  one: string;
  /** Eight characters: a phrase of seven pairs. */
  eight: string;
}

export function dataScale(path: string): DataFacts {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const conferences = n('SELECT count(*) AS n FROM conferences');
    return {
      // The generator plans 20,000 conferences per unit of scale (postponed copies come on top).
      scale: Math.round((conferences / 20_000) * 1000) / 1000,
      bytes: statSync(path).size,
      departments: n('SELECT count(*) AS n FROM departments'),
      people: n('SELECT count(*) AS n FROM people'),
      conferences,
      attendance: n('SELECT count(*) AS n FROM attendance'),
      documents: n('SELECT count(*) AS n FROM documents'),
      documentVersions: n('SELECT count(*) AS n FROM document_versions'),
      answers: n('SELECT count(*) AS n FROM answers'),
      opinions: n('SELECT count(*) AS n FROM opinion_items'),
      auditRows: n('SELECT count(*) AS n FROM audit_log'),
      portalItems: n(
        "SELECT count(*) AS n FROM documents WHERE status IN ('approved', 'released') AND portal_column IS NOT NULL AND kind <> 'qa'",
      ),
    };
  } finally {
    db.close();
  }
}

export function benchTerms(path: string): Terms {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // A person in the middle of the register with a two-character given name.
    const row = db
      .prepare(
        'SELECT name FROM people WHERE length(name) = 3 ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM people WHERE length(name) = 3)',
      )
      .get() as { name: string } | undefined;
    return {
      person: row ? row.name.slice(1) : '建国',
      long: '营商环境',
      short: '营商',
      one: '营',
      eight: '优化营商环境工作',
    };
  } finally {
    db.close();
  }
}
