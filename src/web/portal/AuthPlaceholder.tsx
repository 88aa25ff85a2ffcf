import { Link } from './router';

/**
 * Registration and login screens, not yet connected: SMS registration arrives with the server's
 * SMS transport. The form shows what will be asked, disabled, and where to get help meanwhile.
 */
export function AuthPlaceholder({ mode }: { mode: 'register' | 'login' }) {
  const register = mode === 'register';
  return (
    <section className="block auth">
      <h1>{register ? '手机号注册' : '登录'}</h1>
      <p className="notice" role="status">
        {register ? '手机号注册' : '创业者登录'}
        即将开通。如需咨询政策或办理业务，请联系当地返乡创业服务中心，或拨打 12333。
      </p>
      <form className="form" onSubmit={(e) => e.preventDefault()} aria-disabled="true">
        <label>
          手机号
          <input
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            placeholder="11 位手机号"
            disabled
          />
        </label>
        {register && (
          <label>
            短信验证码
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              placeholder="6 位数字"
              disabled
            />
          </label>
        )}
        <label>
          密码
          <input
            type="password"
            autoComplete={register ? 'new-password' : 'current-password'}
            placeholder={register ? '至少 8 位，混合字母、数字和符号' : '密码'}
            disabled
          />
        </label>
        <button type="submit" className="btn btn-primary btn-block" disabled>
          {register ? '注册' : '登录'}
        </button>
      </form>
      <p className="switch">
        {register ? (
          <>
            已有账号？<Link href="/login">登录</Link>
          </>
        ) : (
          <>
            还没有账号？<Link href="/register">注册</Link>
          </>
        )}
      </p>
      <p>
        <Link href="/">← 返回首页</Link>
      </p>
    </section>
  );
}
