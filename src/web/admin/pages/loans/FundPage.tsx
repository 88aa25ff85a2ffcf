import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatPercent, formatYuan } from '../../../shared/amount-input';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { RegionCascader } from '../../components/RegionCascader';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { type RegionChoice, useRegionScope } from '../../layout/RegionScope';
import type { Fund } from './types';

const yuan = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);
const rate = (bp: number | null) => (bp === null ? '—' : formatPercent(bp));
const LEVEL_TYPE = { normal: 'success', warning: 'warning', stopped: 'error' } as const;

/**
 * 担保基金: deposits by source, balance, guaranteed balance against the multiple, overdue and
 * 代偿 rates with the configured warning thresholds. The region is picked within the user's scope
 * (the console's region picker), starting from the region chosen in the header.
 */
export function FundPage() {
  const { t, locale } = useI18n();
  const { roots, current } = useRegionScope();
  const [picked, setPicked] = useState<RegionChoice | null>(null);
  const region = (picked ?? current)?.code ?? null;
  const fund = useRequest(
    () =>
      region ? api<Fund>('/api/guarantee-fund', { query: { region } }) : Promise.resolve(undefined),
    [region],
  );
  const f = fund.data;
  return (
    <>
      <PageHead title={t('fund.title')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <label htmlFor="fund-region">{t('fund.region')}</label>
        <RegionCascader
          id="fund-region"
          roots={roots}
          style={{ width: 360 }}
          value={picked ?? current}
          onChange={(choice) => choice && setPicked(choice)}
        />
      </Space>
      <ErrorAlert error={fund.error} />
      {f && (
        <div data-testid="fund-page">
          <Alert
            type={LEVEL_TYPE[f.level]}
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`fund.level.${f.level}`)}
            description={
              f.reasons.length ? (
                <ul style={{ margin: 0 }}>
                  {f.reasons.map((r) => (
                    <li key={r.code}>{locale === 'en' ? r.en : r.zh}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
          <Row gutter={16}>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('fund.balance')} value={yuan(f.balanceFen)} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('fund.guaranteed')} value={yuan(f.guaranteedBalanceFen)} />
                <Typography.Text type="secondary">
                  {t('fund.capacity')}：{yuan(f.capacityFen)}
                </Typography.Text>
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('fund.overdueRate')} value={rate(f.overdueRateBp)} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('fund.compensationRate')} value={rate(f.compensationRateBp)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('fund.bySource')} style={{ marginTop: 16 }}>
            {Object.entries(f.bySource).map(([k, v]) => (
              <Tag key={k}>
                {t(`fund.source.${k === 'unemployment_insurance' || k === 'fiscal' ? k : 'other'}`)}
                ：{yuan(v)}
              </Tag>
            ))}
          </Card>
          <Card size="small" title={t('fund.deposits')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              dataSource={f.deposits}
              columns={[
                { title: t('subsidy.paidOn'), dataIndex: 'date' },
                {
                  title: t('fund.source'),
                  dataIndex: 'source',
                  render: (k: string) =>
                    t(
                      `fund.source.${k === 'unemployment_insurance' || k === 'fiscal' ? k : 'other'}`,
                    ),
                },
                {
                  title: t('subsidy.amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: yuan,
                },
                { title: t('subsidy.document'), dataIndex: 'document' },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}
