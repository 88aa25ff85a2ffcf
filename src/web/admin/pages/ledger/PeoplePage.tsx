import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { LedgerListPage, useLedgerList } from './LedgerListPage';
import { belowScope, useCodeName } from './names';
import { PeopleFilters } from './PeopleFilters';
import { PersonForm } from './PersonForm';
import { StatusTag } from './StatusTag';
import type { Person, PersonList } from './types';

const DEFAULT_HIDDEN = ['birthDate', 'education', 'skills', 'hukou'];
const FILTERS = ['q', 'region', 'category', 'status', 'education', 'returnedFrom', 'returnedTo'];

/** 人员台账: people in the scope, with filters, Chinese search, sorting, paging and column choice. */
export function PeoplePage() {
  const t = useT();
  const { can } = useSession();
  const codeName = useCodeName();
  const ledger = useLedgerList<PersonList>('/api/people', FILTERS);
  const { sorted, scopeLabel } = ledger;
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

  return (
    <LedgerListPage<Person>
      ledger={ledger}
      columns={all}
      title={t('ledger.person.title')}
      createLabel={t('ledger.person.create')}
      canCreate={can('person.write')}
      columnsStorageKey="fx.ledger.people.columns"
      defaultHidden={DEFAULT_HIDDEN}
      filters={<PeopleFilters list={ledger.list} />}
      testId="people-table"
      unit="person"
      emptyText={t('ledger.person.empty')}
      searchHelp={t('ledger.person.searchHelp')}
      detailPath="/ledger/people"
      Form={PersonForm}
    />
  );
}
