import type { LightMyRequestResponse } from 'fastify';
import { maskMobile } from '../../../domain/identity/phone.js';
import { Agent, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { PORTAL_COOKIE } from './session.js';

/** Test helpers of the portal's API tests: the SMS code from the dev inbox, a registered agent. */

export function portalCookie(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((x) => x.name === PORTAL_COOKIE);
  return c && c.value ? `${PORTAL_COOKIE}=${c.value}` : null;
}

/** The newest code the dev inbox shows for a number. */
export async function inboxCode(t: TestApp, mobile: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
  const messages = res.json<{ messages: { mobileMasked: string; text: string }[] }>().messages;
  const text = messages.find((m) => m.mobileMasked === maskMobile(mobile))?.text ?? '';
  const code = /\d{6}/.exec(text)?.[0];
  if (!code) throw new Error(`no code in the inbox for ${maskMobile(mobile)}: ${res.body}`);
  return code;
}

export function post(t: TestApp, url: string, payload: object, ip = '127.0.0.1') {
  return t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
}

/** Registers a number through the API (code from the dev inbox) and returns its logged-in agent. */
export async function registerEntrepreneur(
  t: TestApp,
  mobile: string,
  password = TEST_PASSWORD,
): Promise<Agent> {
  const sent = await post(t, '/api/portal/sms-codes', { mobile });
  if (sent.statusCode !== 200) throw new Error(`send code: ${sent.body}`);
  const code = await inboxCode(t, mobile);
  const res = await post(t, '/api/portal/register', { mobile, code, password });
  if (res.statusCode !== 200) throw new Error(`register: ${res.body}`);
  return new Agent(t.app, portalCookie(res) ?? '', res.json<{ csrfToken: string }>().csrfToken);
}

/**
 * An officer confirms the pending first submissions (registrations or claims) of the account with
 * this mobile, as they would after checking it: the records then show in the portal.
 */
export async function confirmFirst(officer: Agent, mobile: string): Promise<void> {
  const queue = await officer.get('/api/portal-requests?state=pending&pageSize=100');
  if (queue.statusCode !== 200) throw new Error(`queue: ${queue.body}`);
  const items = queue
    .json<{ items: { id: string; kind: string; mobileMasked: string }[] }>()
    .items.filter((r) => r.mobileMasked === maskMobile(mobile) && r.kind !== 'change');
  for (const r of items) {
    const res = await officer.post(`/api/portal-requests/${r.id}/accept`, {});
    if (res.statusCode !== 200) throw new Error(`accept: ${res.body}`);
  }
}
