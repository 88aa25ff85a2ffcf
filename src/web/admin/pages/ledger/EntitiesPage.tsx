import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import './ledger.css';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import { LedgerTable } from './LedgerTable';
import { ColumnSettings, useHiddenColumns } from './ColumnSettings';
import { EntityFilters } from './EntityFilters';
import { EntityForm } from './EntityForm';
import { belowScope, useCodeName, useIndustryName, useIssueText } from './names';
import type { Entity, EntityList } from './types';
import { sortOrderOf, useListParams } from './useListParams';

const DEFAULT_HIDDEN = [
  'employees',
  'jobsPoverty',
  'capital',
  'products',
  'updatedAt',
  'park',
  'foundedOn',
];
// prettier-ignore
const FILTERS = ['q', 'region', 'type', 'industry', 'aboveScale', 'isWorkshop', 'isEcommerce', 'parkOrgId', 'foundedFrom', 'foundedTo'];
const wan = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));

/** 市场主体台账: entities in the scope, with filters, search, sorting, paging and column choice. */
export function EntitiesPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const codeName = useCodeName();
  const industry = useIndustryName();
  const issueText = useIssueText();
  const { current } = useRegionScope();
  const list = useListParams();
  const { get, page, pageSize, params } = list;
  const [creating, setCreating] = useState(false);
  const [hidden, setHidden] = useHiddenColumns('fx.ledger.entities.columns', DEFAULT_HIDDEN);
  const sort = get('sort');
  const scopeLabel = get('regionLabel') ?? current?.label;
  const order = get('order');

  const entities = useRequest(
    () =>
      api<EntityList>('/api/entities', {
        query: {
          ...Object.fromEntries(FILTERS.map((k) => [k, get(k)])),
          region: get('region') ?? current?.code,
          sort,
          order,
          page,
          pageSize,
        },
      }),
    [params.toString(), current?.code],
  );

  const sorted = (key: string) => ({ sorter: true, sortOrder: sortOrderOf(key, sort, order) });
  const all: ColumnsType<Entity> = [
    {
      title: t('le.name'),
      key: 'name',
      fixed: 'left',
      width: 220,
      ...sorted('name'),
      render: (_, e) => <Link to={`/ledger/entities/${e.id}`}>{e.name}</Link>,
    },
    {
      title: t('le.creditCode'),
      key: 'creditCode',
      width: 180,
      className: 'fx-mono',
      render: (_, e) => (
        <Space size={4}>
          {e.creditCode}
          {!e.creditCodeChecksumValid && (
            <Tooltip title={issueText('CREDIT_CODE_CHECKSUM')}>
              <WarningOutlined style={{ color: '#faad14' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('le.type'),
      key: 'type',
      width: 100,
      render: (_, e) => codeName('entityType', e.type),
    },
    {
      title: t('le.industryCode'),
      key: 'industry',
      ellipsis: true,
      width: 150,
      render: (_, e) => industry(e.industryCode),
    },
    {
      title: t('le.regionCode'),
      key: 'region',
      width: 120,
      ellipsis: true,
      render: (_, e) => belowScope(e.regionName, scopeLabel),
    },
    {
      title: t('le.parkOrgId'),
      key: 'park',
      width: 140,
      ellipsis: true,
      render: (_, e) => e.parkName ?? '—',
    },
    {
      title: t('le.foundedOn'),
      key: 'foundedOn',
      width: 110,
      ...sorted('foundedOn'),
      render: (_, e) => e.foundedOn ?? '—',
    },
    {
      title: t('le.employees'),
      key: 'employees',
      width: 90,
      align: 'right',
      dataIndex: 'employees',
    },
    {
      title: t('le.jobsCreated'),
      key: 'jobsCreated',
      width: 100,
      align: 'right',
      ...sorted('jobsCreated'),
      dataIndex: 'jobsCreated',
    },
    {
      title: t('le.jobsPoverty'),
      key: 'jobsPoverty',
      width: 110,
      align: 'right',
      dataIndex: 'jobsPoverty',
    },
    {
      title: t('le.registeredCapitalWan'),
      key: 'capital',
      width: 120,
      align: 'right',
      render: (_, e) => wan(e.registeredCapitalWan),
    },
    {
      title: t('le.annualRevenueWan'),
      key: 'annualRevenueWan',
      width: 130,
      align: 'right',
      ...sorted('annualRevenueWan'),
      render: (_, e) => wan(e.annualRevenueWan),
    },
    {
      title: t('ledger.entity.flags'),
      key: 'flags',
      width: 130,
      render: (_, e) => (
        <>
          {e.aboveScale && <Tag color="red">{t('le.aboveScale')}</Tag>}
          {e.isWorkshop && <Tag color="blue">{t('ledger.entity.workshop')}</Tag>}
          {e.isEcommerce && <Tag color="purple">{t('ledger.entity.ecommerce')}</Tag>}
        </>
      ),
    },
    {
      title: t('le.products'),
      key: 'products',
      ellipsis: true,
      render: (_, e) => e.products || '—',
    },
    {
      title: t('ledger.updatedAt'),
      key: 'updatedAt',
      width: 150,
      ...sorted('updatedAt'),
      render: (_, e) => formatTime(e.updatedAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 60,
      fixed: 'right',
      render: (_, e) => <Link to={`/ledger/entities/${e.id}`}>{t('common.view')}</Link>,
    },
  ];
  const fixed = new Set(['name', 'actions']);
  const columns = all.filter((c) => !hidden.has(String(c.key)));
  const filtered = FILTERS.some((k) => get(k));

  return (
    <>
      <PageHead
        title={t('ledger.entity.title')}
        extra={
          <Space>
            <ColumnSettings
              columns={all.map((c) => ({
                key: String(c.key),
                title: typeof c.title === 'string' ? c.title : String(c.key),
                fixed: fixed.has(String(c.key)),
              }))}
              hidden={hidden}
              onChange={setHidden}
              defaultHidden={DEFAULT_HIDDEN}
            />
            {can('entity.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('ledger.entity.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small">
        <EntityFilters list={list} />
        {!get('region') && current && (
          <Typography.Paragraph type="secondary" style={{ margin: '-8px 0 8px' }}>
            {t('common.withinRegion', { region: current.label })}
          </Typography.Paragraph>
        )}
        <ErrorAlert error={entities.error} />
        <LedgerTable<Entity>
          testId="entities-table"
          list={list}
          columns={columns}
          items={entities.data?.items}
          total={entities.data?.total}
          loading={entities.loading}
          emptyText={filtered ? t('ledger.emptyFiltered') : t('ledger.entity.empty')}
        />
      </Card>
      {creating && (
        <EntityForm
          onClose={() => setCreating(false)}
          onSaved={(e) => {
            setCreating(false);
            void navigate(`/ledger/entities/${e.id}`);
          }}
        />
      )}
    </>
  );
}
