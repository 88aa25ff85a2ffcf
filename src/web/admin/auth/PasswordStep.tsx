import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { Session } from '../../shared/types';
import { ErrorAlert } from '../components/errors';
import { useT } from '../i18n/i18n';

interface Props {
  fixedLogin?: string;
  onDone: (view: Session, password: string) => void;
}

interface Values {
  login: string;
  password: string;
}

/** Login name and password: POST /api/auth/login. */
export function PasswordStep({ fixedLogin, onDone }: Props) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const view = await api<Session>('/api/auth/login', {
        method: 'POST',
        body: { login: fixedLogin ?? values.login, password: values.password },
        noRelogin: true,
      });
      onDone(view, values.password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      layout="vertical"
      size="large"
      initialValues={{ login: fixedLogin ?? '' }}
      onFinish={(v) => void submit(v)}
      requiredMark={false}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="login"
        label={t('login.name')}
        rules={[{ required: true, message: t('login.nameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          disabled={fixedLogin !== undefined}
          autoFocus={fixedLogin === undefined}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          autoFocus={fixedLogin !== undefined}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
