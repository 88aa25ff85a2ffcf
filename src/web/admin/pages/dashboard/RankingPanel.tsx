import { Button, Card, Col, Empty, Row, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useRequest } from '../../components/useRequest';
import { type Translate, useI18n } from '../../i18n/i18n';
import { IndicatorSelect } from './IndicatorSelect';
import { formatExact } from './numbers';
import { behindColumn, ProgressCell } from './ProgressCell';
import { RankingChart, RankingLegend } from './RankingChart';
import type { DashboardData, IndicatorCode, Ranking, RankingItem } from './types';

interface Props {
  data: DashboardData;
  focus: IndicatorCode;
  onFocus: (code: IndicatorCode) => void;
  /** Opens a child region's dashboard; absent where the regions below may not be opened. */
  onDrill?: (code: string) => void;
}

type View = 'chart' | 'table';

/** The regions directly below, ranked on one indicator, as bars and as a sortable table. */
export function RankingPanel({ data, focus, onFocus, onDrill }: Props) {
  const { t, locale } = useI18n();
  const [view, setView] = useView();
  const ranking = useRequest(
    () =>
      api<Ranking>(`/api/dashboards/${data.region.code}/children`, {
        query: { year: data.year, asOf: data.asOf, indicator: focus },
      }),
    [data.region.code, data.year, data.asOf, focus],
  );
  const head = data.headline.find((h) => h.indicator === focus);
  const unit = head ? (locale === 'en' ? head.unitEn : head.unitZh) : '';
  const items = ranking.data?.indicator === focus ? ranking.data.items : [];
  const elapsed = ranking.data?.timeElapsedPct ?? data.timeElapsedPct;

  const columns: ColumnsType<RankingItem> = [
    {
      title: t('dash.rank'),
      dataIndex: 'rank',
      width: 64,
      sorter: (a, b) => a.rank - b.rank,
    },
    {
      title: t('dash.region'),
      dataIndex: 'regionName',
      sorter: (a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN'),
      render: (name: string, r) =>
        onDrill ? (
          <Button
            type="link"
            size="small"
            className="fx-drill"
            onClick={() => onDrill(r.regionCode)}
          >
            {name}
          </Button>
        ) : (
          name
        ),
    },
    {
      title: t('dash.actual'),
      dataIndex: 'actual',
      align: 'right',
      sorter: (a, b) => a.actual - b.actual,
      render: (v: number) => formatExact(v),
    },
    {
      title: t('dash.target'),
      dataIndex: 'target',
      align: 'right',
      sorter: (a, b) => (a.target ?? -1) - (b.target ?? -1),
      render: (v: number | null) => (v === null ? '—' : formatExact(v)),
    },
    {
      title: t('dash.progress'),
      dataIndex: 'progressPct',
      width: 180,
      sorter: (a, b) => (a.progressPct ?? -1) - (b.progressPct ?? -1),
      render: (_: unknown, r) =>
        r.progressPct === null ? (
          <Typography.Text type="secondary">{t('dash.noTarget')}</Typography.Text>
        ) : (
          <ProgressCell progressPct={r.progressPct} timeElapsedPct={elapsed} behind={r.behind} />
        ),
    },
    behindColumn<RankingItem>(t, () => elapsed),
  ];

  return (
    <Card
      size="small"
      title={t('dash.ranking', { level: childLevelName(data.region.level, t) })}
      data-testid="ranking"
      extra={
        <Row gutter={8} wrap={false}>
          <Col>
            <IndicatorSelect items={data.headline} value={focus} onChange={onFocus} />
          </Col>
          <Col>
            <Segmented<View>
              size="small"
              value={view}
              onChange={setView}
              options={[
                { value: 'chart', label: t('dash.viewChart') },
                { value: 'table', label: t('dash.viewTable') },
              ]}
            />
          </Col>
        </Row>
      }
    >
      <ErrorAlert error={ranking.error} />
      {onDrill && items.length > 0 && (
        <Typography.Paragraph type="secondary" className="fx-hint">
          {t('dash.drillHint', { unit })}
        </Typography.Paragraph>
      )}
      {!ranking.loading && items.length === 0 && !ranking.error ? (
        <Empty description={t('dash.noChildren')} />
      ) : view === 'chart' ? (
        <>
          <RankingLegend items={items} elapsed={elapsed} />
          <RankingChart
            items={items}
            unit={unit}
            onPick={onDrill ? (r) => onDrill(r.regionCode) : undefined}
          />
        </>
      ) : (
        <Table<RankingItem>
          rowKey="regionCode"
          size="small"
          loading={ranking.loading}
          dataSource={items}
          columns={columns}
          pagination={false}
          scroll={{ y: 520 }}
        />
      )}
    </Card>
  );
}

/**
 * Chart or table, kept in the address (`view=table`) so that the browser's Back button, after a
 * drill-down, returns to the view that was left. Switching replaces the entry: it is not a step.
 */
function useView(): [View, (view: View) => void] {
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'table' ? 'table' : 'chart';
  return [
    view,
    (next) =>
      setParams(
        (p) => {
          if (next === 'table') p.set('view', 'table');
          else p.delete('view');
          return p;
        },
        { replace: true },
      ),
  ];
}

/** What the regions one level below are called in the ranking's title. */
function childLevelName(level: string, t: Translate): string {
  switch (level) {
    case 'nation':
      return t('dash.level.province');
    case 'province':
      return t('dash.level.city');
    case 'city':
      return t('dash.level.county');
    case 'county':
      return t('dash.level.township');
    default:
      return t('dash.level.region');
  }
}
