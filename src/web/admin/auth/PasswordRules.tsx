import { CheckCircleFilled, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  type PasswordProblem,
} from '../../../domain/auth/password-policy';
import { type MessageKey, useT } from '../i18n/i18n';

const RULES: { problem: PasswordProblem; key: MessageKey }[] = [
  { problem: 'too_short', key: 'password.rule.length' },
  { problem: 'too_few_classes', key: 'password.rule.classes' },
  { problem: 'contains_login', key: 'password.rule.login' },
  { problem: 'too_common', key: 'password.rule.common' },
];

/**
 * The password policy explained, each rule ticked as the new password is typed — checked with the
 * same code the server uses (src/domain/auth/password-policy.ts), default settings.
 */
export function PasswordRules({ password, login }: { password: string; login: string }) {
  const t = useT();
  const problems = new Set(checkPassword(password, login, DEFAULT_PASSWORD_POLICY));
  const vars = {
    length: DEFAULT_PASSWORD_POLICY.minLength,
    classes: DEFAULT_PASSWORD_POLICY.minClasses,
  };
  return (
    <ul
      style={{ listStyle: 'none', paddingLeft: 0, margin: '0 0 16px' }}
      data-testid="password-rules"
    >
      {RULES.map(({ problem, key }) => {
        const ok = password !== '' && !problems.has(problem);
        return (
          <li key={problem}>
            <Typography.Text type={ok ? 'success' : 'secondary'}>
              {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {t(key, vars)}
            </Typography.Text>
          </li>
        );
      })}
      <li>
        <Typography.Text type="secondary">
          <InfoCircleOutlined /> {t('password.rule.same')}
        </Typography.Text>
      </li>
    </ul>
  );
}
