import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { Org, OrgList, OrgType } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import { OrgFormModal } from './OrgFormModal';

/** 机构管理: departments, banks, guarantee agencies, parks… within the region being looked at. */
export function OrgsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { current } = useRegionScope();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Org | 'new' | null>(null);

  const types = useRequest(() => api<{ items: OrgType[] }>('/api/org-types'), []);
  const list = useRequest(
    () =>
      api<OrgList>('/api/orgs', {
        query: { q: q || undefined, type, region: current?.code, page, pageSize },
      }),
    [q, type, page, pageSize, current?.code],
  );
  const typeOptions = (types.data?.items ?? []).map((x) => ({
    value: x.code,
    label: locale === 'en' ? x.nameEn : x.nameZh,
  }));

  const columns = [
    { title: t('orgs.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('orgs.type'),
      key: 'type',
      render: (_: unknown, o: Org) => (locale === 'en' ? o.typeNameEn : o.typeNameZh),
    },
    { title: t('orgs.region'), dataIndex: 'regionName', key: 'region' },
    {
      title: t('orgs.creditCode'),
      key: 'credit',
      render: (_: unknown, o: Org) =>
        o.creditCode ? (
          <Space size={4}>
            <Typography.Text copyable>{o.creditCode}</Typography.Text>
            {o.creditCodeChecksumValid === false && (
              <Tooltip title={t('orgs.checksumWarning')}>
                <WarningOutlined style={{ color: '#faad14' }} />
              </Tooltip>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('orgs.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updated',
      render: (v: string) => formatTime(v),
    },
    ...(can('org.manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, o: Org) => (
              <Button type="link" size="small" onClick={() => setEditing(o)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHead
        title={t('orgs.title')}
        extra={
          can('org.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="fx-filters">
          <Input.Search
            placeholder={t('orgs.searchPlaceholder')}
            allowClear
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t('orgs.typeFilter')}
            style={{ width: 200 }}
            value={type}
            options={typeOptions}
            onChange={(v: string | undefined) => {
              setType(v);
              setPage(1);
            }}
          />
          {current && (
            <Typography.Text type="secondary">
              {t('common.withinRegion', { region: current.label })}
            </Typography.Text>
          )}
        </Space>
        <ErrorAlert error={list.error} />
        <Table<Org>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {editing && (
        <OrgFormModal
          org={editing === 'new' ? null : editing}
          typeOptions={typeOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
