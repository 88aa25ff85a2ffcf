import { Space, Tag } from 'antd';
import type { User } from '../../../shared/types';
import { useT } from '../../i18n/i18n';

/** 正常 / 已停用 / 已锁定, and 待改密 after a reset. */
export function UserStatus({
  user,
}: {
  user: Pick<User, 'disabled' | 'locked' | 'mustChangePassword'>;
}) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Tag color="red">{t('users.statusDisabled')}</Tag>
      ) : user.locked ? (
        <Tag color="orange">{t('users.statusLocked')}</Tag>
      ) : (
        <Tag color="green">{t('users.statusActive')}</Tag>
      )}
      {user.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
    </Space>
  );
}
