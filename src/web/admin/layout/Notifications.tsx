import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useT } from '../i18n/i18n';

/** One notice for the bell: work reminders, import results, approvals waiting. */
export interface Notice {
  id: string;
  title: string;
  at: string;
  read: boolean;
}

/**
 * The notifications bell. No notice source exists on the server yet, so the list is empty; the
 * structure (badge of unread, list, empty state) is ready for one.
 */
export function Notifications({ notices = [] }: { notices?: Notice[] }) {
  const t = useT();
  const unread = notices.filter((n) => !n.read).length;
  const content = (
    <div style={{ width: 320 }}>
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} />
      ) : (
        <List
          size="small"
          dataSource={notices}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={<Typography.Text strong={!n.read}>{n.title}</Typography.Text>}
                description={new Date(n.at).toLocaleString()}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover title={t('notices.title')} content={content} trigger="click" placement="bottomRight">
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notices.title')} />
      </Badge>
    </Popover>
  );
}
