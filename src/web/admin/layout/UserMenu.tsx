import { LogoutOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRoleNames } from '../components/roles';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/SessionProvider';
import { OwnMobileModal } from './OwnMobileModal';

/** The user's name and roles, with their own mobile number and logout. */
export function UserMenu() {
  const t = useT();
  const { session, logout } = useSession();
  const roleName = useRoleNames();
  const [mobileOpen, setMobileOpen] = useState(false);
  if (!session) return null;
  const roles = [...new Set(session.grants.map((g) => roleName(g.roleCode)))].join('、');
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'who', label: `${session.login}`, disabled: true },
            { type: 'divider' },
            { key: 'mobile', icon: <MobileOutlined />, label: t('admins.ownMobile') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'logout') void logout();
            if (key === 'mobile') setMobileOpen(true);
          },
        }}
      >
        <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1a5fb4' }} />
          <span style={{ lineHeight: 1.3, display: 'inline-flex', flexDirection: 'column' }}>
            <Typography.Text strong>{session.displayName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roles}
            </Typography.Text>
          </span>
        </Space>
      </Dropdown>
      {mobileOpen && <OwnMobileModal onClose={() => setMobileOpen(false)} />}
    </>
  );
}
