import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { Breakdowns } from './Breakdowns';
import './dashboard.css';
import { YearSelect } from './YearSelect';
import { ExportButton } from './ExportButton';
import { HeadlineCards } from './HeadlineCards';
import { LoanSection } from './LoanSection';
import { formatPct } from './numbers';
import { RankingPanel } from './RankingPanel';
import { RegionTrail } from './RegionTrail';
import { TrendChart } from './TrendChart';
import type { DashboardData, IndicatorCode } from './types';
import { useShownRegion, useYear } from './useShownRegion';

/** Levels whose regions below may be opened: the drill-down goes down to townships. */
const DRILLABLE = new Set(['nation', 'province', 'city', 'county']);

/**
 * 驾驶舱: a region's figures against its targets for a year — headline cards, the monthly
 * trend, the regions below ranked (click one to drill down), breakdowns, the quarterly export.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { code, root } = useShownRegion();
  const [year, setYear] = useYear();
  const [focus, setFocus] = useState<IndicatorCode>('new_entrepreneurs');

  const dash = useRequest(
    () =>
      code && root
        ? api<DashboardData>(`/api/dashboards/${code}`, { query: { year } })
        : Promise.resolve(undefined),
    [code, root, year],
  );
  const data = dash.data?.region.code === code && dash.data.year === year ? dash.data : undefined;

  if (code && !root) {
    return <Result status="403" title={t('dash.outOfScope')} subTitle={t('dash.outOfScopeHint')} />;
  }
  const qs = params.toString();
  const drill = (child: string) => void navigate(`/stats/dashboard/${child}${qs ? `?${qs}` : ''}`);

  return (
    <div className="fx-dashboard" data-testid="dashboard">
      <PageHead
        title={
          <span>
            {t('dash.title')}
            {data && (
              <span className="fx-dash-region">{data.region.pathName || t('region.nation')}</span>
            )}
          </span>
        }
        extra={
          <Space wrap>
            <YearSelect id="dashboard-year" value={year} onChange={setYear} />
            {code && can('ledger.export') && <ExportButton regionCode={code} year={year} />}
            <Button icon={<ReloadOutlined />} onClick={dash.reload} aria-label={t('dash.reload')} />
          </Space>
        }
      />
      {code && root && <RegionTrail code={code} root={root} />}
      <ErrorAlert error={dash.error} />
      {!data && dash.loading && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="dash-asof">
            {t('dash.asOf', {
              asOf: data.asOf,
              through: data.through,
              elapsed: formatPct(data.timeElapsedPct),
            })}
          </Typography.Text>
          <HeadlineCards
            items={data.headline}
            timeElapsedPct={data.timeElapsedPct}
            focus={focus}
            onFocus={setFocus}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <TrendChart data={data} focus={focus} onFocus={setFocus} />
            </Col>
            <Col xs={24} xl={12}>
              {DRILLABLE.has(data.region.level) ? (
                <RankingPanel data={data} focus={focus} onFocus={setFocus} onDrill={drill} />
              ) : (
                <Card size="small" title={t('dash.rankingNone')}>
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t('dash.lowestLevel')}
                    data-testid="ranking-lowest"
                  />
                </Card>
              )}
            </Col>
          </Row>
          <LoanSection data={data} onDrill={DRILLABLE.has(data.region.level) ? drill : undefined} />
          <Breakdowns data={data} />
        </Space>
      )}
    </div>
  );
}
