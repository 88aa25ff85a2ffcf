import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';

/**
 * The drawer a ledger record is created or edited in, with 取消 and 保存 at the foot; 保存
 * submits the form (`onSave`), spinning while `busy`.
 */
export function FormDrawer({
  title,
  size,
  busy,
  onSave,
  onClose,
  children,
}: {
  title: string;
  size: number;
  busy: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('ledger.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={onSave}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
