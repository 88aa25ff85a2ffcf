import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { DemoBanner } from './layout/DemoBanner';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages';
import { pageRoutes } from './routes';
import { RequireSession } from './session/RequireSession';
import { SessionProvider, useSession } from './session/SessionProvider';

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1a5fb4', borderRadius: 4 },
};

function RequirePermission({
  perms,
  regionGrant,
  children,
}: {
  perms?: string[];
  regionGrant?: boolean | undefined;
  children: ReactNode;
}) {
  const { can, canByRegion } = useSession();
  const allowed = !perms || (regionGrant ? canByRegion(...perms) : can(...perms));
  return allowed ? children : <ForbiddenPage />;
}

function Localised({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The officials' console at /admin/: antd in zh_CN (English switchable), one route per menu entry. */
export function App() {
  return (
    <I18nProvider>
      <Localised>
        <DemoBanner />
        <BrowserRouter basename="/admin">
          <SessionProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireSession>
                    <AppLayout />
                  </RequireSession>
                }
              >
                {pageRoutes().map((r) => (
                  <Route
                    key={r.path}
                    path={r.path}
                    element={
                      <RequirePermission perms={r.perms} regionGrant={r.regionGrant}>
                        {r.element}
                      </RequirePermission>
                    }
                  />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </Localised>
    </I18nProvider>
  );
}
