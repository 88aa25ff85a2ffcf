import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { portalHooks } from '../../portal/accounts/session.js';
import {
  NotificationPage,
  NotificationParamsSchema,
  NotificationQuery,
  NotificationView,
  ReadAllView,
} from './contract.js';
import * as notifications from './service.js';

/**
 * Notifications, each reader their own: the console's bell under /api/notifications (any staff
 * session) and the portal's 消息 under /api/portal/notifications (the entrepreneur's session).
 * Register after the portal's routes (they decorate the request with the portal state).
 */
export function registerNotificationRoutes(app: App, deps: AppDeps): void {
  const tags = ['通知 notifications'];
  const one = { 200: NotificationView, ...ERROR_RESPONSES };
  app.get('/api/notifications', {
    schema: {
      tags,
      summary: '本人的通知（分页，含未读数）',
      querystring: NotificationQuery,
      response: { 200: NotificationPage, ...ERROR_RESPONSES },
    },
    handler: (req) => notifications.listMine(deps, req.ctx, req.query),
  });
  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: '标为已读', params: NotificationParamsSchema, response: one },
    config: { action: 'notification.read' },
    handler: (req) => notifications.readMine(deps, req.ctx, req.params.id),
  });
  app.post('/api/notifications/read-all', {
    schema: { tags, summary: '全部标为已读', response: { 200: ReadAllView, ...ERROR_RESPONSES } },
    config: { action: 'notification.read_all' },
    handler: (req) => notifications.readAllMine(deps, req.ctx),
  });

  const hooks = portalHooks(deps);
  const ptags = ['创业者门户 portal'];
  app.get('/api/portal/notifications', {
    ...hooks,
    schema: {
      tags: ptags,
      summary: '我的消息（分页，含未读数）',
      querystring: NotificationQuery,
      response: { 200: NotificationPage, ...ERROR_RESPONSES },
    },
    config: { portal: 'self' },
    handler: (req) => notifications.listPortal(deps, req.ctx, req.portal, req.query),
  });
  app.post('/api/portal/notifications/:id/read', {
    ...hooks,
    schema: {
      tags: ptags,
      summary: '消息标为已读',
      params: NotificationParamsSchema,
      response: one,
    },
    config: { portal: 'self', action: 'portal.notification_read' },
    handler: (req) => notifications.readPortal(deps, req.ctx, req.portal, req.params.id),
  });
  app.post('/api/portal/notifications/read-all', {
    ...hooks,
    schema: {
      tags: ptags,
      summary: '消息全部标为已读',
      response: { 200: ReadAllView, ...ERROR_RESPONSES },
    },
    config: { portal: 'self', action: 'portal.notification_read_all' },
    handler: (req) => notifications.readAllPortal(deps, req.ctx, req.portal),
  });
}
