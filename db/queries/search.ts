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

/** Per UTF-16 code unit: 0 not yet known, 1 a letter or digit, 2 anything else (TOKEN_CHAR, asked once per unit). */
const unitKind = new Uint8Array(0x10000);
const HEX = '0123456789abcdef';
/** The output's code units, reused: a decade's import spaces 16 million characters. */
let spaced = new Uint16Array(4096);

/**
 * The text the character index holds, registered as the SQL function `po_chars`: one token per
 * character, separated by spaces. Letters and digits stand for themselves; any other character
 * (punctuation, spaces, symbols), which the unicode61 tokenizer would drop, becomes a token of its
 * own, `x` and its code point in hex, so that 营商 does not match 营，商 and 5. does not match 5 alone.
 * Query text goes through the same function, so the two always agree.
 *
 * Written into a buffer of code units with a lookup per unit rather than a regular expression per
 * character (ten times faster, which matters when an import indexes every document): exactly
 * `[...text].map((c) => (TOKEN_CHAR.test(c) ? c : `x${hex}`)).join(' ')` (test/unit/search-chars.test.ts).
 */
export function spacedChars(text: string | null): string | null {
  if (text === null) return null;
  const n = text.length;
  // At most ' x' and six hex digits for a character (one or two units): 8 units per unit is enough.
  if (spaced.length < n * 8) spaced = new Uint16Array(n * 8);
  const out = spaced;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j > 0) out[j++] = 0x20;
    const c = text.charCodeAt(i);
    let code = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // A character outside the BMP: rare enough to ask the regular expression each time.
        code = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
        if (TOKEN_CHAR.test(String.fromCharCode(c, low))) {
          out[j++] = c;
          out[j++] = low;
          continue;
        }
      }
    }
    if (code === c) {
      let kind = unitKind[c] as number;
      if (kind === 0) {
        kind = TOKEN_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
        unitKind[c] = kind;
      }
      if (kind === 1) {
        out[j++] = c;
        continue;
      }
    }
    out[j++] = 0x78; // x
    let shift =
      code >= 0x100000 ? 20 : code >= 0x10000 ? 16 : code >= 0x1000 ? 12 : code >= 0x100 ? 8 : code >= 0x10 ? 4 : 0;
    for (; shift >= 0; shift -= 4) out[j++] = HEX.charCodeAt((code >> shift) & 15);
  }
  // Uint16Array is little-endian on every platform the app ships for, as is 'utf16le'.
  return Buffer.from(out.buffer, 0, j * 2).toString('utf16le');
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
