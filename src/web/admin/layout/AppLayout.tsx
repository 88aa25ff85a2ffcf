import { Breadcrumb, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { FullPageSpin } from '../session/RequireSession';
import { IdleWatch } from '../session/IdleWatch';
import { useSession } from '../session/SessionProvider';
import { HeaderBar } from './HeaderBar';
import { isGroup, navTrail, visibleNav } from './nav';
import { RegionScopeProvider } from './RegionScope';

/** The console's frame: side menu by module, header, breadcrumbs, the page. */
export function AppLayout() {
  const t = useT();
  const { can, canByRegion } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const trail = navTrail(pathname);
  const nav = useMemo(() => visibleNav(can, canByRegion), [can, canByRegion]);
  const [openKeys, setOpenKeys] = useState<string[]>(() => trail.filter(isGroup).map((g) => g.key));

  const items: MenuProps['items'] = nav.map((node) =>
    isGroup(node)
      ? {
          key: node.key,
          icon: node.icon,
          label: t(node.labelKey),
          children: node.children.map((c) => ({ key: c.path, label: t(c.labelKey) })),
        }
      : { key: node.path, icon: node.icon, label: t(node.labelKey) },
  );
  const leaf = trail[trail.length - 1];
  const selected = leaf && !isGroup(leaf) ? [leaf.path] : [];

  return (
    <RegionScopeProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          theme="dark"
        >
          <Link to="/" className="fx-logo">
            <img src="/favicon.svg" alt="" />
            {!collapsed && <span>{t('app.shortName')}</span>}
          </Link>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={setOpenKeys}
            onClick={({ key }) => void navigate(key)}
            data-testid="side-menu"
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="fx-header">
            <HeaderBar />
          </Layout.Header>
          <Layout.Content className="fx-content">
            <Breadcrumb
              items={[
                { title: <Link to="/">{t('nav.home')}</Link> },
                ...trail
                  .filter((n) => !(!isGroup(n) && n.path === '/'))
                  .map((n) => ({ title: t(n.labelKey) })),
              ]}
            />
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      <IdleWatch />
    </RegionScopeProvider>
  );
}
