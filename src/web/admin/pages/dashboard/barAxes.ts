import type { ChartOption } from './echarts';
import { formatAxis, type NumberLocale } from './numbers';

/** Pixels per character of a 12 px category label (CJK glyphs are square; Latin ones narrower). */
const CHAR_PX = 12.5;

/**
 * The grid and axes of a horizontal bar chart: values along the bottom in short numbers, one
 * category a row with its whole name — as wide as the longest needs, up to `labelWidth`, beyond
 * which it wraps onto a second line rather than being cut — and room on the right for the bars'
 * labels.
 *
 * @example
 * const option = { ...barAxes(rows.map((r) => r.name), locale, { labelWidth: 150, right: 56 }), series };
 */
export function barAxes(
  names: string[],
  locale: NumberLocale,
  {
    labelWidth,
    right,
    clickable = false,
  }: { labelWidth: number; right: number; clickable?: boolean },
): Pick<ChartOption, 'grid' | 'xAxis' | 'yAxis'> {
  return {
    grid: { left: 8, right, top: 8, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatAxis(v, locale) },
    },
    yAxis: {
      type: 'category',
      data: names,
      axisTick: { show: false },
      triggerEvent: clickable,
      axisLabel: {
        fontSize: 12,
        lineHeight: 13,
        width: Math.min(labelWidth, Math.max(24, ...names.map((n) => n.length * CHAR_PX))),
        overflow: 'break',
      },
    },
  };
}
