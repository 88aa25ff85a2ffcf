import { Alert, Button, Modal } from 'antd';
import { setCsrfToken } from '../../shared/api';
import type { Session } from '../../shared/types';
import { LoginFlow } from '../auth/LoginFlow';
import { useT } from '../i18n/i18n';

interface Props {
  login: string;
  onDone: (view: Session) => void;
  onLogout: () => void;
}

/**
 * Asks for the password again over the current page when the session has ended; the page below
 * stays mounted, so whatever was being typed is still there afterwards.
 */
export function ReloginModal({ login, onDone, onLogout }: Props) {
  const t = useT();
  return (
    <Modal
      open
      title={t('relogin.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      zIndex={2000}
      footer={<Button onClick={onLogout}>{t('relogin.logout')}</Button>}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('relogin.intro')} style={{ marginBottom: 16 }} />
      <LoginFlow
        fixedLogin={login}
        onSession={(view) => {
          setCsrfToken(view.csrfToken);
          if (view.next === 'ok') onDone(view);
        }}
      />
    </Modal>
  );
}
