// Chinese substring search. Three or more characters go through the FTS5 trigram indexes
// (migration 0004); shorter text cannot form a trigram and falls back to LIKE over the table.
import { type SQL, sql } from 'drizzle-orm';

/** A phrase for FTS5 MATCH: the text as one quoted string (inner quotes doubled). */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const usesTrigrams = (text: string) => Array.from(text).length >= 3;

/** `rowidColumn IN (… MATCH …)` for long text, else LIKE over the given columns. */
export function textMatch(text: string, fts: 'documents_fts' | 'answers_fts', rowid: SQL, columns: SQL[]): SQL {
  if (usesTrigrams(text)) {
    return sql`${rowid} IN (SELECT rowid FROM ${sql.raw(fts)} WHERE ${sql.raw(fts)} MATCH ${ftsPhrase(text)})`;
  }
  const like = likePattern(text);
  return sql`(${sql.join(
    columns.map((c) => sql`${c} LIKE ${like} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}
