import { AuthPlaceholder } from './AuthPlaceholder';
import { Landing } from './Landing';
import { Link, usePath } from './router';

/** The entrepreneurs' portal at /: phone first, plain React and a little CSS. */
export function PortalApp() {
  const path = usePath();
  let page;
  if (path === '/register') page = <AuthPlaceholder mode="register" />;
  else if (path === '/login') page = <AuthPlaceholder mode="login" />;
  else page = <Landing />;
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          返乡创业服务平台
        </Link>
        <Link href="/login" className="top-login">
          登录
        </Link>
      </header>
      <main>{page}</main>
      <footer className="foot">
        <p>服务热线 12333（人力资源和社会保障） · 具体标准以当地政策为准</p>
        <p>
          <a href="/admin/">工作人员入口</a>
        </p>
      </footer>
    </>
  );
}
