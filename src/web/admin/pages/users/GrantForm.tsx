import { App, Button, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { Role, UserDetail } from '../../../shared/types';
import { ErrorAlert } from '../../components/errors';
import { OrgSelect } from '../../components/OrgSelect';
import { RegionCascader } from '../../components/RegionCascader';
import { useI18n } from '../../i18n/i18n';
import { type RegionChoice, useRegionScope } from '../../layout/RegionScope';

interface Values {
  roleCode: string;
  scopeType: 'region' | 'org' | 'park';
  region?: RegionChoice | null;
  orgId?: string;
}

interface Props {
  userId: string;
  roles: Role[];
  onGranted: (user: UserDetail) => void;
}

/** Grants a role with a scope: a region (cascader) or an organisation / park (select). */
export function GrantForm({ userId, roles, onGranted }: Props) {
  const { t, locale } = useI18n();
  const { roots, current } = useRegionScope();
  const [form] = Form.useForm<Values>();
  const roleCode = Form.useWatch('roleCode', form);
  const scopeType = Form.useWatch('scopeType', form);
  const role = roles.find((r) => r.code === roleCode);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body =
        v.scopeType === 'region'
          ? { roleCode: v.roleCode, scopeType: v.scopeType, regionCode: v.region?.code }
          : { roleCode: v.roleCode, scopeType: v.scopeType, orgId: v.orgId };
      const user = await api<UserDetail>(`/api/users/${userId}/grants`, { method: 'POST', body });
      if (user.pendingRequests.some((r) => r.roleCode === v.roleCode)) {
        void message.info(t('admins.grantPending'));
      }
      onGranted(user);
      form.resetFields(['roleCode', 'orgId']);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="grant"
      initialValues={{ scopeType: 'region', region: current }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<Values>) => {
        const next = roles.find((r) => r.code === changed.roleCode);
        if (
          next &&
          !next.scopeTypes.includes(form.getFieldValue('scopeType') as Values['scopeType'])
        ) {
          form.setFieldValue('scopeType', next.scopeTypes[0]);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="roleCode"
        label={t('grants.role')}
        rules={[{ required: true, message: t('grants.roleRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={roles
            .filter((r) => r.grantable)
            .map((r) => {
              const name = locale === 'en' ? r.nameEn : r.nameZh;
              const label = r.needsApproval ? `${name}（${t('admins.pendingTag')}）` : name;
              return { value: r.code, label };
            })}
        />
      </Form.Item>
      <Form.Item name="scopeType" label={t('grants.scopeType')}>
        <Radio.Group
          options={(['region', 'org', 'park'] as const).map((s) => ({
            value: s,
            label: t(`scope.${s}` as const),
            disabled: role ? !role.scopeTypes.includes(s) : false,
          }))}
        />
      </Form.Item>
      {scopeType === 'region' || scopeType === undefined ? (
        <Form.Item
          name="region"
          label={t('grants.region')}
          rules={[{ required: true, message: t('users.regionRequired') }]}
        >
          <RegionCascader roots={roots} />
        </Form.Item>
      ) : (
        <Form.Item
          name="orgId"
          label={t(scopeType === 'park' ? 'grants.park' : 'grants.org')}
          rules={[{ required: true, message: t('grants.orgRequired') }]}
        >
          <OrgSelect type={scopeType === 'park' ? 'park' : undefined} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('grants.submit')}
      </Button>
    </Form>
  );
}
