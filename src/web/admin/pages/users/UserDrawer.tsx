import {
  Alert,
  Button,
  Descriptions,
  Modal,
  Divider,
  Drawer,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { Grant, GrantRequest, PasswordReset, Role, UserDetail } from '../../../shared/types';
import { ErrorAlert, useNotifyError } from '../../components/errors';
import { formatTime } from '../../components/format';
import { RegionName } from '../../components/RegionName';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { GrantForm } from './GrantForm';
import { UserStatus } from './UserStatus';

interface Props {
  id: string;
  roles: Role[];
  onClose: () => void;
  onChanged: () => void;
}

/** One account: details, disable/enable, password reset, and its grants. */
export function UserDrawer({ id, roles, onClose, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const notifyError = useNotifyError();
  const detail = useRequest(() => api<UserDetail>(`/api/users/${id}`), [id]);
  const [override, setOverride] = useState<UserDetail | null>(null);
  const [resetSentTo, setResetSentTo] = useState<string | null>(null);
  const user = override ?? detail.data;
  // Administrators' accounts are the operator's: the API refuses every change to them.
  const adminAccount =
    user?.grants.some(
      (g) => (roles.find((r) => r.code === g.roleCode)?.adminKinds.length ?? 0) > 0,
    ) ?? false;
  const manage = can('user.manage') && !adminAccount;

  const act = async (path: string, method: 'POST' | 'DELETE' = 'POST') => {
    try {
      setOverride(await api<UserDetail>(path, { method }));
      onChanged();
    } catch (err) {
      notifyError(err);
    }
  };
  const reset = async () => {
    try {
      const r = await api<PasswordReset>(`/api/users/${id}/reset-password`, { method: 'POST' });
      setResetSentTo(r.mobileMasked);
      detail.reload();
      setOverride(null);
      onChanged();
    } catch (err) {
      notifyError(err);
    }
  };

  const grantColumns = [
    {
      title: t('grants.role'),
      dataIndex: locale === 'en' ? 'roleNameEn' : 'roleNameZh',
      key: 'role',
    },
    {
      title: t('grants.scope'),
      key: 'scope',
      render: (_: unknown, g: Grant) =>
        g.orgName ? (
          <Space>
            <Tag>{t(`scope.${g.scopeType}` as const)}</Tag>
            {g.orgName}
          </Space>
        ) : (
          <RegionName code={g.regionCode} />
        ),
    },
    {
      title: t('grants.grantedAt'),
      dataIndex: 'grantedAt',
      key: 'at',
      render: (v: string) => formatTime(v),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, g: Grant) => (
              <Popconfirm
                title={t('grants.revokeConfirm')}
                onConfirm={() => void act(`/api/users/${id}/grants/${g.id}`, 'DELETE')}
              >
                <Button type="link" danger size="small">
                  {t('grants.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Drawer
      open
      size={760}
      title={user ? `${user.displayName}（${user.login}）` : t('common.loading')}
      onClose={onClose}
    >
      <ErrorAlert error={detail.error} />
      {user && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('users.login')}>{user.login}</Descriptions.Item>
            <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.region')}>
              {user.regionName || t('region.nation')}
            </Descriptions.Item>
            <Descriptions.Item label={t('users.org')}>{user.orgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('users.status')}>
              <UserStatus user={user} />
            </Descriptions.Item>
            <Descriptions.Item label={t('users.totp')}>
              {user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}
            </Descriptions.Item>
            <Descriptions.Item label={t('users.lastLogin')}>
              {formatTime(user.lastLoginAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('users.createdAt')}>
              {formatTime(user.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admins.mobile')}>
              {user.mobileMasked ?? t('admins.noMobile')}
            </Descriptions.Item>
          </Descriptions>
          {adminAccount && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              message={t('admins.adminAccount')}
            />
          )}
          {manage && (
            <Space style={{ marginTop: 16 }}>
              <Popconfirm
                title={user.disabled ? t('users.enableConfirm') : t('users.disableConfirm')}
                onConfirm={() =>
                  void act(`/api/users/${id}/${user.disabled ? 'enable' : 'disable'}`)
                }
              >
                <Button danger={!user.disabled}>
                  {user.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Popconfirm>
              <Popconfirm title={t('admins.resetConfirm')} onConfirm={() => void reset()}>
                <Button>{t('users.resetPassword')}</Button>
              </Popconfirm>
            </Space>
          )}
          <Divider titlePlacement="start">{t('grants.title')}</Divider>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={user.grants}
            columns={grantColumns}
          />
          {user.pendingRequests.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('admins.pendingTitle')}</Divider>
              <Table<GrantRequest>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={user.pendingRequests}
                columns={[
                  {
                    title: t('grants.role'),
                    key: 'role',
                    render: (_: unknown, r: GrantRequest) =>
                      locale === 'en' ? r.roleNameEn : r.roleNameZh,
                  },
                  {
                    title: t('grants.scope'),
                    key: 'scope',
                    render: (_: unknown, r: GrantRequest) =>
                      r.orgName ?? <RegionName code={r.regionCode} />,
                  },
                  { title: t('admins.requestedBy'), dataIndex: 'requestedByLogin', key: 'by' },
                  {
                    title: t('admins.status'),
                    key: 'status',
                    render: () => <Tag color="gold">{t('admins.status.pending')}</Tag>,
                  },
                ]}
              />
            </>
          )}
          {manage && (
            <>
              <Divider titlePlacement="start">{t('grants.add')}</Divider>
              <GrantForm
                userId={id}
                roles={roles}
                onGranted={(u) => {
                  setOverride(u);
                  onChanged();
                }}
              />
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('grants.hint')}
            {t('admins.grantHint')}
          </Typography.Paragraph>
        </>
      )}
      {resetSentTo && user && (
        <Modal
          open
          title={t('admins.resetSentTitle')}
          onOk={() => setResetSentTo(null)}
          onCancel={() => setResetSentTo(null)}
          footer={(_, { OkBtn }) => <OkBtn />}
        >
          <Typography.Paragraph data-testid="reset-sent">
            {t('admins.resetSent', { login: user.login, mobile: resetSentTo })}
          </Typography.Paragraph>
        </Modal>
      )}
    </Drawer>
  );
}
