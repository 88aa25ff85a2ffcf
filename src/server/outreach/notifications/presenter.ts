import type { Locale } from '../../../domain/errors/messages.js';
import { renderNotificationText } from '../../../domain/notifications/kinds.js';
import type { NotificationViewT } from './contract.js';
import type { NotificationRow } from './repo.js';

/** A notification as its reader sees it: texts rendered in the reader's language. */
export function presentNotification(row: NotificationRow, locale: Locale): NotificationViewT {
  return {
    id: row.id,
    kind: row.kind,
    title: renderNotificationText(row.titleKey, row.params, locale),
    body: renderNotificationText(row.bodyKey, row.params, locale),
    link: row.link,
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
