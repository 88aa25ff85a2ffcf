import { App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import type { OwnMobile } from '../../shared/types';
import { ErrorAlert } from '../components/errors';
import { useSubmit } from '../components/useSubmit';
import { useT } from '../i18n/i18n';

interface Values {
  mobile: string;
  currentPassword: string;
}

/** The user records their own mobile, where a password reset's text message goes. */
export function OwnMobileModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSubmit(async (v: Values) => {
    const r = await api<OwnMobile>('/api/auth/mobile', { method: 'POST', body: v });
    void message.success(t('admins.mobileSaved', { mobile: r.mobileMasked }));
    onClose();
  });
  return (
    <Modal
      open
      title={t('admins.ownMobile')}
      confirmLoading={save.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('admins.ownMobileHelp')}</Typography.Paragraph>
      <ErrorAlert error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save.run(v)}>
        <Form.Item
          name="mobile"
          label={t('admins.mobile')}
          rules={[
            { required: true, pattern: /^1[3-9]\d{9}$/, message: t('admins.mobileRequired') },
          ]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="currentPassword"
          label={t('admins.currentPassword')}
          rules={[{ required: true, message: t('admins.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
