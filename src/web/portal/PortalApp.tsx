import { LoginPage, RegisterPage } from './AuthPages';
import { LOCALE, switchLocale, T } from './catalog';
import { DevInboxPage } from './DevInboxPage';
import { EnterprisePage } from './EnterprisePage';
import { HomePage } from './HomePage';
import { Landing } from './Landing';
import { LoanApply } from './LoanApply';
import { LoanDetail } from './LoanDetail';
import { LoansPage } from './LoansPage';
import { ProfilePage } from './ProfilePage';
import { Link, usePath } from './router';
import { useSession } from './session';
import { useDemoAccounts } from '../shared/meta';

/** Pages that need the entrepreneur logged in. */
const PRIVATE: Record<string, () => React.JSX.Element> = {
  '/me': HomePage,
  '/profile': ProfilePage,
  '/enterprise': EnterprisePage,
  '/loans': LoansPage,
  '/loans/apply': LoanApply,
};

/** `/loans/<case id>`: one of my loan files. */
const LOAN_FILE = /^\/loans\/([0-9a-f-]{36})$/;

/** The entrepreneurs' portal at /: phone first, plain React and a little CSS. */
export function PortalApp() {
  const path = usePath();
  const session = useSession();
  const demo = useDemoAccounts();
  let page;
  const file = LOAN_FILE.exec(path)?.[1];
  const Private = file ? () => <LoanDetail caseId={file} /> : PRIVATE[path];
  if (path === '/register') page = <RegisterPage />;
  else if (path === '/login') page = <LoginPage />;
  else if (path === '/dev/sms') page = <DevInboxPage />;
  else if (Private)
    page =
      session === undefined ? (
        <p className="block">{T.loading}</p>
      ) : session ? (
        <Private />
      ) : (
        <LoginPage />
      );
  else page = <Landing />;
  return (
    <>
      {demo && (
        <div className="demo-banner" role="status">
          {T.demoBanner}
        </div>
      )}
      <header className="top">
        <Link href="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {T.brand}
        </Link>
        {session ? (
          <Link href="/me" className="top-login">
            {T.me}
          </Link>
        ) : (
          <Link href="/login" className="top-login">
            {T.login}
          </Link>
        )}
      </header>
      <main>{page}</main>
      <footer className="foot">
        <p>{T.hotline}</p>
        <p>
          <a href="/admin/">{T.staffEntrance}</a>
          {' · '}
          <button
            type="button"
            className="link-button"
            lang={LOCALE === 'en' ? 'zh-CN' : 'en'}
            onClick={() => switchLocale(LOCALE === 'en' ? 'zh-CN' : 'en')}
          >
            {LOCALE === 'en' ? '中文' : 'English'}
          </button>
        </p>
      </footer>
    </>
  );
}
