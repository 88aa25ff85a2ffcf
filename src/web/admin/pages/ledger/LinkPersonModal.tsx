import { Form, Modal, Select } from 'antd';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
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

  const save = useSubmit(async (v: { personId: string; role: string }) =>
    onLinked(
      await api<EntityDetail>(`/api/entities/${entity.id}/links`, { method: 'POST', body: v }),
    ),
  );

  return (
    <Modal
      open
      title={t('ledger.link.title', { name: entity.name })}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.busy}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        name="link"
        initialValues={{ role: 'founder' }}
        onFinish={(v) => void save.run(v)}
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
