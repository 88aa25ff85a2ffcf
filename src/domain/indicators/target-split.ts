/**
 * Splitting a region's annual target to the regions below it: evenly, or in proportion to a
 * basis such as last year's actual or the current base. Shares are exact multiples of the
 * indicator's precision (whole persons, or fen of an amount) and always add up to the whole:
 * the largest-remainder method (Hamilton's) rounds them, in integer arithmetic.
 *
 * Values an official has already typed are kept; only what is left of the parent's target is
 * split among the regions still empty.
 *
 * @module
 */

/** How the remainder is shared: evenly, by last year's actual, or by the current base. */
export type SplitBasis = 'even' | 'last_year' | 'base';

const toUnits = (v: number, decimals: number) => BigInt(Math.round(v * 10 ** decimals));
const fromUnits = (u: bigint, decimals: number) => Number(u) / 10 ** decimals;

/**
 * `total` shared in proportion to `weights` (negative weights count as zero), each share a
 * multiple of 10^-decimals, the shares summing exactly to `total` rounded to that precision.
 * When every weight is zero the split is even. Ties in the remainders go to the earlier region.
 *
 * @example
 * proportionalShares(100, [44, 2, 10])    // => [79, 3, 18]
 * proportionalShares(10, [1, 1, 1])       // => [4, 3, 3]
 * proportionalShares(1, [1, 2], 2)        // => [0.33, 0.67]
 * proportionalShares(30, [0, 0])          // => [15, 15]
 */
export function proportionalShares(
  total: number,
  weights: readonly number[],
  decimals = 0,
): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const t = toUnits(Math.max(0, total), decimals);
  // Weights to integers at fen precision, so the arithmetic below is exact.
  let w = weights.map((x) => (x > 0 ? toUnits(x, 2) : 0n));
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    w = weights.map(() => 1n);
    sum = BigInt(n);
  }
  const floors = w.map((x) => (t * x) / sum);
  const rests = w.map((x, i) => ({ i, rest: (t * x) % sum }));
  let left = t - floors.reduce((a, b) => a + b, 0n);
  rests.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of rests) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map((u) => fromUnits(u, decimals));
}

/** One region below in a split: what is typed (null: empty) and its weight for the basis. */
export interface SplitSlot {
  value: number | null;
  weight: number;
}

/**
 * Fills the empty regions of a split with the remainder of `parent` (what the typed values leave),
 * shared in proportion to their weights; typed values are returned unchanged. Nothing is left
 * to share when the typed values already reach or exceed the parent: the empty ones get 0.
 *
 * @example
 * fillRemainder(100, [{ value: 40, weight: 44 }, { value: null, weight: 2 }, { value: null, weight: 10 }])
 * // => [40, 10, 50]
 */
export function fillRemainder(parent: number, slots: readonly SplitSlot[], decimals = 0): number[] {
  const typed = slots.reduce(
    (n, s) => n + (s.value === null ? 0n : toUnits(s.value, decimals)),
    0n,
  );
  const rest = toUnits(parent, decimals) - typed;
  const empty = slots.flatMap((s, i) => (s.value === null ? [i] : []));
  const shares = proportionalShares(
    rest > 0n ? fromUnits(rest, decimals) : 0,
    empty.map((i) => slots[i]?.weight ?? 0),
    decimals,
  );
  const out = slots.map((s) => s.value ?? 0);
  empty.forEach((i, k) => {
    out[i] = shares[k] ?? 0;
  });
  return out;
}

/**
 * The precision a target of this unit is split at: fen for amounts (元, 万元), whole units
 * (persons, entities) otherwise.
 *
 * @example
 * splitDecimals('人') // => 0
 * splitDecimals('万元') // => 2
 */
export function splitDecimals(unitZh: string): number {
  return unitZh === '元' || unitZh === '万元' ? 2 : 0;
}
