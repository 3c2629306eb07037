// Seeded random text for the search tokenizers' tests (po_chars, po_bigrams): CJK, ASCII, lone and paired
// surrogates, any UTF-16 unit, sometimes a character outside the BMP at the end; every tenth text long,
// so that a reused buffer has to grow.

export interface RandomTextOptions {
  seed: number;
  count: number;
  /** Length bound of every tenth text, and of the others. */
  long: number;
  short: number;
  /** One text in this many ends with a character outside the BMP. */
  astralOneIn: number;
  /** Also draw from CJK punctuation (U+3000–U+303F). */
  cjkPunctuation: boolean;
}

export function randomTexts(o: RandomTextOptions): string[] {
  let seed = o.seed;
  const random = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % below;
  };
  const pools = [
    () => 0x4e00 + random(0x5200),
    () => random(0x80),
    ...(o.cjkPunctuation ? [() => 0x3000 + random(0x40)] : []),
    () => 0xd800 + random(0x800),
    () => random(0x10000),
  ];
  const texts: string[] = [];
  for (let i = 0; i < o.count; i++) {
    const length = random(i % 10 === 0 ? o.long : o.short);
    const units: number[] = [];
    for (let k = 0; k < length; k++) units.push((pools[random(pools.length)] as () => number)());
    let text = String.fromCharCode(...units);
    if (random(o.astralOneIn) === 0) text += String.fromCodePoint(0x10000 + random(0x100000));
    texts.push(text);
  }
  return texts;
}
