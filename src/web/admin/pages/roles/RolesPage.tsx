import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { Role } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { PageHead } from '../../components/PageHead';
import { usePermissionName } from '../../components/roles';
import { useRequest } from '../../components/useRequest';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';
import { CreateRoleModal } from './CreateRoleModal';

/** 角色管理: built-in and custom roles with their permissions; custom roles can be added. */
export function RolesPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const permissionName = usePermissionName();
  const roles = useRequest(() => api<{ items: Role[] }>('/api/roles'), []);
  const [creating, setCreating] = useState(false);

  const columns = [
    {
      title: t('roles.name'),
      key: 'name',
      width: 220,
      render: (_: unknown, r: Role) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{locale === 'en' ? r.nameEn : r.nameZh}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('roles.permissions'),
      key: 'permissions',
      render: (_: unknown, r: Role) => (
        <Space size={[4, 4]} wrap>
          {r.permissions.map((p) => (
            <Tag key={p}>{permissionName(p)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('roles.scopeTypes'),
      key: 'scopes',
      width: 160,
      render: (_: unknown, r: Role) =>
        r.scopeTypes.map((s) => <Tag key={s}>{t(`scope.${s}` as const)}</Tag>),
    },
    {
      title: t('roles.kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, r: Role) => (
        <Space size={4} wrap>
          <Tag color={r.builtin ? 'default' : 'blue'}>
            {r.builtin ? t('roles.builtin') : t('roles.custom')}
          </Tag>
          {r.requireTotp && <Tag color="purple">{t('roles.totp')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t('roles.title')}
        extra={
          can('role.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('roles.create')}
            </Button>
          )
        }
      />
      <Card>
        <ErrorAlert error={roles.error} />
        <Table<Role>
          rowKey="code"
          size="middle"
          loading={roles.loading}
          dataSource={roles.data?.items ?? []}
          columns={columns}
          pagination={false}
        />
      </Card>
      {creating && (
        <CreateRoleModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            roles.reload();
          }}
        />
      )}
    </>
  );
}
