import { useState } from 'react';
import { api } from '../../shared/api';
import type { Session } from '../../shared/types';
import { ChangePasswordStep } from './ChangePasswordStep';
import { EnrolStep } from './EnrolStep';
import { PasswordStep } from './PasswordStep';
import { TotpStep } from './TotpStep';

type Step = 'password' | 'totp' | 'enrol' | 'change_password';

interface Props {
  /** Re-login: the login name is fixed to the user whose page is open. */
  fixedLogin?: string;
  /** A session that already passed the password (a reload in the middle of the flow). */
  resume?: Session | null;
  /** Every step's answer, so the caller can keep the session and its CSRF token. */
  onSession: (view: Session) => void;
}

/**
 * The console's login, step by step as the API asks: password, then a TOTP code, a TOTP
 * enrolment, or a forced password change. Ends when the API answers `next: 'ok'`.
 */
export function LoginFlow({ fixedLogin, resume, onSession }: Props) {
  const [step, setStep] = useState<Step>(resume && resume.next !== 'ok' ? resume.next : 'password');
  const [login, setLogin] = useState(resume?.login ?? fixedLogin ?? '');
  const [password, setPassword] = useState<string | null>(null);

  const advance = (view: Session) => {
    onSession(view);
    if (view.next !== 'ok') setStep(view.next);
  };

  switch (step) {
    case 'password':
      return (
        <PasswordStep
          fixedLogin={fixedLogin}
          onDone={(view, typed) => {
            setLogin(view.login);
            setPassword(typed);
            advance(view);
          }}
        />
      );
    case 'totp':
      return <TotpStep onDone={advance} />;
    case 'enrol':
      return <EnrolStep login={login} onDone={advance} />;
    case 'change_password':
      return (
        <ChangePasswordStep
          login={login}
          currentPassword={password}
          onDone={() => {
            void api<Session>('/api/auth/session', { noRelogin: true }).then(advance);
          }}
        />
      );
  }
}
