import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { ErrorAlert } from '../components/errors';
import { useT } from '../i18n/i18n';
import { PasswordRules } from './PasswordRules';

interface Props {
  login: string;
  /** Known when the password was typed in this flow; otherwise asked again. */
  currentPassword: string | null;
  onDone: () => void;
}

interface Values {
  currentPassword?: string;
  newPassword: string;
  confirm: string;
}

/** The forced password change after a reset (POST /api/auth/password), policy explained. */
export function ChangePasswordStep({ login, currentPassword, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const typed = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/auth/password', {
        method: 'POST',
        body: {
          currentPassword: currentPassword ?? values.currentPassword,
          newPassword: values.newPassword,
        },
        noRelogin: true,
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Alert type="info" showIcon title={t('password.intro')} style={{ marginBottom: 12 }} />
      <PasswordRules password={typed} login={login} />
      <ErrorAlert error={error} />
      {currentPassword === null && (
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      )}
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
