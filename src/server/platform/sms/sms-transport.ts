import type { FastifyBaseLogger } from 'fastify';
import { maskMobile } from '../../../domain/identity/phone.js';
import type { SmsMode } from '../../config.js';

/** One text message to a mainland mobile number. */
export interface SmsMessage {
  /** Normalised 11-digit number. */
  mobile: string;
  text: string;
}

/** A message as the dev inbox shows it: the number masked, the text whole (it holds the code). */
export interface InboxMessage {
  id: number;
  mobileMasked: string;
  text: string;
  sentAt: Date;
}

/**
 * Where the portal's text messages go. Production implements it for an SMS gateway; the built-in
 * {@link LogSmsTransport} serves development and the demo. Tests use the built-in one too.
 */
export interface SmsTransport {
  /** Whether messages can be sent at all; when false the portal refuses with SMS_UNAVAILABLE. */
  readonly available: boolean;
  send(message: SmsMessage, at: Date): Promise<void>;
  /** Recent messages, newest first, for the dev inbox; `null` when there is no inbox. */
  inbox(): InboxMessage[] | null;
}

/** How many messages the dev inbox keeps (in memory only, lost at restart). */
const INBOX_SIZE = 50;

/**
 * A message's text as the log may show it: every run of four or more digits (the code) hidden.
 *
 * @example
 * logSafeText('验证码 123456，5 分钟内有效') // '验证码 ******，5 分钟内有效'
 */
export function logSafeText(text: string): string {
  return text.replace(/\d{4,}/g, (digits) => '*'.repeat(digits.length));
}

/**
 * The built-in transport (`FANXIANG_SMS=log`): logs every message with the number masked and the
 * code hidden, and — with `inbox` (demo mode only) — keeps the last few in memory for the dev
 * inbox. Codes never reach the database or the log in clear.
 */
export class LogSmsTransport implements SmsTransport {
  readonly available = true;
  private readonly messages: InboxMessage[] = [];
  private next = 1;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly keepInbox: boolean,
  ) {}

  send(message: SmsMessage, at: Date): Promise<void> {
    const mobileMasked = maskMobile(message.mobile);
    this.log.info(
      { sms: { to: mobileMasked, text: logSafeText(message.text) } },
      'SMS (log transport)',
    );
    if (!this.keepInbox) return Promise.resolve();
    this.messages.unshift({ id: this.next++, mobileMasked, text: message.text, sentAt: at });
    this.messages.length = Math.min(this.messages.length, INBOX_SIZE);
    return Promise.resolve();
  }

  inbox(): InboxMessage[] | null {
    return this.keepInbox ? [...this.messages] : null;
  }
}

/** `FANXIANG_SMS=none`: no gateway configured; nothing is sent and there is no inbox. */
export class NoSmsTransport implements SmsTransport {
  readonly available = false;
  send(): Promise<void> {
    return Promise.reject(new Error('no SMS transport configured'));
  }
  inbox(): null {
    return null;
  }
}

/** The transport the configuration names; the dev inbox exists only in demo mode. */
export function createSmsTransport(
  mode: SmsMode,
  log: FastifyBaseLogger,
  opts: { demo: boolean },
): SmsTransport {
  return mode === 'log' ? new LogSmsTransport(log, opts.demo) : new NoSmsTransport();
}
