// Chinese substring search through two FTS5 indexes per table. Three or more characters go through
// the trigram index (migration 0004); one or two cannot form a trigram and go through the character
// index (migration 0006), where every character is a token and the text is matched as a phrase.
import { type SQL, sql } from 'drizzle-orm';

/** A phrase for FTS5 MATCH: the text as one quoted string (inner quotes doubled). */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export const usesTrigrams = (text: string) => Array.from(text).length >= 3;

const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * The text the character index holds, registered as the SQL function `po_chars`: one token per
 * character, separated by spaces. Letters and digits stand for themselves; any other character
 * (punctuation, spaces, symbols), which the unicode61 tokenizer would drop, becomes a token of its
 * own, `x` and its code point in hex, so that 营商 does not match 营，商 and 5. does not match 5 alone.
 * Query text goes through the same function, so the two always agree.
 */
export function spacedChars(text: string | null): string | null {
  if (text === null) return null;
  const tokens: string[] = [];
  for (const c of text) tokens.push(TOKEN_CHAR.test(c) ? c : `x${(c.codePointAt(0) as number).toString(16)}`);
  return tokens.join(' ');
}

const INDEXES = {
  documents_fts: 'documents_chars',
  answers_fts: 'answers_chars',
} as const;

/** `rowidColumn IN (… MATCH …)` through the trigram index (3+ characters) or the character index. */
export function textMatch(text: string, fts: keyof typeof INDEXES, rowid: SQL): SQL {
  const [index, phrase] = usesTrigrams(text)
    ? [fts, ftsPhrase(text)]
    : [INDEXES[fts], ftsPhrase(spacedChars(text) ?? '')];
  return sql`${rowid} IN (SELECT rowid FROM ${sql.raw(index)} WHERE ${sql.raw(index)} MATCH ${phrase})`;
}
