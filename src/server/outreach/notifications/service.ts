import { AppError } from '../../../domain/errors/codes.js';
import type { Locale } from '../../../domain/errors/messages.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import { pageOffset } from '../../platform/http/paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import { recordPortalAudit } from '../../portal/accounts/audit.js';
import { type PortalState, requireEntrepreneur } from '../../portal/accounts/session.js';
import { requireActor } from '../../access/scope/scope.js';
import type { NotificationPageT, NotificationQueryT, NotificationViewT } from './contract.js';
import { presentNotification } from './presenter.js';
import { listOwn, markAllRead, markRead, type Owner } from './repo.js';

/**
 * Reading one's own notifications: a staff user their bell, an entrepreneur 我的 → 消息. Nobody
 * ever reaches another's rows: every query is keyed by the caller, and another's id is NOT_FOUND.
 * Marking read is audited like every change.
 */

async function list(
  deps: AppDeps,
  owner: Owner,
  locale: Locale,
  query: NotificationQueryT,
): Promise<NotificationPageT> {
  const { rows, total, unread } = await listOwn(deps.db, owner, {
    unreadOnly: query.unread === 'true',
    limit: query.pageSize,
    offset: pageOffset(query),
  });
  return {
    items: rows.map((r) => presentNotification(r, locale)),
    total,
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The console user's notifications, newest first, with the unread count. */
export function listMine(
  deps: AppDeps,
  ctx: RequestContext,
  query: NotificationQueryT,
): Promise<NotificationPageT> {
  const actor = requireActor(ctx);
  return list(deps, { userId: actor.userId }, ctx.locale, query);
}

/** Marks one of the console user's notifications read; another's id is NOT_FOUND. */
export async function readMine(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<NotificationViewT> {
  const actor = requireActor(ctx);
  const now = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const r = await markRead(tx, { userId: actor.userId }, id, now);
    if (!r) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, now, {
      action: 'notification.read',
      objectType: 'notification',
      objectId: id,
    });
    return r;
  });
  return presentNotification(row, ctx.locale);
}

/** Marks all the console user's notifications read. */
export async function readAllMine(
  deps: AppDeps,
  ctx: RequestContext,
): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const updated = await markAllRead(tx, { userId: actor.userId }, now);
    await recordAudit(tx, ctx, now, {
      action: 'notification.read_all',
      objectType: 'user',
      objectId: actor.userId,
      details: { updated },
    });
    return { updated };
  });
}

/** The entrepreneur's notifications (我的 → 消息), zh-CN unless the request asks for English. */
export function listPortal(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  query: NotificationQueryT,
): Promise<NotificationPageT> {
  const me = requireEntrepreneur(state);
  return list(deps, { accountId: me.accountId }, ctx.locale, query);
}

export async function readPortal(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  id: string,
): Promise<NotificationViewT> {
  const me = requireEntrepreneur(state);
  const now = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const r = await markRead(tx, { accountId: me.accountId }, id, now);
    if (!r) throw new AppError('NOT_FOUND');
    await recordPortalAudit(tx, ctx, now, me, {
      action: 'portal.notification_read',
      objectType: 'notification',
      objectId: id,
    });
    return r;
  });
  return presentNotification(row, ctx.locale);
}

export async function readAllPortal(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
): Promise<{ updated: number }> {
  const me = requireEntrepreneur(state);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const updated = await markAllRead(tx, { accountId: me.accountId }, now);
    await recordPortalAudit(tx, ctx, now, me, {
      action: 'portal.notification_read_all',
      objectType: 'portal_account',
      objectId: me.accountId,
      details: { updated },
    });
    return { updated };
  });
}
