import type { FastifyBaseLogger } from 'fastify';
import {
  NOTIFICATION_KINDS,
  type NotificationKindCode,
  type NotificationParams,
  renderNotificationText,
} from '../../../domain/notifications/kinds.js';
import { maskMobile } from '../../../domain/identity/phone.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { decrypt, type Keys } from '../../platform/crypto/keys.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import {
  insertNotifications,
  pendingSms,
  recipientMobileEnc,
  setSmsState,
  usersCoveringRegion,
  usersOfOrg,
} from './repo.js';

/**
 * Who receives a notification. Audiences are resolved to users now, one row each:
 * - `userId` / `accountId`: one staff user / one entrepreneur's portal account;
 * - `orgId`: the enabled users of an organisation;
 * - `officersOf`: the most local enabled users whose region-scoped role carries `permission` over
 *   `regionCode` — the township's officers, or the county's when nobody holds the township, and
 *   so on up the tree.
 */
export type Recipient =
  | { userId: string }
  | { accountId: string }
  | { orgId: string }
  | { officersOf: { regionCode: string; permission: string } };

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

async function resolve(tx: Executor, to: Recipient): Promise<Recipient[]> {
  if ('orgId' in to) return (await usersOfOrg(tx, to.orgId)).map((userId) => ({ userId }));
  if ('officersOf' in to) {
    const found = await usersCoveringRegion(tx, to.officersOf.regionCode, to.officersOf.permission);
    const depth = (f: { scopeRegion: string }) => regionPrefix(f.scopeRegion).length;
    const deepest = Math.max(0, ...found.map(depth));
    const local = found.filter((f) => depth(f) === deepest).map((f) => f.userId);
    return [...new Set(local)].map((userId) => ({ userId }));
  }
  return [to];
}

/**
 * Writes a notification for each recipient inside the caller's transaction `tx`, so it exists
 * exactly when the change it reports commits. A kind with the SMS channel marks its rows
 * `pending`; the caller hands the result to {@link deliverSms} after the commit.
 *
 * @example
 * const sent = await db.transaction((tx) =>
 *   notify(tx, { kind: 'portal.request_rejected', to: [{ accountId }], params, at: now }),
 * );
 * await deliverSms(db, keys, sms, log, sent);
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<Notified> {
  const kind = NOTIFICATION_KINDS[input.kind];
  const seen = new Set<string>();
  const rows = [];
  for (const r of (await Promise.all(input.to.map((t) => resolve(tx, t)))).flat()) {
    const key = 'userId' in r ? `u:${r.userId}` : 'accountId' in r ? `a:${r.accountId}` : '';
    if (!key || seen.has(key)) continue;
    seen.add(key);
    rows.push({
      ...('userId' in r ? { userId: r.userId } : {}),
      ...('accountId' in r ? { accountId: r.accountId } : {}),
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
  const ids = (await insertNotifications(tx, rows)).map((r) => r.id);
  return { ids, sms: kind.sms ? ids : [] };
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
