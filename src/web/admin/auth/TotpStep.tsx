import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import type { Session } from '../../shared/types';
import { ErrorAlert } from '../components/errors';
import { CodeInput, type CodeInputRef } from './CodeInput';
import { useT } from '../i18n/i18n';

/** The second factor: six digits from the authenticator app, POST /api/auth/totp/verify. */
export function TotpStep({ onDone }: { onDone: (view: Session) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const otp = useRef<CodeInputRef>(null);
  useEffect(() => otp.current?.focus(), []);

  const submit = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await api<Session>('/api/auth/totp/verify', {
          method: 'POST',
          body: { code },
          noRelogin: true,
        }),
      );
    } catch (err) {
      setError(err);
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v.code)}>
      <Typography.Paragraph>
        <SafetyCertificateOutlined /> {t('totp.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form.Item
        name="code"
        label={t('totp.code')}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}
      >
        <CodeInput ref={otp} label={t('totp.code')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('totp.submit')}
      </Button>
    </Form>
  );
}
