/**
 * Figures set beside their targets without rounding them into untruths. The short form of
 * reports (`1.12万`) rounds; against a target that is close, rounding can say "2万" for an actual
 * of 19,987 beside a target of "2.1万", or even show two equal numbers for a missed target. Here
 * the short form never rounds up (it truncates, so a figure is never shown as reached before it
 * is), and when actual and target are close both are given exactly (`19,987` / `21,000`).
 *
 * And a finished year has a verdict, not a pace: 已完成 / 未完成 rather than 落后于时间进度.
 *
 * @module
 */

export type FigureLocale = 'zh-CN' | 'en';

/** Below this relative gap between actual and target, both are shown exactly. */
export const CLOSE_GAP = 0.1;

const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** `value / unit` cut (not rounded) to `digits` decimals, as text without trailing zeros. */
function cut(value: number, unit: number, digits: number): string {
  const scale = 10 ** digits;
  const n = Math.trunc(Math.round((value / unit) * scale * 1e6) / 1e6) / scale;
  return trim(n.toFixed(digits));
}

/**
 * An exact figure with thousands separators (at most two decimals).
 *
 * @example
 * exactFigure(19987) // => '19,987'
 */
export function exactFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The short form of reports, never rounded up: below 1万 exact, then 万 and 亿 with at most two
 * decimals cut off, not rounded (English: K, M, B).
 *
 * @example
 * shortFigure(19987) // => '1.99万' (never '2万')
 * shortFigure(11200) // => '1.12万'
 * shortFigure(3500) // => '3,500'
 * shortFigure(19987, 'en') // => '19.9K'
 */
export function shortFigure(value: number, locale: FigureLocale = 'zh-CN'): string {
  const abs = Math.abs(value);
  if (locale === 'en') {
    if (abs >= 1e9) return `${cut(value, 1e9, 2)}B`;
    if (abs >= 1e6) return `${cut(value, 1e6, 2)}M`;
    if (abs >= 1e4) return `${cut(value, 1e3, 1)}K`;
    return exactFigure(value);
  }
  if (abs >= 1e8) return `${cut(value, 1e8, 2)}亿`;
  if (abs >= 1e4) return `${cut(value, 1e4, 2)}万`;
  return exactFigure(value);
}

/** An actual and its target as text, in the same form. */
export interface FigurePair {
  actual: string;
  target: string | null;
  /** True when both are exact because the short forms would blur how close they are. */
  exact: boolean;
}

/**
 * An actual and its target in forms that keep the comparison honest: the short forms when they
 * are far apart, both exact when they are within {@link CLOSE_GAP} of each other or when their
 * short forms would read equal or the wrong way round.
 *
 * @example
 * figurePair(19_987, 21_000) // => { actual: '19,987', target: '21,000', exact: true }
 * figurePair(8_400, 11_200) // => { actual: '8,400', target: '1.12万', exact: false }
 * figurePair(52_000, null) // => { actual: '5.2万', target: null, exact: false }
 */
export function figurePair(
  actual: number,
  target: number | null,
  locale: FigureLocale = 'zh-CN',
): FigurePair {
  const a = shortFigure(actual, locale);
  if (target === null) return { actual: a, target: null, exact: false };
  const t = shortFigure(target, locale);
  const close = target > 0 && Math.abs(actual - target) / target < CLOSE_GAP;
  const blurred = actual !== target && a === t;
  if (close || blurred)
    return { actual: exactFigure(actual), target: exactFigure(target), exact: true };
  return { actual: a, target: t, exact: false };
}

/**
 * Where a target stands: during the year against the time elapsed (`behind` / `on_track`), once
 * the year is over a verdict (`done` / `missed`); null without a target.
 *
 * @example
 * targetVerdict(70, 75) // => 'behind'
 * targetVerdict(99.9, 100) // => 'missed' (未完成, not 落后于时间进度)
 * targetVerdict(100, 100) // => 'done'
 * targetVerdict(null, 100) // => null
 */
export function targetVerdict(
  progressPct: number | null,
  timeElapsedPct: number,
): 'done' | 'missed' | 'behind' | 'on_track' | null {
  if (progressPct === null) return null;
  if (progressPct >= 100) return 'done';
  if (timeElapsedPct >= 100) return 'missed';
  return progressPct < timeElapsedPct ? 'behind' : 'on_track';
}
