import type { FastifyBaseLogger } from 'fastify';
import { maskMobile } from '../../domain/identity/phone.js';
import type { SmsMode } from '../config.js';

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
 * The built-in transport (`FANXIANG_SMS=log`): logs every message with the number masked and keeps
 * the last few in memory for the dev inbox. Codes never reach the database in clear.
 */
export class LogSmsTransport implements SmsTransport {
  readonly available = true;
  private readonly messages: InboxMessage[] = [];
  private next = 1;

  constructor(private readonly log: FastifyBaseLogger) {}

  send(message: SmsMessage, at: Date): Promise<void> {
    const mobileMasked = maskMobile(message.mobile);
    this.log.info({ sms: { to: mobileMasked, text: message.text } }, 'SMS (log transport)');
    this.messages.unshift({ id: this.next++, mobileMasked, text: message.text, sentAt: at });
    this.messages.length = Math.min(this.messages.length, INBOX_SIZE);
    return Promise.resolve();
  }

  inbox(): InboxMessage[] {
    return [...this.messages];
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

/** The transport the configuration names. */
export function createSmsTransport(mode: SmsMode, log: FastifyBaseLogger): SmsTransport {
  return mode === 'log' ? new LogSmsTransport(log) : new NoSmsTransport();
}
