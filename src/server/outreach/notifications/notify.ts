import { type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import {
  NOTIFICATION_KINDS,
  type NotificationKindCode,
  type NotificationParams,
  renderNotificationText,
} from '../../../domain/notifications/kinds.js';
import { maskMobile } from '../../../domain/identity/phone.js';
import { decrypt, type Keys } from '../../platform/crypto/keys.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import { rowsOf } from '../../platform/db/rows.js';
import {
  notificationsInsert,
  pendingSms,
  type Recipient,
  recipientMobileEnc,
  setSmsState,
} from './repo.js';

export interface NotifyInput {
  kind: NotificationKindCode;
  to: Recipient[];
  params?: NotificationParams;
  /** Where a click goes (a console path such as `/ledger/requests`, or a portal path). */
  link?: string | null;
  subject?: { type: string; id: string } | null;
  at: Date;
}

/** What was written: the rows, and those whose text message waits for {@link deliverSms}. */
export interface Notified {
  ids: string[];
  sms: string[];
}

/**
 * The write of a notification, one row per recipient (audiences resolved to users in the same
 * statement), for a caller that sends it together with its own writes (writeTogether); null when
 * nobody can receive it. A kind with the SMS channel marks its rows `pending`.
 */
export function notificationWrite(input: NotifyInput): SQL | null {
  const kind = NOTIFICATION_KINDS[input.kind];
  return notificationsInsert(input.to, {
    kind: input.kind,
    titleKey: kind.title,
    bodyKey: kind.body,
    params: input.params ?? {},
    link: input.link ?? null,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    smsState: kind.sms ? 'pending' : null,
    createdAt: input.at,
  });
}

/**
 * Writes a notification for each recipient inside the caller's transaction `tx` (one
 * statement), so it exists exactly when the change it reports commits. A kind with the SMS
 * channel marks its rows `pending`; the caller hands the result to {@link deliverSms} after the
 * commit.
 *
 * @example
 * const sent = await db.transaction((tx) =>
 *   notify(tx, { kind: 'portal.request_rejected', to: [{ accountId }], params, at: now }),
 * );
 * await deliverSms(db, keys, sms, log, sent);
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<Notified> {
  const write = notificationWrite(input);
  if (!write) return { ids: [], sms: [] };
  const ids = (await rowsOf<{ id: string }>(tx, sql`${write} RETURNING id`)).map((r) => r.id);
  return { ids, sms: NOTIFICATION_KINDS[input.kind].sms ? ids : [] };
}

/**
 * Sends the text messages of committed notifications (zh-CN: the portal's language) and records
 * each outcome (`sent`, `failed`, `unavailable` when no gateway is configured or the recipient has
 * no mobile). Never throws: a failed SMS does not undo the change. Logs carry masked numbers only.
 */
export async function deliverSms(
  db: Db,
  keys: Keys,
  sms: SmsTransport,
  log: FastifyBaseLogger,
  notified: Notified,
  at: Date,
): Promise<void> {
  for (const row of await pendingSms(db, notified.sms)) {
    try {
      const enc = await recipientMobileEnc(db, row);
      if (!sms.available || !enc) {
        await setSmsState(db, row.id, 'unavailable');
        continue;
      }
      const mobile = decrypt(keys, enc);
      const title = renderNotificationText(row.titleKey, row.params, 'zh-CN');
      const body = renderNotificationText(row.bodyKey, row.params, 'zh-CN');
      try {
        await sms.send({ mobile, text: `【返乡创业服务平台】${title}：${body}` }, at);
        await setSmsState(db, row.id, 'sent');
      } catch (e) {
        log.warn({ notification: row.id, to: maskMobile(mobile), err: String(e) }, 'SMS not sent');
        await setSmsState(db, row.id, 'failed');
      }
    } catch (e) {
      log.warn({ notification: row.id, err: String(e) }, 'SMS delivery bookkeeping failed');
    }
  }
}
