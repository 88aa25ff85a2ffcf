import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import type { Org } from '../../../shared/types';
import { applyFieldErrors, ErrorAlert } from '../../components/errors';
import { RegionCascader } from '../../components/RegionCascader';
import { useT } from '../../i18n/i18n';
import { type RegionChoice, useRegionScope } from '../../layout/RegionScope';

interface Values {
  name: string;
  type: string;
  region?: RegionChoice | null;
  creditCode?: string;
}

interface Props {
  /** null: a new organisation. */
  org: Org | null;
  typeOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}

/** Create (POST /api/orgs) or edit (PATCH with the version read, optimistic locking). */
export function OrgFormModal({ org, typeOptions, onClose, onSaved }: Props) {
  const t = useT();
  const { roots, current } = useRegionScope();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const creditCode = v.creditCode?.trim() ?? '';
    try {
      if (org) {
        await api(`/api/orgs/${org.id}`, {
          method: 'PATCH',
          body: {
            name: v.name,
            type: v.type,
            creditCode: creditCode || null,
            version: org.version,
          },
        });
      } else {
        await api('/api/orgs', {
          method: 'POST',
          body: {
            name: v.name,
            type: v.type,
            regionCode: v.region?.code,
            creditCode: creditCode || undefined,
          },
        });
      }
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={org ? t('orgs.edit') : t('orgs.create')}
      okText={org ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="org"
        layout="vertical"
        initialValues={
          org
            ? { name: org.name, type: org.type, creditCode: org.creditCode ?? '' }
            : { region: current, type: 'department' }
        }
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('orgs.type')} rules={[{ required: true }]}>
          <Select options={typeOptions} />
        </Form.Item>
        {org ? (
          <Form.Item label={t('orgs.region')}>
            <Input value={org.regionName} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            name="region"
            label={t('orgs.region')}
            rules={[{ required: true, message: t('users.regionRequired') }]}
          >
            <RegionCascader roots={roots} />
          </Form.Item>
        )}
        <Form.Item name="creditCode" label={t('orgs.creditCode')} extra={t('orgs.creditCodeHelp')}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
