import { Card, Col, Empty, Row, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { barAxes } from './barAxes';
import { Chart } from './Chart';
import type { ChartOption } from './echarts';
import { formatAxis, formatExact, formatPct } from './numbers';
import type { Breakdown, DashboardData, Headline, IndicatorCode } from './types';

type Shape = 'pie' | 'bars';

interface PanelProps {
  breakdown: Breakdown;
  headline: Headline[];
  shape: Shape;
}

function BreakdownPanel({ breakdown, headline, shape }: PanelProps) {
  const { t, locale } = useI18n();
  const first = breakdown.indicators[0];
  const [picked, setPicked] = useState<IndicatorCode | undefined>(first);
  const indicator = picked && breakdown.indicators.includes(picked) ? picked : first;
  const head = headline.find((h) => h.indicator === indicator);
  const unit = head ? (locale === 'en' ? head.unitEn : head.unitZh) : '';
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);

  const rows = useMemo(
    () =>
      breakdown.rows
        .map((r) => ({ name: name(r), value: indicator ? (r.values[indicator] ?? 0) : 0 }))
        .filter((r) => r.value !== 0)
        .sort((a, b) => b.value - a.value),
    [breakdown, indicator, locale],
  );
  const total = rows.reduce((n, r) => n + r.value, 0);

  const option = useMemo<ChartOption>(() => {
    if (shape === 'pie') {
      return {
        tooltip: {
          trigger: 'item',
          formatter: (p) => {
            const x = p as { name: string; value: number; percent: number };
            return `${x.name}<br/>${formatExact(x.value)} ${unit}（${formatPct(x.percent)}）`;
          },
        },
        legend: { type: 'plain', orient: 'vertical', right: 8, top: 'middle' },
        series: [
          {
            type: 'pie',
            radius: ['42%', '70%'],
            center: ['36%', '50%'],
            avoidLabelOverlap: true,
            label: { formatter: (p) => formatPct((p as { percent: number }).percent) },
            data: rows,
          },
        ],
      };
    }
    const shown = rows.slice(0, 12).reverse();
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? `${formatExact(v)} ${unit}` : String(v)),
      },
      ...barAxes(
        shown.map((r) => r.name),
        locale,
        { labelWidth: 200, right: 56 },
      ),
      series: [
        {
          type: 'bar',
          name: head ? name(head) : '',
          data: shown.map((r) => r.value),
          barMaxWidth: 16,
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            formatter: (p) => formatAxis(Number((p as { value: number }).value), locale),
          },
        },
      ],
    };
  }, [rows, shape, unit, locale, head]);

  const height = shape === 'pie' ? 260 : Math.max(200, Math.min(rows.length, 12) * 26 + 40);
  return (
    <Card
      size="small"
      className="fx-fill"
      title={name(breakdown)}
      data-testid={`breakdown-${breakdown.dimension}`}
      extra={
        breakdown.indicators.length > 1 && (
          <Segmented<IndicatorCode>
            size="small"
            value={indicator}
            onChange={setPicked}
            options={breakdown.indicators.map((code) => {
              const h = headline.find((x) => x.indicator === code);
              return { value: code, label: h ? name(h) : code };
            })}
          />
        )
      }
    >
      {total === 0 ? (
        <Empty description={t('dash.noBreakdown')} />
      ) : (
        <Chart option={option} height={height} />
      )}
    </Card>
  );
}

/** The figures by person category, entity type and industry section. */
export function Breakdowns({ data }: { data: DashboardData }) {
  const shapeOf = (b: Breakdown): Shape => (b.dimension === 'entity_type' ? 'pie' : 'bars');
  const spanOf = (b: Breakdown) => (b.dimension === 'industry_section' ? 24 : 12);
  return (
    <Row gutter={[12, 12]}>
      {data.breakdowns.map((b) => (
        <Col key={b.dimension} xs={24} xl={spanOf(b)}>
          <BreakdownPanel breakdown={b} headline={data.headline} shape={shapeOf(b)} />
        </Col>
      ))}
    </Row>
  );
}
