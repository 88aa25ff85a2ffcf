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

/** The pale bar behind each figure: its target. */
const TARGET_COLOR = '#dbe7f6';

/**
 * What the ranking's bars mean, above the chart: the pale bar is the target, the dark one the
 * figure (blue on schedule, red behind it — or, once the year is over, short of the target), and
 * the number at the end of a bar its progress. Only the entries the chart shows.
 */
export function RankingLegend({ items, elapsed }: { items: RankingItem[]; elapsed: number }) {
  const { t } = useI18n();
  const withTargets = items.some((r) => r.target !== null);
  const entries: [string, string][] = [
    ...(withTargets ? [[TARGET_COLOR, t('dash.legendTarget')] as [string, string]] : []),
    [
      PRIMARY_COLOR,
      !withTargets
        ? t('dash.actual')
        : elapsed >= 100
          ? t('dash.legendDone')
          : t('dash.legendActual'),
    ],
    ...(items.some((r) => r.behind)
      ? [
          [BEHIND_COLOR, elapsed >= 100 ? t('dash.legendMissed') : t('dash.legendBehind')] as [
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <div className="fx-legend" data-testid="ranking-legend">
      {entries.map(([color, label]) => (
        <span key={label} className="fx-legend-item">
          <i style={{ background: color }} aria-hidden />
          {label}
        </span>
      ))}
      {withTargets && <span className="fx-legend-note">{t('dash.legendLabel')}</span>}
    </div>
  );
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
        { labelWidth: 160, right: 64, clickable: Boolean(onPick) },
      ),
      series: [
        ...(withTargets
          ? [
              {
                type: 'bar' as const,
                name: t('dash.target'),
                data: rows.map((r) => r.target ?? 0),
                itemStyle: { color: TARGET_COLOR },
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
