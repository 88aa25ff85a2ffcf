import { Alert, Checkbox, Col, Form, Input, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { PermissionInfo } from '../../../shared/types';
import { applyFieldErrors, ErrorAlert } from '../../components/errors';
import { useRequest } from '../../components/useRequest';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionProvider';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  scopeTypes: string[];
  permissions: string[];
}

const GROUPS: { kind: PermissionInfo['adminKind']; key: MessageKey }[] = [
  { kind: null, key: 'roles.groupBusiness' },
  { kind: 'system', key: 'roles.groupSystem' },
  { kind: 'security', key: 'roles.groupSecurity' },
  { kind: 'audit', key: 'roles.groupAudit' },
];

/** A custom role (POST /api/roles): code, names, scope kinds and a permission checklist. */
export function CreateRoleModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const permissions = useRequest(() => api<{ items: PermissionInfo[] }>('/api/permissions'), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/roles', { method: 'POST', body: v });
      onCreated();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const items = permissions.data?.items ?? [];
  return (
    <Modal
      open
      width={720}
      title={t('roles.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('roles.sodHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error ?? permissions.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scopeTypes: ['region'], permissions: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('roles.code')}
              extra={t('roles.codeHelp')}
              rules={[
                { required: true, pattern: /^[a-z][a-z0-9_]{2,31}$/, message: t('roles.codeHelp') },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="nameZh"
              label={t('roles.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="nameEn"
              label={t('roles.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="scopeTypes"
          label={t('roles.scopeTypes')}
          rules={[{ required: true, message: t('roles.scopeRequired') }]}
        >
          <Checkbox.Group
            options={(['region', 'org', 'park'] as const).map((s) => ({
              value: s,
              label: t(`scope.${s}` as const),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('roles.permissions')}
          rules={[{ required: true, message: t('roles.permissionsRequired') }]}
        >
          <Checkbox.Group style={{ display: 'block' }}>
            {GROUPS.map((g) => {
              const group = items.filter((p) => p.adminKind === g.kind);
              if (group.length === 0) return null;
              return (
                <div key={g.key} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{t(g.key)}</Typography.Text>
                  <Row>
                    {group.map((p) => (
                      <Col span={8} key={p.code}>
                        {/* Administrator permissions can only come from one who holds them. */}
                        <Checkbox value={p.code} disabled={p.adminKind !== null && !can(p.code)}>
                          {locale === 'en' ? p.nameEn : p.nameZh}
                        </Checkbox>
                      </Col>
                    ))}
                  </Row>
                </div>
              );
            })}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
