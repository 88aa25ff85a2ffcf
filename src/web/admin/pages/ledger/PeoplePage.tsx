import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
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
import { belowScope, useCodeName } from './names';
import { PeopleFilters } from './PeopleFilters';
import { PersonForm } from './PersonForm';
import { StatusTag } from './StatusTag';
import type { Person, PersonList } from './types';
import { sortOrderOf, useListParams } from './useListParams';

const DEFAULT_HIDDEN = ['birthDate', 'education', 'skills', 'hukou'];
const FILTERS = ['q', 'region', 'category', 'status', 'education', 'returnedFrom', 'returnedTo'];

/** 人员台账: people in the scope, with filters, Chinese search, sorting, paging and column choice. */
export function PeoplePage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const codeName = useCodeName();
  const { current } = useRegionScope();
  const list = useListParams();
  const { get, page, pageSize, params } = list;
  const [creating, setCreating] = useState(false);
  const [hidden, setHidden] = useHiddenColumns('fx.ledger.people.columns', DEFAULT_HIDDEN);
  const sort = get('sort');
  const scopeLabel = get('regionLabel') ?? current?.label;
  const order = get('order');

  const people = useRequest(
    () =>
      api<PersonList>('/api/people', {
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
  const all: ColumnsType<Person> = [
    {
      title: t('lp.name'),
      key: 'name',
      fixed: 'left',
      width: 100,
      ...sorted('name'),
      render: (_, p) => <Link to={`/ledger/people/${p.id}`}>{p.name}</Link>,
    },
    { title: t('lp.sex'), key: 'sex', width: 60, render: (_, p) => codeName('sex', p.sex) },
    {
      title: t('lp.birthDate'),
      key: 'birthDate',
      dataIndex: 'birthDate',
      width: 110,
      ...sorted('birthDate'),
    },
    {
      title: t('lp.idNumber'),
      key: 'idNumber',
      dataIndex: 'idNumberMasked',
      width: 170,
      className: 'fx-mono',
    },
    {
      title: t('lp.mobile'),
      key: 'mobile',
      width: 120,
      className: 'fx-mono',
      render: (_, p) => p.mobileMasked ?? '—',
    },
    {
      title: t('lp.categories'),
      key: 'categories',
      width: 160,
      render: (_, p) => p.categories.map((c) => <Tag key={c}>{codeName('category', c)}</Tag>),
    },
    {
      title: t('lp.status'),
      key: 'status',
      width: 90,
      render: (_, p) => <StatusTag status={p.status} />,
    },
    {
      title: t('lp.ledgerRegionCode'),
      key: 'region',
      width: 140,
      ellipsis: true,
      render: (_, p) => belowScope(p.ledgerRegionName, scopeLabel),
    },
    {
      title: t('lp.hukouRegionCode'),
      key: 'hukou',
      width: 140,
      ellipsis: true,
      render: (_, p) => belowScope(p.hukouRegionName, scopeLabel),
    },
    {
      title: t('lp.education'),
      key: 'education',
      width: 110,
      render: (_, p) => codeName('education', p.education),
    },
    {
      title: t('lp.returnDate'),
      key: 'returnDate',
      width: 110,
      ...sorted('returnDate'),
      render: (_, p) => p.returnDate ?? '—',
    },
    {
      title: t('lp.skills'),
      key: 'skills',
      width: 160,
      ellipsis: true,
      render: (_, p) => p.skills || '—',
    },
    {
      title: t('ledger.updatedAt'),
      key: 'updatedAt',
      width: 130,
      ...sorted('updatedAt'),
      render: (_, p) => formatTime(p.updatedAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 60,
      fixed: 'right',
      render: (_, p) => <Link to={`/ledger/people/${p.id}`}>{t('common.view')}</Link>,
    },
  ];
  const fixed = new Set(['name', 'actions']);
  const columns = all.filter((c) => !hidden.has(String(c.key)));
  const filtered = FILTERS.some((k) => get(k));

  return (
    <>
      <PageHead
        title={t('ledger.person.title')}
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
            {can('person.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('ledger.person.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small">
        <PeopleFilters list={list} />
        {!get('region') && current && (
          <Typography.Paragraph type="secondary" style={{ margin: '-8px 0 8px' }}>
            {t('common.withinRegion', { region: current.label })}
          </Typography.Paragraph>
        )}
        <ErrorAlert error={people.error} />
        <LedgerTable<Person>
          testId="people-table"
          list={list}
          columns={columns}
          items={people.data?.items}
          total={people.data?.total}
          loading={people.loading}
          emptyText={filtered ? t('ledger.emptyFiltered') : t('ledger.person.empty')}
        />
      </Card>
      {creating && (
        <PersonForm
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            void navigate(`/ledger/people/${p.id}`);
          }}
        />
      )}
    </>
  );
}
