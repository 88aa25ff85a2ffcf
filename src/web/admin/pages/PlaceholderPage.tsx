import { ToolOutlined } from '@ant-design/icons';
import { Card, Empty } from 'antd';
import { PageHead } from '../components/PageHead';
import { type MessageKey, useT } from '../i18n/i18n';

/** A module still being built: the real layout, its title and an empty state. */
export function PlaceholderPage({ titleKey }: { titleKey: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHead title={t(titleKey)} />
      <Card>
        <Empty
          image={<ToolOutlined style={{ fontSize: 56, color: '#bfbfbf' }} />}
          description={
            <>
              <div style={{ fontSize: 16, marginBottom: 4 }}>{t('placeholder.title')}</div>
              <div style={{ color: '#8c8c8c' }}>{t('placeholder.body')}</div>
            </>
          }
        />
      </Card>
    </>
  );
}
