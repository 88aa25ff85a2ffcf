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
