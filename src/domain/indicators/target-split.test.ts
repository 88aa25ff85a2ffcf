import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillRemainder, proportionalShares } from './target-split.js';

const cents = (v: number) => Math.round(v * 100);
const total = (xs: number[]) => xs.reduce((n, x) => n + cents(x), 0) / 100;

describe('splitting a target in proportion', () => {
  it('shares by last year’s actual, not evenly (永安街道 44 done, 康乐镇 2 done)', () => {
    expect(proportionalShares(100, [44, 2, 10])).toEqual([79, 3, 18]);
  });

  it('rounds by largest remainder, ties to the earlier region, and splits evenly without a basis', () => {
    expect(proportionalShares(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(proportionalShares(30, [0, 0])).toEqual([15, 15]);
    expect(proportionalShares(7, [])).toEqual([]);
    expect(proportionalShares(1, [1, 2], 2)).toEqual([0.33, 0.67]);
  });

  it('always sums exactly to the whole, in whole units or fen, each share near its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0, 2),
        (units, weights, decimals) => {
          const whole = units / 10 ** decimals;
          const shares = proportionalShares(whole, weights, decimals);
          expect(shares).toHaveLength(weights.length);
          expect(total(shares)).toBe(whole);
          const w = weights.reduce((a, b) => a + b, 0);
          const step = 1 / 10 ** decimals;
          shares.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(cents(s * 10 ** decimals) % 100).toBe(0);
            const quota = w === 0 ? whole / weights.length : (whole * (weights[i] ?? 0)) / w;
            expect(Math.abs(s - quota)).toBeLessThan(step + 1e-6 * Math.max(1, whole));
          });
        },
      ),
    );
  });
});

describe('splitting only what typed values leave', () => {
  it('keeps typed values and shares the remainder among the empty regions', () => {
    expect(
      fillRemainder(100, [
        { value: 40, weight: 44 },
        { value: null, weight: 2 },
        { value: null, weight: 10 },
      ]),
    ).toEqual([40, 10, 50]);
  });

  it('gives the empty regions nothing when the typed values already reach the parent', () => {
    expect(
      fillRemainder(10, [
        { value: 12, weight: 1 },
        { value: null, weight: 1 },
      ]),
    ).toEqual([12, 0]);
  });

  it('keeps every typed value and makes the whole add up to the parent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(
          fc.record({
            value: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
            weight: fc.integer({ min: 0, max: 10_000 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (parent, slots) => {
          const out = fillRemainder(parent, slots);
          slots.forEach((s, i) => {
            if (s.value !== null) expect(out[i]).toBe(s.value);
            expect(Number.isInteger(out[i])).toBe(true);
          });
          const typed = slots.reduce((n, s) => n + (s.value ?? 0), 0);
          const anyEmpty = slots.some((s) => s.value === null);
          const sum = out.reduce((a, b) => a + b, 0);
          expect(sum).toBe(anyEmpty ? Math.max(parent, typed) : typed);
        },
      ),
    );
  });
});
