import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { CreatedUser } from '../../../shared/types';
import { applyFieldErrors, ErrorAlert } from '../../components/errors';
import { OrgSelect } from '../../components/OrgSelect';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { type RegionChoice, useRegionScope } from '../../layout/RegionScope';

interface Values {
  login: string;
  displayName: string;
  region: RegionChoice | null;
  orgId?: string;
  password?: string;
}

/** New account (POST /api/users): without a password the server makes a temporary one. */
export function CreateUserModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (c: CreatedUser) => void;
}) {
  const t = useT();
  const { roots, current } = useRegionScope();
  const [form] = Form.useForm<Values>();
  const region = Form.useWatch('region', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<CreatedUser>('/api/users', {
        method: 'POST',
        body: {
          login: v.login.trim(),
          displayName: v.displayName.trim(),
          regionCode: v.region?.code,
          orgId: v.orgId || undefined,
          password: v.password || undefined,
        },
      });
      onCreated(created);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ region: current }}
        onFinish={(v) => void submit(v)}
        name="create-user"
      >
        <Form.Item
          name="login"
          label={t('users.login')}
          extra={t('users.loginHelp')}
          rules={[
            { required: true, message: t('users.loginRequired') },
            { pattern: /^[a-z0-9_.-]{3,32}$/, message: t('users.loginHelp') },
          ]}
          normalize={(v: string) => v.toLowerCase()}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('users.region')}
          rules={[{ required: true, message: t('users.regionRequired') }]}
        >
          <RegionCascader roots={roots} />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')}>
          <OrgSelect region={region?.code} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.initialPasswordHelp')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
