import { maskMobile } from '../../../domain/identity/phone.js';
import type { TestApp } from '../../../test/harness.js';

/** Test helpers of the account tests: a user's own mobile, the reset password from the inbox. */

/** Logs in as `login` and records their own mobile number through the API, as the user would. */
export async function giveOwnMobile(t: TestApp, login: string, mobile: string): Promise<void> {
  const agent = await t.login(login);
  const res = await agent.post('/api/auth/mobile', {
    mobile,
    currentPassword: 'Fanxiang#2026test',
  });
  if (res.statusCode !== 200) throw new Error(`set mobile: ${res.body}`);
}

/** The temporary password of the newest reset message the dev inbox shows for a number. */
export async function inboxPassword(t: TestApp, mobile: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
  const messages = res.json<{ messages: { mobileMasked: string; text: string }[] }>().messages;
  const text = messages.find((m) => m.mobileMasked === maskMobile(mobile))?.text ?? '';
  const password = /临时密码：([A-Za-z0-9#]+)/.exec(text)?.[1];
  if (!password) throw new Error(`no password in the inbox for ${maskMobile(mobile)}: ${res.body}`);
  return password;
}
