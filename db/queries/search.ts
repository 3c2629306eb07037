// Chinese substring search through one FTS5 index per table (migration 0010): every pair of
// neighbouring characters is a token (a bigram), queried as a phrase of the search's pairs, so that
// the positions make it an exact substring match; one character is a prefix query.
import { type SQL, sql } from 'drizzle-orm';

/** A phrase for FTS5 MATCH: the text as one quoted string (inner quotes doubled). */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The tokenizers of the search indexes, made by a function that refers to nothing outside itself
 * (only JavaScript's and Node's globals): an import builds a search index on a worker thread, which
 * runs this function from its source text (`searchTokenizerSource`), so both threads tokenize with
 * the same code. Hence methods rather than inner functions or arrow functions, which a bundler that
 * keeps names (scripts/build-node.mjs) wraps in a helper of its module (test/unit/search-index.test.ts
 * bundles it as the app does and runs the source on its own).
 */
export function searchTokenizer() {
  const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
  /** Per UTF-16 code unit: 0 not yet known, 1 a letter or digit, 2 anything else (TOKEN_CHAR, asked once per unit). */
  const unitKind = new Uint8Array(0x10000);
  const HEX = '0123456789abcdef';
  /** The characters' tokens one after the other, and where each starts; reused (an import tokenizes 16 million characters). */
  let tokenUnits = new Uint16Array(4096);
  let tokenStarts = new Int32Array(1024);
  /** The output's code units, reused. */
  let output = new Uint16Array(8192);

  const tokenizer = {
    /**
     * Writes the token of every character of `text` into `tokenUnits`, the start of the i-th at
     * `tokenStarts[i]` (and the end of the last at `tokenStarts[count]`); returns the count. Letters and
     * digits stand for themselves; any other character (punctuation, spaces, symbols), which the
     * unicode61 tokenizer would drop, becomes a token of its own, `x` and its code point in hex, so that
     * 营商 does not match 营，商 and 5. does not match 5 alone. A lookup per UTF-16 unit rather than a
     * regular expression per character: ten times faster, which matters when an import indexes every
     * document.
     */
    charTokens(text: string): number {
      const n = text.length;
      // At most 'x' and six hex digits for a character (one or two units): 7 units per unit is enough.
      if (tokenUnits.length < n * 7) tokenUnits = new Uint16Array(n * 7);
      if (tokenStarts.length < n + 1) tokenStarts = new Int32Array(n + 1);
      const out = tokenUnits;
      const starts = tokenStarts;
      let j = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        starts[count++] = j;
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
      starts[count] = j;
      return count;
    },

    outputUnits(n: number): Uint16Array {
      if (output.length < n) output = new Uint16Array(n);
      return output;
    },

    /** Uint16Array is little-endian on every platform the app ships for, as is 'utf16le'. */
    toText(units: Uint16Array, n: number): string {
      return Buffer.from(units.buffer, 0, n * 2).toString('utf16le');
    },

    /** See spacedChars below. */
    spacedChars(text: string | null): string | null {
      if (text === null) return null;
      const count = tokenizer.charTokens(text);
      const starts = tokenStarts;
      const units = tokenUnits;
      const out = tokenizer.outputUnits((starts[count] as number) + count);
      let m = 0;
      for (let a = 0; a < count; a++) {
        if (a > 0) out[m++] = 0x20;
        for (let p = starts[a] as number; p < (starts[a + 1] as number); p++) out[m++] = units[p] as number;
      }
      return tokenizer.toText(out, m);
    },

    /** See charBigrams below. */
    charBigrams(text: string | null): string | null {
      if (text === null) return null;
      const count = tokenizer.charTokens(text);
      const starts = tokenStarts;
      const units = tokenUnits;
      // Every token twice, with '_' and ' ' for each.
      const out = tokenizer.outputUnits(2 * (starts[count] as number) + 2 * count);
      let m = 0;
      for (let a = 0; a < count; a++) {
        if (a > 0) out[m++] = 0x20;
        const end = a + 2 <= count ? (starts[a + 2] as number) : (starts[a + 1] as number);
        const middle = starts[a + 1] as number;
        for (let p = starts[a] as number; p < middle; p++) out[m++] = units[p] as number;
        out[m++] = 0x5f; // _
        for (let p = middle; p < end; p++) out[m++] = units[p] as number;
      }
      return tokenizer.toText(out, m);
    },
  };
  return tokenizer;
}

/** The source text of `searchTokenizer`: `(${searchTokenizerSource})()` makes a tokenizer anywhere. */
export const searchTokenizerSource: string = searchTokenizer.toString();

const tokenizer = searchTokenizer();

/**
 * The text the character index of migration 0006 held, registered as the SQL function `po_chars`
 * (still, for that migration and its triggers when an older database is migrated): the characters'
 * tokens separated by spaces. Exactly
 * `[...text].map((c) => (TOKEN_CHAR.test(c) ? c : `x${hex}`)).join(' ')` (test/unit/search-chars.test.ts).
 */
export function spacedChars(text: string | null): string | null {
  return tokenizer.spacedChars(text);
}

/**
 * The text the search index holds (migration 0010), registered as the SQL function `po_bigrams`:
 * for every character, its token, `_` and the next character's token (`营商环` → `营_商 商_环 环_`),
 * separated by spaces. The last character's token ends in `_` alone, so that every character of
 * the text starts a token of its own and a search of one character is the prefix query `营_*`.
 * A character's token never holds `_` (an underscore in the text is `x5f`), so a token has one
 * reading and a prefix ending in `_` ends exactly at a character. The index's tokenizer takes `_`
 * as part of a token (`tokenchars '_'`). Exactly the definition in test/unit/search-chars.test.ts.
 */
export function charBigrams(text: string | null): string | null {
  return tokenizer.charBigrams(text);
}

/**
 * The FTS5 query of a search: two characters or more, the phrase of their pairs (营商环境 →
 * "营_商 商_环 环_境"), whose consecutive positions make it the exact substring; one character, the
 * prefix query "营_" * (the character followed by any other, or at the end of a column).
 */
export function searchQuery(text: string): string {
  const tokens = (charBigrams(text) ?? '').split(' ');
  if (tokens.length <= 1) return `${ftsPhrase(tokens[0] ?? '')} *`;
  tokens.pop();
  return ftsPhrase(tokens.join(' '));
}

export type SearchIndex = 'documents_search' | 'answers_search';

/** `rowidColumn IN (… MATCH …)` through the table's search index; `text` is not empty. */
export function textMatch(text: string, index: SearchIndex, rowid: SQL): SQL {
  return sql`${rowid} IN (SELECT rowid FROM ${sql.raw(index)} WHERE ${sql.raw(index)} MATCH ${searchQuery(text)})`;
}
