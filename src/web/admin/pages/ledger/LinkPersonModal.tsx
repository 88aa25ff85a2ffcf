import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useT } from '../../i18n/i18n';
import { useCodeOptions } from './names';
import { RecordSelect } from './RecordSelect';
import type { EntityDetail } from './types';

/** 关联人员: a person of the ledger and their role (POST /api/entities/:id/links). */
export function LinkPersonModal({
  entity,
  onClose,
  onLinked,
}: {
  entity: EntityDetail;
  onClose: () => void;
  onLinked: (e: EntityDetail) => void;
}) {
  const t = useT();
  const options = useCodeOptions();
  const [form] = Form.useForm<{ personId: string; role: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: { personId: string; role: string }) => {
    setBusy(true);
    setError(null);
    try {
      onLinked(
        await api<EntityDetail>(`/api/entities/${entity.id}/links`, { method: 'POST', body: v }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('ledger.link.title', { name: entity.name })}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="link"
        initialValues={{ role: 'founder' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="personId"
          label={t('ledger.link.person')}
          rules={[{ required: true, message: t('ledger.requiredChoose') }]}
        >
          <RecordSelect kind="person" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('ledger.link.role')}
          rules={[{ required: true, message: t('ledger.requiredChoose') }]}
        >
          <Select options={options('role')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
