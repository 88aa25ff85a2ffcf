import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, onApiActivity } from '../../shared/api';
import type { SecuritySettings } from '../../shared/types';
import { useT } from '../i18n/i18n';
import {
  clock,
  DEFAULT_IDLE_MINUTES,
  lastActivity,
  markActivity,
  msLeft,
  WARN_BEFORE_MS,
} from './idle';
import { useSession } from './SessionProvider';

/**
 * Watches the idle timeout: about two minutes before the session would end, a dialog offers
 * 「继续工作」 (which touches the session); when the time is up, the session is ended and the
 * re-login dialog opens over the page.
 */
export function IdleWatch() {
  const t = useT();
  const { can, expire, logout } = useSession();
  const [idleMinutes, setIdleMinutes] = useState(DEFAULT_IDLE_MINUTES);
  const [left, setLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = useRef(Date.now());
  const mayReadSettings = can('security.read');

  useEffect(() => {
    if (!mayReadSettings) return;
    api<SecuritySettings>('/api/security/settings')
      .then((s) => setIdleMinutes(s.idleMinutes))
      .catch(() => undefined);
  }, [mayReadSettings]);

  useEffect(() => {
    markActivity(mine.current);
    return onApiActivity(() => {
      mine.current = Date.now();
      markActivity(mine.current);
    });
  }, []);

  useEffect(() => {
    const tick = () => {
      const remaining = msLeft(lastActivity(mine.current), idleMinutes, Date.now());
      if (remaining <= 0) {
        setLeft(null);
        expire();
      } else {
        setLeft(remaining <= WARN_BEFORE_MS ? remaining : null);
      }
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [idleMinutes, expire]);

  const keepWorking = async () => {
    setBusy(true);
    try {
      await api('/api/auth/session');
      setLeft(null);
    } catch {
      // The session had already ended: the re-login dialog takes over.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={left !== null}
      title={
        <Space>
          <ClockCircleOutlined />
          {t('idle.title')}
        </Space>
      }
      closable={false}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={() => void logout()}>{t('idle.logout')}</Button>
          <Button type="primary" loading={busy} onClick={() => void keepWorking()}>
            {t('idle.keep')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        {t('idle.body', { time: clock(left ?? 0), minutes: idleMinutes })}
      </Typography.Paragraph>
    </Modal>
  );
}
