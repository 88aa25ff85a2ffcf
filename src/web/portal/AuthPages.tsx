import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  passwordProblemsSentence,
} from '../../domain/auth/password-policy';
import { parseMobile } from '../../domain/identity/phone';
import { ledgerIssueMessage } from '../../domain/ledger/ledger-issues';
import { api, ApiError, type PortalSession } from './api';
import { LOCALE, T } from './catalog';
import { type Errors, Field, FormMessage } from './forms';
import { Link, navigate } from './router';
import { setSession } from './session';

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

/**
 * Checks the form (`found`: its errors, none when it may go), then logs in by `path` and goes on
 * to 我的; a server error is shown at its field or above the button.
 */
function useAuthSubmit() {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent, found: Errors, path: string, body: object) => {
    e.preventDefault();
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    try {
      setSession(await api<PortalSession>('POST', path, body));
      navigate('/me');
    } catch (err) {
      showError(err, setErrors);
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, submit };
}

/** The mobile number field both forms start with. */
function MobileField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (mobile: string) => void;
  error: string | undefined;
}) {
  return (
    <Field label={T.mobile} error={error}>
      <input
        name="mobile"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        placeholder={T.mobilePlaceholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A password field (`autoComplete` says whether it is a new password or the current one). */
function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  name: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  onChange: (password: string) => void;
  error: string | undefined;
  hint?: string;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The page of a login or registration form: title, fields, submit, and the way to the other. */
function AuthForm({
  title,
  onSubmit,
  formError,
  busy,
  submitLabel,
  other,
  children,
}: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  formError: string | undefined;
  busy: boolean;
  submitLabel: string;
  other: { question: string; href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section className="block auth">
      <h1>{title}</h1>
      <form className="form" onSubmit={onSubmit} noValidate>
        {children}
        <FormMessage error={formError} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? T.saving : submitLabel}
        </button>
      </form>
      <p className="switch">
        {other.question}
        <Link href={other.href}>{other.label}</Link>
      </p>
      <p>
        <Link href="/">{T.backHome}</Link>
      </p>
    </section>
  );
}

/** Registration: mobile number, SMS code, password; logs in and goes on to 我的. */
export function RegisterPage() {
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { errors, setErrors, busy, submit } = useAuthSubmit();
  const [sentTo, setSentTo] = useState('');
  const [wait, setWait] = useState(0);

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

  const register = (e: FormEvent) => {
    const problems = checkPassword(password, mobile);
    const found: Errors = {
      mobile: mobileError(mobile),
      code: /^\d{6}$/.test(code.trim()) ? undefined : T.codePlaceholder,
      password:
        problems.length > 0
          ? T.passwordProblems(passwordProblemsSentence(problems, DEFAULT_PASSWORD_POLICY, LOCALE))
          : undefined,
      again: again === password ? undefined : T.passwordMismatch,
    };
    void submit(e, found, '/api/portal/register', { mobile, code, password });
  };

  return (
    <AuthForm
      title={T.register}
      onSubmit={register}
      formError={errors.form}
      busy={busy}
      submitLabel={T.registerSubmit}
      other={{ question: T.haveAccount, href: '/login', label: T.login }}
    >
      <MobileField value={mobile} onChange={setMobile} error={errors.mobile} />
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
      <PasswordField
        label={T.passwordNew}
        name="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        hint={T.passwordHint}
      />
      <PasswordField
        label={T.passwordAgain}
        name="again"
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
        error={errors.again}
      />
    </AuthForm>
  );
}

/** Login with mobile number and password. */
export function LoginPage() {
  const [mobile, setMobile] = useState('');
  const [password, setPassword] = useState('');
  const { errors, busy, submit } = useAuthSubmit();

  const login = (e: FormEvent) => {
    const found: Errors = {
      mobile: mobileError(mobile),
      password: password ? undefined : T.required,
    };
    void submit(e, found, '/api/portal/login', { mobile, password });
  };

  return (
    <AuthForm
      title={T.login}
      onSubmit={login}
      formError={errors.form}
      busy={busy}
      submitLabel={T.loginSubmit}
      other={{ question: T.noAccount, href: '/register', label: T.register }}
    >
      <MobileField value={mobile} onChange={setMobile} error={errors.mobile} />
      <PasswordField
        label={T.password}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
    </AuthForm>
  );
}
