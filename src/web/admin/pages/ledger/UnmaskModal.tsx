import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { api } from '../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import type { Unmasked } from './types';

interface Values {
  reason: string;
  fields: ('idNumber' | 'mobile')[];
}

/**
 * 查看完整信息: asks why (4–200 characters, written to the audit trail) and which numbers, then
 * shows them (POST /api/people/:id/unmask).
 */
export function UnmaskModal({
  personId,
  name,
  onClose,
  onUnmasked,
}: {
  personId: string;
  name: string;
  onClose: () => void;
  onUnmasked: (u: Unmasked) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const save = useSubmit(async (v: Values) =>
    onUnmasked(
      await api<Unmasked>(`/api/people/${personId}/unmask`, {
        method: 'POST',
        body: { reason: v.reason.trim(), fields: v.fields },
      }),
    ),
  );

  return (
    <Modal
      open
      title={t('ledger.unmask.title', { name })}
      okText={t('ledger.unmask.ok')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.busy}
      destroyOnHidden
      width={520}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('ledger.unmask.notice')}
      />
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="unmask"
        initialValues={{ fields: ['idNumber', 'mobile'] }}
        onFinish={(v) => void save.run(v)}
      >
        <Form.Item
          name="fields"
          label={t('ledger.unmask.fields')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('ledger.unmask.fieldsRequired') },
          ]}
        >
          <Checkbox.Group
            options={[
              { value: 'idNumber', label: t('lp.idNumber') },
              { value: 'mobile', label: t('lp.mobile') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ledger.unmask.reason')}
          rules={[
            { required: true, whitespace: true, message: t('ledger.unmask.reasonRequired') },
            { min: 4, max: 200, message: t('ledger.unmask.reasonLength') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('ledger.unmask.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
