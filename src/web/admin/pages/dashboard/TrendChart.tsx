import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Chart } from './Chart';
import type { ChartOption } from './echarts';
import { IndicatorSelect } from './IndicatorSelect';
import { formatAxis, formatExact, formatShort, niceCeil } from './numbers';
import type { DashboardData, IndicatorCode } from './types';

interface Props {
  data: DashboardData;
  focus: IndicatorCode;
  onFocus: (code: IndicatorCode) => void;
}

const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * The year's months for one indicator: a flow as bars of each month's new figure with the
 * running total as a line, a stock as its month-end level; the target as a dashed line.
 */
export function TrendChart({ data, focus, onFocus }: Props) {
  const { t, locale } = useI18n();
  const head = data.headline.find((h) => h.indicator === focus);
  const values = data.trend.series.find((s) => s.indicator === focus)?.values ?? [];

  const option = useMemo<ChartOption>(() => {
    const months = data.trend.months.map((m) =>
      locale === 'en' ? (MONTHS_EN[Number(m.slice(5)) - 1] ?? m) : `${Number(m.slice(5))}月`,
    );
    const target = head?.target ?? null;
    const targetLine =
      target === null
        ? undefined
        : {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed' as const, color: '#c01c28' },
            label: {
              formatter: `${t('dash.target')} ${formatShort(target, locale)}`,
              position: 'insideEndTop' as const,
            },
            data: [{ yAxis: target }],
          };
    const flow = head?.kind === 'flow';
    let sum = 0;
    const running = values.map((v) => (sum += v));
    const tooltip: ChartOption['tooltip'] = {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatExact(v) : String(v)),
    };
    return {
      tooltip,
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatAxis(v, locale) },
        minInterval: 1,
        // The target line stays inside the chart, on a round maximum.
        max:
          target !== null ? (v: { max: number }) => niceCeil(Math.max(v.max, target)) : undefined,
      },
      series: flow
        ? [
            { type: 'bar', name: t('dash.monthNew'), data: values, barMaxWidth: 28 },
            {
              type: 'line',
              name: t('dash.yearToDate'),
              data: running,
              markLine: targetLine,
            },
          ]
        : [
            {
              type: 'line',
              name: t('dash.monthEnd'),
              data: values,
              areaStyle: { opacity: 0.12 },
              markLine: targetLine,
            },
          ],
    };
  }, [data, focus, locale, head, values, t]);

  return (
    <Card
      size="small"
      title={t('dash.trend')}
      extra={<IndicatorSelect items={data.headline} value={focus} onChange={onFocus} />}
    >
      {data.trend.months.length === 0 ? (
        <Empty description={t('dash.noMonths')} />
      ) : (
        <Chart option={option} height={300} testId="trend-chart" />
      )}
    </Card>
  );
}
