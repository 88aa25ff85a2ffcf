/**
 * Money and rates as integers: amounts in fen (分, 1/100 yuan), rates in basis points (bp,
 * 1/100 of a per cent). Never floating point for money: every helper here takes and returns
 * safe integers and rounds only where it says so.
 *
 * @module
 */

/** An amount in fen (分). 1 元 = 100 fen, 1 万元 = 1,000,000 fen. */
export type Fen = number;
/** A rate or share in basis points: 1 % = 100 bp; 3.45 % = 345 bp. */
export type Bp = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;
export const BP_WHOLE = 10_000;

/** Whether `n` is a safe integer amount (fen) or rate (bp). */
export function isWhole(n: number): boolean {
  return Number.isSafeInteger(n);
}

/**
 * Amount in fen of a whole number of 万元.
 *
 * @example
 * wanToFen(30) // => 30_000_000
 */
export function wanToFen(wan: number): Fen {
  const fen = wan * FEN_PER_WAN;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole fen amount: ${wan} 万元`);
  return fen;
}

/**
 * An amount written the way officials read it: in 万元 when it is a whole number of 万, otherwise
 * in 元 with two decimals.
 *
 * @example
 * formatAmountZh(35_000_000) // => '35 万元'
 * formatAmountZh(123_456)    // => '1,234.56 元'
 */
export function formatAmountZh(fen: Fen): string {
  if (fen % FEN_PER_WAN === 0) return `${(fen / FEN_PER_WAN).toLocaleString('en-US')} 万元`;
  return `${formatYuan(fen)} 元`;
}

/**
 * The English reading of an amount.
 *
 * @example
 * formatAmountEn(35_000_000) // => 'CNY 350,000'
 */
export function formatAmountEn(fen: Fen): string {
  return `CNY ${formatYuan(fen).replace(/\.00$/, '')}`;
}

function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN).toLocaleString('en-US');
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/**
 * A rate in bp written as a percentage.
 *
 * @example
 * formatRate(345) // => '3.45%'
 * formatRate(-150) // => '-1.50%'
 */
export function formatRate(bp: Bp): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/**
 * `amount × numerator / denominator` rounded half up, in exact integer arithmetic (BigInt), so
 * large products never lose precision.
 *
 * @example
 * mulDivRound(1_000_000, 1_100, 10_000) // => 110_000 (10 % of 1 万元 in fen)
 */
export function mulDivRound(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const p = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const neg = p < 0n;
  const abs = neg ? -p : p;
  const q = (abs * 2n + d) / (2n * d);
  return Number(neg ? -q : q);
}

/**
 * Largest-remainder apportionment: `total` (whole units, e.g. fen) split in proportion to whole
 * `weights` so that the parts are whole and add up to `total` exactly. Each part is the floor of
 * its exact share, and the units left over go one each to the largest remainders (ties: the
 * earlier part). With all weights zero the split is even.
 *
 * @example
 * apportion(100, [1, 1, 1]) // => [34, 33, 33]
 * apportion(10, [0, 3, 1])  // => [0, 8, 2]   (7.5 → 7 + the larger remainder; 2.5 → 2)
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`bad total: ${total}`);
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be whole and non-negative');
  }
  const n = weights.length;
  if (n === 0) return [];
  const t = BigInt(total);
  let w = weights.map((x) => BigInt(x));
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    w = weights.map(() => 1n);
    sum = BigInt(n);
  }
  const parts = w.map((x) => (t * x) / sum);
  const order = w
    .map((x, i) => ({ i, rest: (t * x) % sum }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
