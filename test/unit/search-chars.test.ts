// spacedChars (the SQL function po_chars behind the character index of migration 0006, which an
// older database still fills on its way to 0010) against its definition: one token per character,
// letters and digits as themselves, anything else as x and its code point in hex. It shares its
// tokens with po_bigrams (test/unit/search-index.test.ts); this is the slow, obvious definition.
import { describe, expect, it } from 'vitest';
import { spacedChars } from '../../db/queries/search';
import { randomTexts } from './helpers/random-text';

const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const definition = (text: string) =>
  [...text].map((c) => (TOKEN_CHAR.test(c) ? c : `x${(c.codePointAt(0) as number).toString(16)}`)).join(' ');

describe('spacedChars', () => {
  it('spaces every UTF-16 code unit on its own as the definition does (lone surrogates included)', () => {
    const differ: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      if (spacedChars(c) !== definition(c) || spacedChars(`a${c}1`) !== definition(`a${c}1`)) differ.push(unit);
    }
    expect(differ).toEqual([]);
  });

  it('agrees on text: CJK, punctuation, astral characters, surrogates out of pairs, empty and null', () => {
    const samples = [
      '',
      '营商环境',
      '营，商',
      '5. 5',
      '日照市发展和改革委员会（市粮食和物资储备局）2026年第3季度新闻发布会：营商环境 😀 𠀀 𝟘 ①',
      'a\ud800b',
      '\udc00x',
      '\ud83d',
      'x\ud83d',
      '\ud83d\ud83d\ude00',
      '\ude00\ud83d',
      '，。 \t\n\u3000\u0000',
      'Ｅｃｏｎｏｍｙ ÉCOLE ß İ',
      '\u{10ffff}\u{e0001}\u{1f1e8}\u{1f1f3}',
    ];
    for (const s of samples) expect(spacedChars(s), JSON.stringify(s)).toBe(definition(s));
    expect(spacedChars(null)).toBeNull();
  });

  it('agrees on random text of every length, one buffer reused across calls', () => {
    for (const text of randomTexts({
      seed: 7,
      count: 2000,
      long: 5000,
      short: 60,
      astralOneIn: 4,
      cjkPunctuation: true,
    }))
      expect(spacedChars(text)).toBe(definition(text));
  });
});
