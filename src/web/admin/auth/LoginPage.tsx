import { Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { FullPageSpin } from '../session/RequireSession';
import { useSession } from '../session/SessionProvider';
import { LoginFlow } from './LoginFlow';

/** The console's login page; returns to the page that sent the user here. */
export function LoginPage() {
  const t = useT();
  const { status, session, signedIn } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (status === 'ready') return <Navigate to={from} replace />;
  if (status === 'loading') return <FullPageSpin />;
  return (
    <div className="fx-login">
      <div className="fx-login-lang">
        <LanguageSwitch light />
      </div>
      <Card className="fx-login-card">
        <div className="fx-login-brand">
          <img src="/favicon.svg" width={48} height={48} alt="" />
          <Typography.Title level={3}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <LoginFlow resume={status === 'pending' ? session : null} onSession={signedIn} />
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}
        >
          {t('login.footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
