/** The arithmetic of splitting a target to the regions below, in cents so sums are exact. */

const cents = (v: number) => Math.round(v * 100);

/**
 * The sum of the children's shares and what is left of the parent's target (negative: too much).
 *
 * @example
 * splitCheck(320, [100, 200]) // { sum: 300, diff: 20 }   (20 still to split)
 * splitCheck(320, [200, 200]) // { sum: 400, diff: -80 }  (80 too many: refused)
 */
export function splitCheck(
  parent: number,
  values: (number | null | undefined)[],
): { sum: number; diff: number } {
  const sum = values.reduce<number>((n, v) => n + cents(v ?? 0), 0);
  return { sum: sum / 100, diff: (cents(parent) - sum) / 100 };
}

/**
 * Whole shares of `total` for `n` regions, the remainder to the first ones.
 *
 * @example
 * evenShares(320, 3) // [107, 107, 106]
 * evenShares(4.5, 2) // [2.5, 2]
 */
export function evenShares(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const rest = Math.floor(total - base * n);
  const shares = Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
  // A target with decimals (an amount): the fraction goes to the first region.
  const left = cents(total) - shares.reduce((a, b) => a + cents(b), 0);
  shares[0] = (cents(shares[0] ?? 0) + left) / 100;
  return shares;
}
