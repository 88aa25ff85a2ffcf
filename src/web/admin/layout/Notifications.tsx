import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatTime } from '../components/format';
import { useT } from '../i18n/i18n';

/** One notification as GET /api/notifications lists it (texts in the UI language). */
export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
}

/**
 * The notifications bell: the unread count on the badge, the newest notices in the popover.
 * Clicking one marks it read and opens its link; 全部已读 marks them all. Refreshed when opened
 * and on every page the user opens — never on a timer, which would keep an idle session alive
 * past its timeout.
 */
export function Notifications() {
  const t = useT();
  const navigate = useNavigate();
  const [page, setPage] = useState<NoticePage>({ items: [], total: 0, unread: 0 });
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    api<NoticePage>('/api/notifications', { query: { pageSize: 20 } })
      .then(setPage)
      .catch(() => undefined);
  }, []);
  const { pathname } = useLocation();
  useEffect(load, [load, pathname]);

  const openNotice = async (n: Notice) => {
    setOpen(false);
    if (!n.readAt) {
      await api(`/api/notifications/${n.id}/read`, { method: 'POST' }).catch(() => undefined);
      load();
    }
    if (n.link) void navigate(n.link);
  };
  const readAll = async () => {
    await api('/api/notifications/read-all', { method: 'POST' }).catch(() => undefined);
    load();
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} className="notices">
      {page.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} />
      ) : (
        <List
          size="small"
          dataSource={page.items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'notice read' : 'notice unread'}
              style={{ cursor: 'pointer' }}
              onClick={() => void openNotice(n)}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.readAt}>
                    {!n.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                    {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('notices.title')}</span>
          {page.unread > 0 && (
            <Button type="link" size="small" onClick={() => void readAll()}>
              {t('notices.readAll')}
            </Button>
          )}
        </div>
      }
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) load();
      }}
    >
      <Badge count={page.unread} size="small">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={
            page.unread > 0 ? t('notices.titleUnread', { count: page.unread }) : t('notices.title')
          }
        />
      </Badge>
    </Popover>
  );
}
