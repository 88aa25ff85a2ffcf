import { EnvironmentOutlined } from '@ant-design/icons';
import { Divider, Space, Tooltip } from 'antd';
import { RegionCascader } from '../components/RegionCascader';
import { useT } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Notifications } from './Notifications';
import { useRegionScope } from './RegionScope';
import { UserMenu } from './UserMenu';

/** Header: the region being looked at (within scope), notifications, language, the user. */
export function HeaderBar() {
  const t = useT();
  const { roots, current, setCurrent } = useRegionScope();
  return (
    <>
      <Space>
        <Tooltip title={t('region.switcherHint')}>
          <EnvironmentOutlined style={{ color: '#1a5fb4' }} />
        </Tooltip>
        <span>{t('region.current')}</span>
        {roots.length > 0 && (
          <RegionCascader
            id="region-switcher"
            roots={roots}
            value={current}
            onChange={(choice) => choice && setCurrent(choice)}
            style={{ minWidth: 240 }}
          />
        )}
      </Space>
      <Space size="small" separator={<Divider orientation="vertical" />}>
        <Notifications />
        <LanguageSwitch />
        <UserMenu />
      </Space>
    </>
  );
}
