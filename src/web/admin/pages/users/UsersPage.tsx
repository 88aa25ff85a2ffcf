import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { CreatedUser, Role, User, UserList } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { formatTime } from '../../components/format';
import { PageHead } from '../../components/PageHead';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useRegionScope } from '../../layout/RegionScope';
import { useSession } from '../../session/SessionProvider';
import { CreateUserModal } from './CreateUserModal';
import { GrantRequestsCard } from './GrantRequestsCard';
import { TempPasswordModal } from './TempPasswordModal';
import { UserDrawer } from './UserDrawer';
import { UserStatus } from './UserStatus';

type StatusFilter = 'all' | 'active' | 'disabled';

/** 用户管理: accounts within the region being looked at, with search and paging. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { current } = useRegionScope();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const list = useRequest(
    () =>
      api<UserList>('/api/users', {
        query: {
          q: q || undefined,
          region: current?.code,
          disabled: status === 'all' ? undefined : String(status === 'disabled'),
          page,
          pageSize,
        },
      }),
    [q, status, page, pageSize, current?.code],
  );
  const roles = useRequest(() => api<{ items: Role[] }>('/api/roles'), []);
  const roleItems = roles.data?.items ?? [];
  const roleName = (code: string) => {
    const r = roleItems.find((x) => x.code === code);
    return r ? (locale === 'en' ? r.nameEn : r.nameZh) : code;
  };

  const columns = [
    { title: t('users.login'), dataIndex: 'login', key: 'login' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.region'),
      dataIndex: 'regionName',
      key: 'region',
      render: (v: string) => v || t('region.nation'),
    },
    {
      title: t('users.org'),
      dataIndex: 'orgName',
      key: 'org',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_: unknown, u: User) => u.roleCodes.map((c) => <Tag key={c}>{roleName(c)}</Tag>),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_: unknown, u: User) => <UserStatus user={u} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLogin',
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u: User) => (
        <Button type="link" size="small" onClick={() => setOpenId(u.id)}>
          {can('user.manage') ? t('users.manage') : t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t('users.title')}
        extra={
          can('user.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap className="fx-filters">
          <Input.Search
            placeholder={t('users.searchPlaceholder')}
            allowClear
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('users.statusEnabled') },
              { value: 'disabled', label: t('users.statusDisabled') },
            ]}
          />
          {current && (
            <Typography.Text type="secondary">
              {t('common.withinRegion', { region: current.label })}
            </Typography.Text>
          )}
        </Space>
        <ErrorAlert error={list.error} />
        <Table<User>
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
      <div style={{ marginTop: 16 }}>
        <GrantRequestsCard />
      </div>
      {creating && (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
            list.reload();
          }}
        />
      )}
      {created && (
        <TempPasswordModal
          title={t('users.created')}
          login={created.user.login}
          password={created.temporaryPassword}
          onClose={() => setCreated(null)}
        />
      )}
      {openId && (
        <UserDrawer
          id={openId}
          roles={roleItems}
          onClose={() => setOpenId(null)}
          onChanged={list.reload}
        />
      )}
    </>
  );
}
