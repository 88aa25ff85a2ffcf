import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { barAxes } from './barAxes';
import { Chart } from './Chart';
import { BEHIND_COLOR, PRIMARY_COLOR } from './colors';
import type { ChartOption } from './echarts';
import { formatAxis, formatExact, formatPct } from './numbers';
import type { RankingItem } from './types';

interface Props {
  items: RankingItem[];
  unit: string;
  onPick?: (item: RankingItem) => void;
}

/**
 * The regions below as horizontal bars, first at the top: the figure over a pale bar of the
 * target, labelled with the progress (red when behind the time elapsed).
 */
export function RankingChart({ items, unit, onPick }: Props) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => [...items].reverse(), [items]);
  const withTargets = rows.some((r) => r.target !== null);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps) => {
          const p = (Array.isArray(ps) ? ps[0] : ps) as { dataIndex: number } | undefined;
          const r = p ? rows[p.dataIndex] : undefined;
          if (!r) return '';
          const lines = [
            `<b>${r.regionName}</b>`,
            `${t('dash.actual')}：${formatExact(r.actual)} ${unit}`,
          ];
          if (r.target !== null) {
            lines.push(`${t('dash.target')}：${formatExact(r.target)} ${unit}`);
            lines.push(`${t('dash.progress')}：${formatPct(r.progressPct)}`);
          }
          return lines.join('<br/>');
        },
      },
      ...barAxes(
        rows.map((r) => r.regionName),
        locale,
        { labelWidth: 120, right: 64, clickable: Boolean(onPick) },
      ),
      series: [
        ...(withTargets
          ? [
              {
                type: 'bar' as const,
                name: t('dash.target'),
                data: rows.map((r) => r.target ?? 0),
                itemStyle: { color: '#dbe7f6' },
                barGap: '-100%',
                barMaxWidth: 16,
                silent: false,
              },
            ]
          : []),
        {
          type: 'bar' as const,
          name: t('dash.actual'),
          barMaxWidth: 16,
          data: rows.map((r) => ({
            value: r.actual,
            itemStyle: { color: r.behind ? BEHIND_COLOR : PRIMARY_COLOR },
          })),
          label: {
            show: true,
            position: 'right' as const,
            fontSize: 11,
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex];
              if (!r) return '';
              return r.progressPct !== null
                ? formatPct(r.progressPct)
                : formatAxis(r.actual, locale);
            },
          },
        },
      ],
    }),
    [rows, unit, withTargets, locale, t, onPick],
  );

  return (
    <Chart
      option={option}
      height={Math.max(200, rows.length * 22 + 40)}
      testId="ranking-chart"
      rows={rows.length}
      onClick={
        onPick
          ? (e) => {
              const r = rows[e.dataIndex] ?? rows.find((x) => x.regionName === e.name);
              if (r) onPick(r);
            }
          : undefined
      }
    />
  );
}
