import { Button, Form, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import type { Session, TotpSetup } from '../../shared/types';
import { ErrorAlert } from '../components/errors';
import { useT } from '../i18n/i18n';
import { CodeInput } from './CodeInput';

interface Enrolment extends TotpSetup {
  qr: string;
}

/** Groups a base32 secret by four for typing it into an app: `ABCD EFGH …`. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * TOTP enrolment, required of administrators: POST /api/auth/totp/setup gives a new secret,
 * shown as a QR code and as text; the first code confirms it (POST /api/auth/totp/confirm).
 */
export function EnrolStep({ login, onDone }: { login: string; onDone: (view: Session) => void }) {
  const t = useT();
  const [setup, setSetup] = useState<Enrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api<TotpSetup>('/api/auth/totp/setup', { method: 'POST', noRelogin: true })
      .then(async (s) => {
        const qr = await QRCode.toDataURL(s.otpauthUrl, { margin: 1, width: 200 });
        setSetup({ ...s, qr });
      })
      .catch(setError);
  }, []);

  const confirm = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await api<Session>('/api/auth/totp/confirm', {
          method: 'POST',
          body: { code },
          noRelogin: true,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Typography.Paragraph>{t('enrol.intro', { login })}</Typography.Paragraph>
      <ol style={{ paddingLeft: 20 }}>
        <li>{t('enrol.step1')}</li>
        <li>{t('enrol.step2')}</li>
        <li>{t('enrol.step3')}</li>
      </ol>
      <ErrorAlert error={error} />
      {setup ? (
        <>
          <img className="fx-qr" src={setup.qr} alt={t('enrol.qrAlt')} data-testid="totp-qr" />
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('enrol.secret')}</Typography.Text>
            <br />
            <Typography.Text
              className="fx-secret"
              copyable={{ text: setup.secret }}
              data-testid="totp-secret"
            >
              {grouped(setup.secret)}
            </Typography.Text>
          </Typography.Paragraph>
          <Form<{ code: string }>
            layout="vertical"
            size="large"
            onFinish={(v) => void confirm(v.code)}
          >
            <Form.Item
              name="code"
              label={t('enrol.code')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}
            >
              <CodeInput label={t('enrol.code')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('enrol.submit')}
            </Button>
          </Form>
        </>
      ) : (
        !error && <Spin style={{ display: 'block', margin: 24 }} />
      )}
    </div>
  );
}
