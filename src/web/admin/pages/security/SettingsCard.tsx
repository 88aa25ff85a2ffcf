import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { SecuritySettings } from '../../../shared/types';
import { applyFieldErrors, ErrorAlert } from '../../components/errors';
import { useRequest } from '../../components/useRequest';
import { type MessageKey, useT } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';

/** Each setting with its allowed range (src/server/access/security/settings.ts) and unit. */
const FIELDS: {
  name: keyof SecuritySettings;
  min: number;
  max: number;
  label: MessageKey;
  unit: MessageKey;
}[] = [
  {
    name: 'lockoutThreshold',
    min: 3,
    max: 20,
    label: 'security.lockoutThreshold',
    unit: 'security.unitTimes',
  },
  {
    name: 'lockoutMinutes',
    min: 1,
    max: 1440,
    label: 'security.lockoutMinutes',
    unit: 'security.unitMinutes',
  },
  {
    name: 'idleMinutes',
    min: 5,
    max: 240,
    label: 'security.idleMinutes',
    unit: 'security.unitMinutes',
  },
  {
    name: 'absoluteHours',
    min: 1,
    max: 72,
    label: 'security.absoluteHours',
    unit: 'security.unitHours',
  },
  {
    name: 'passwordMinLength',
    min: 8,
    max: 64,
    label: 'security.passwordMinLength',
    unit: 'security.unitChars',
  },
  {
    name: 'passwordMinClasses',
    min: 2,
    max: 4,
    label: 'security.passwordMinClasses',
    unit: 'security.unitClasses',
  },
];

/** The settings form: GET and PUT /api/security/settings. */
export function SettingsCard() {
  const t = useT();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useRequest(() => api<SecuritySettings>('/api/security/settings'), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editable = can('security.manage');

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: SecuritySettings) => {
    setBusy(true);
    setError(null);
    try {
      form.setFieldsValue(
        await api<SecuritySettings>('/api/security/settings', { method: 'PUT', body: v }),
      );
      void message.success(t('security.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('security.settings')} loading={settings.loading && !settings.data}>
      <ErrorAlert error={error ?? settings.error} />
      <Form<SecuritySettings>
        form={form}
        layout="horizontal"
        labelCol={{ span: 10 }}
        wrapperCol={{ span: 14 }}
        disabled={!editable}
        onFinish={(v) => void save(v)}
        name="security-settings"
      >
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(f.label)}
            extra={t('security.range', { min: f.min, max: f.max })}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={f.min}
              max={f.max}
              precision={0}
              suffix={t(f.unit)}
              style={{ width: 160 }}
            />
          </Form.Item>
        ))}
        {editable && (
          <Form.Item wrapperCol={{ offset: 10 }}>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
