import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/http/paging.js';

/** zod contracts of the notifications (console /api/notifications, portal /api/portal/notifications). */

export const NotificationQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'true：只列未读' }),
});
export type NotificationQueryT = z.infer<typeof NotificationQuery>;

export const NotificationParamsSchema = z.object({ id: z.uuid() });

export const NotificationView = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: '通知类型代码，如 portal.request_opened' }),
    title: z.string().meta({ description: '标题（按请求语言生成）' }),
    body: z.string(),
    link: z.string().nullable().meta({ description: '点击后打开的页面（控制台或门户路径）' }),
    subject: z
      .object({ type: z.string(), id: z.string() })
      .nullable()
      .meta({ description: '相关对象' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationViewT = z.infer<typeof NotificationView>;

export const NotificationPage = pageOf(NotificationView).extend({
  unread: z.number().int().min(0).meta({ description: '未读条数' }),
});
export type NotificationPageT = z.infer<typeof NotificationPage>;

export const ReadAllView = z.object({ updated: z.number().int().min(0) });
