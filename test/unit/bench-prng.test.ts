// The benchmark's seeded PRNG: the same seed gives the same sequence on every run and machine.
import { describe, expect, it } from 'vitest';
import { createRng, idSource } from '../../scripts/bench/prng';

const draw = (seed: number, n = 1000) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.u32());
};

describe('bench PRNG', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('is pinned: these values are what seed 1 has always produced', () => {
    // A change here changes every generated dataset: bump it only on purpose, and say so.
    expect(draw(1, 4)).toMatchInlineSnapshot(`
      [
        1828152527,
        3394835397,
        2967886022,
        2251045104,
      ]
    `);
  });

  it('draws floats in [0, 1) and integers within their bounds, both ends reached', () => {
    const rng = createRng(3);
    let low = 1;
    let high = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const f = rng.next();
      low = Math.min(low, f);
      high = Math.max(high, f);
      seen.add(rng.int(-2, 2));
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('samples distinct items and shuffles without losing any', () => {
    const rng = createRng(11);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.shuffle([...items]).sort((a, b) => a - b)).toEqual(items);
    expect(rng.sample(items, 80)).toHaveLength(50);
  });

  it('forks independent streams that are themselves repeatable', () => {
    const a = createRng(5).fork('documents');
    const b = createRng(5).fork('documents');
    const c = createRng(5).fork('opinions');
    const take = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.u32());
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
  });

  it('makes repeatable ids in UUID v4 form', () => {
    const a = idSource(1);
    const b = idSource(1);
    const ids = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(100);
  });
});
