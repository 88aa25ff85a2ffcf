import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n/i18n';

/** 中文 / English; the choice is remembered (localStorage) and sent to the API as Accept-Language. */
export function LanguageSwitch({ light }: { light?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: [
          { key: 'zh-CN', label: '简体中文' },
          { key: 'en', label: 'English' },
        ],
        onClick: ({ key }) => setLocale(key === 'en' ? 'en' : 'zh-CN'),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        style={light ? { color: '#fff' } : undefined}
      >
        {locale === 'en' ? 'English' : '中文'}
      </Button>
    </Dropdown>
  );
}
