import type { ChartOption } from './echarts';
import { formatAxis, type NumberLocale } from './numbers';

/**
 * The grid and axes of a horizontal bar chart: values along the bottom in short numbers, one
 * category a row with its name cut at `labelWidth`, room on the right for the bars' labels.
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
      axisLabel: { width: labelWidth, overflow: 'truncate' },
    },
  };
}
