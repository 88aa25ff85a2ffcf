import { Alert, Modal, Typography } from 'antd';
import { useT } from '../../i18n/i18n';

interface Props {
  login: string;
  /** null: the administrator set the password. */
  password: string | null;
  title: string;
  onClose: () => void;
}

/** Shows a one-time temporary password: the only time it is ever displayed. */
export function TempPasswordModal({ login, password, title, onClose }: Props) {
  const t = useT();
  return (
    <Modal
      open
      title={title}
      onOk={onClose}
      onCancel={onClose}
      footer={(_, { OkBtn }) => <OkBtn />}
    >
      {password ? (
        <>
          <Typography.Paragraph>{t('users.tempPasswordIntro', { login })}</Typography.Paragraph>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            <Typography.Text code copyable data-testid="temp-password" style={{ fontSize: 22 }}>
              {password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('users.tempPasswordWarning')} />
        </>
      ) : (
        <Typography.Paragraph>{t('users.ownPassword', { login })}</Typography.Paragraph>
      )}
    </Modal>
  );
}
