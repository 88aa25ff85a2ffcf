import { Button, Card, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { LockedUser, Paged } from '../../../shared/types';
import { ErrorAlert, useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';

/** Accounts locked after too many failed logins, with unlock (POST /api/users/:id/unlock). */
export function LockedUsersCard() {
  const t = useT();
  const { can } = useSession();
  const notifyError = useNotifyError();
  const [page, setPage] = useState(1);
  const list = useRequest(
    () => api<Paged<LockedUser>>('/api/security/locked-users', { query: { page, pageSize: 20 } }),
    [page],
  );

  const unlock = async (id: string) => {
    try {
      await api(`/api/users/${id}/unlock`, { method: 'POST' });
      list.reload();
    } catch (err) {
      notifyError(err);
    }
  };

  const columns = [
    { title: t('users.login'), dataIndex: 'login', key: 'login' },
    {
      title: t('users.region'),
      dataIndex: 'regionCode',
      key: 'region',
      render: (c: string) => <RegionName code={c} />,
    },
    {
      title: t('security.lockedUntil'),
      dataIndex: 'lockedUntil',
      key: 'until',
      render: (v: string) => formatTime(v),
    },
    ...(can('security.manage')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: LockedUser) => (
              <Popconfirm
                title={t('security.unlockConfirm', { login: u.login })}
                onConfirm={() => void unlock(u.userId)}
              >
                <Button type="link" size="small">
                  {t('security.unlock')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('security.locked')}>
      <ErrorAlert error={list.error} />
      <Table<LockedUser>
        rowKey="userId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('security.noneLocked') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
      />
    </Card>
  );
}
