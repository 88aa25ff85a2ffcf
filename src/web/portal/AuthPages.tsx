import { type FormEvent, useEffect, useState } from 'react';
import { checkPassword, PASSWORD_PROBLEM_ZH } from '../../domain/auth/password-policy';
import { parseMobile } from '../../domain/identity/phone';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import { api, ApiError, type PortalSession } from './api';
import { T } from './catalog';
import { Field, FormMessage } from './forms';
import { Link, navigate } from './router';
import { setSession } from './session';

type Errors = Record<string, string | undefined>;

function mobileError(mobile: string): string | undefined {
  const r = parseMobile(mobile);
  return r.ok ? undefined : ledgerIssueMessage(r.code, 'zh-CN');
}

/** Applies a server error to the form: by field where it names one, else above the button. */
function showError(e: unknown, setErrors: (e: Errors) => void): void {
  if (e instanceof ApiError) {
    const byField = e.fieldErrors();
    setErrors(Object.keys(byField).length > 0 ? byField : { form: e.message });
  } else {
    setErrors({ form: T.networkError });
  }
}

/** Registration: mobile number, SMS code, password; logs in and goes on to 我的. */
export function RegisterPage() {
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sentTo, setSentTo] = useState('');
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    const bad = mobileError(mobile);
    if (bad) return setErrors({ mobile: bad });
    setErrors({});
    try {
      const r = await api<{ mobileMasked: string; retryAfterSeconds: number }>(
        'POST',
        '/api/portal/sms-codes',
        { mobile },
      );
      setSentTo(r.mobileMasked);
      setWait(r.retryAfterSeconds);
    } catch (e) {
      if (e instanceof ApiError && typeof e.details.retryAfter === 'number') {
        setWait(e.details.retryAfter);
      }
      showError(e, setErrors);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkPassword(password, mobile);
    const next: Errors = {
      mobile: mobileError(mobile),
      code: /^\d{6}$/.test(code.trim()) ? undefined : T.codePlaceholder,
      password:
        problems.length > 0 ? problems.map((p) => PASSWORD_PROBLEM_ZH[p]).join('，') : undefined,
      again: again === password ? undefined : T.passwordMismatch,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    setBusy(true);
    try {
      setSession(
        await api<PortalSession>('POST', '/api/portal/register', { mobile, code, password }),
      );
      navigate('/me');
    } catch (err) {
      showError(err, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="block auth">
      <h1>{T.register}</h1>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={T.mobile} error={errors.mobile}>
          <input
            name="mobile"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            placeholder={T.mobilePlaceholder}
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
          />
        </Field>
        <Field label={T.code} error={errors.code} hint={sentTo ? T.codeSent(sentTo) : undefined}>
          <span className="with-button">
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={T.codePlaceholder}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={wait > 0}
              onClick={() => void sendCode()}
            >
              {wait > 0 ? T.resendIn(wait) : T.sendCode}
            </button>
          </span>
        </Field>
        <Field label={T.passwordNew} error={errors.password} hint={T.passwordHint}>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field label={T.passwordAgain} error={errors.again}>
          <input
            name="again"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </Field>
        <FormMessage error={errors.form} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? T.saving : T.registerSubmit}
        </button>
      </form>
      <p className="switch">
        {T.haveAccount}
        <Link href="/login">{T.login}</Link>
      </p>
      <p>
        <Link href="/">{T.backHome}</Link>
      </p>
    </section>
  );
}

/** Login with mobile number and password. */
export function LoginPage() {
  const [mobile, setMobile] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {
      mobile: mobileError(mobile),
      password: password ? undefined : T.required,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    setBusy(true);
    try {
      setSession(await api<PortalSession>('POST', '/api/portal/login', { mobile, password }));
      navigate('/me');
    } catch (err) {
      showError(err, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="block auth">
      <h1>{T.login}</h1>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={T.mobile} error={errors.mobile}>
          <input
            name="mobile"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            placeholder={T.mobilePlaceholder}
            value={mobile}
            onChange={(e) => setMobile(e.target.value)}
          />
        </Field>
        <Field label={T.password} error={errors.password}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <FormMessage error={errors.form} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? T.saving : T.loginSubmit}
        </button>
      </form>
      <p className="switch">
        {T.noAccount}
        <Link href="/register">{T.register}</Link>
      </p>
      <p>
        <Link href="/">{T.backHome}</Link>
      </p>
    </section>
  );
}
