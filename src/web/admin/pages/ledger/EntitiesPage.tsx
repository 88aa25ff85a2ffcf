import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { EntityFilters } from './EntityFilters';
import { EntityForm } from './EntityForm';
import { LedgerListPage, useLedgerList } from './LedgerListPage';
import { belowScope, useCodeName, useIndustryName, useIssueText } from './names';
import type { Entity, EntityList } from './types';

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
  const codeName = useCodeName();
  const industry = useIndustryName();
  const issueText = useIssueText();
  const ledger = useLedgerList<EntityList>('/api/entities', FILTERS);
  const { sorted, scopeLabel } = ledger;
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

  return (
    <LedgerListPage<Entity>
      ledger={ledger}
      columns={all}
      title={t('ledger.entity.title')}
      createLabel={t('ledger.entity.create')}
      canCreate={can('entity.write')}
      columnsStorageKey="fx.ledger.entities.columns"
      defaultHidden={DEFAULT_HIDDEN}
      filters={<EntityFilters list={ledger.list} />}
      testId="entities-table"
      unit="entity"
      emptyText={t('ledger.entity.empty')}
      detailPath="/ledger/entities"
      Form={EntityForm}
    />
  );
}
