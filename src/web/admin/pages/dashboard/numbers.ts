/**
 * Numbers the way officials write them in reports: thousands separators for exact figures,
 * 万 and 亿 for large ones (`1.12万`, `4亿`), money in 元 / 万元 / 亿元, percentages with one
 * decimal. English uses the same digits with K / M for large figures.
 *
 * @module
 */

export type NumberLocale = 'zh-CN' | 'en';

const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/**
 * An exact figure with thousands separators (at most two decimals).
 *
 * @example
 * formatExact(11200) // '11,200'
 * formatExact(1234.5) // '1,234.5'
 */
export function formatExact(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * A figure in the short form of reports: below 1万 exact, then 万 (two decimals, trailing zeros
 * dropped), then 亿. English: K and M above 10,000.
 *
 * @example
 * formatShort(11200) // '1.12万'
 * formatShort(3500) // '3,500'
 * formatShort(400000000) // '4亿'
 * formatShort(11200, 'en') // '11.2K'
 */
export function formatShort(value: number, locale: NumberLocale = 'zh-CN'): string {
  const abs = Math.abs(value);
  if (locale === 'en') {
    if (abs >= 1e9) return `${trim((value / 1e9).toFixed(2))}B`;
    if (abs >= 1e6) return `${trim((value / 1e6).toFixed(2))}M`;
    if (abs >= 1e4) return `${trim((value / 1e3).toFixed(1))}K`;
    return formatExact(value);
  }
  if (abs >= 1e8) return `${trim((value / 1e8).toFixed(2))}亿`;
  if (abs >= 1e4) return `${trim((value / 1e4).toFixed(2))}万`;
  return formatExact(value);
}

/**
 * An amount of money given in `unit` (元 or 万元), in the largest unit that reads naturally.
 *
 * @example
 * formatMoney(52000, '元') // '5.2万元'
 * formatMoney(40000, '万元') // '4亿元'
 * formatMoney(800, '元') // '800元'
 */
export function formatMoney(value: number, unit: '元' | '万元' = '元'): string {
  const yuan = unit === '万元' ? value * 1e4 : value;
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${trim((yuan / 1e8).toFixed(2))}亿元`;
  if (abs >= 1e4) return `${trim((yuan / 1e4).toFixed(2))}万元`;
  return `${formatExact(yuan)}元`;
}

/** True for the money units (元, 万元). */
export function isMoneyUnit(unit: string): unit is '元' | '万元' {
  return unit === '元' || unit === '万元';
}

/**
 * A figure with its unit: money in 元/万元/亿元, other units after the short form.
 *
 * @example
 * formatWithUnit(11200, '人') // '1.12万人'
 * formatWithUnit(40000, '万元') // '4亿元'
 * formatWithUnit(12, 'persons', 'en') // '12 persons'
 */
export function formatWithUnit(value: number, unit: string, locale: NumberLocale = 'zh-CN') {
  if (isMoneyUnit(unit)) return formatMoney(value, unit);
  const n = formatShort(value, locale);
  return locale === 'en' ? `${n} ${unit}` : `${n}${unit}`;
}

/**
 * A percentage with one decimal; `—` when unknown.
 *
 * @example
 * formatPct(97.345) // '97.3%'
 * formatPct(null) // '—'
 */
export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${trim(value.toFixed(1))}%`;
}

/** An axis label: the short form without decimals noise (`1.2万`, `500`). */
export function formatAxis(value: number, locale: NumberLocale = 'zh-CN'): string {
  const abs = Math.abs(value);
  if (locale === 'zh-CN' && abs >= 1e4 && abs < 1e8) return `${trim((value / 1e4).toFixed(1))}万`;
  return formatShort(value, locale);
}

/**
 * InputNumber's display while typing: thousands separators in the whole part.
 *
 * @example
 * groupDigits('11200') // '11,200'
 */
export function groupDigits(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  const [whole = '', frac] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** InputNumber's parser: the typed text without separators, as a number. */
export function ungroupDigits(text: string | undefined): number {
  return Number((text ?? '').replace(/[,\s]/g, ''));
}

/**
 * A round axis maximum at or above `value`: the next half step of its order of magnitude.
 *
 * @example
 * niceCeil(320) // 350
 * niceCeil(11200) // 15000
 * niceCeil(1000) // 1000
 */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}
