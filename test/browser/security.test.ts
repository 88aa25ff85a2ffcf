import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, login, openPage, screenshot, server } from './browser.js';

/** Five wrong passwords lock an account (the default lock-out threshold). */
async function lockAccount(baseUrl: string, name: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: name, password: `wrong-${i}` }),
    });
  }
}

describe.skipIf(!server())('the security administrator', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('saves the security settings and unlocks a locked account', async () => {
    await lockAccount(server()!.baseUrl, 'tx_officer');
    const { page, errors } = await openPage(browser);
    await login(page, 'secadmin', { totp: true });
    await page.getByTestId('side-menu').getByText('安全管理').click();

    const idle = page.locator('#security-settings_idleMinutes');
    await expect.poll(() => idle.inputValue()).toBe('30');
    await page.getByRole('cell', { name: 'tx_officer' }).waitFor();
    await screenshot(page, 'console-security');

    // The form's own submit button: while a save is in flight antd adds a loading icon to its name.
    const save = page.locator('form#security-settings button[type="submit"]');
    const saved = () => page.getByText('安全设置已保存').count();
    await idle.fill('45');
    await save.click();
    await expect.poll(saved).toBeGreaterThan(0);
    await expect.poll(() => save.getAttribute('class')).not.toContain('ant-btn-loading');
    await idle.fill('30');
    await save.click();
    await expect.poll(() => save.getAttribute('class')).not.toContain('ant-btn-loading');
    const stored = async () =>
      ((await (await page.request.get('/api/security/settings')).json()) as { idleMinutes: number })
        .idleMinutes;
    await expect.poll(stored).toBe(30);

    await page
      .getByRole('row', { name: /tx_officer/ })
      .getByRole('button', { name: /^解\s*锁$/ })
      .click();
    await page.getByRole('button', { name: /^(确\s*定|OK)$/ }).click();
    await page.getByText('当前没有被锁定的账号').waitFor();
    expect(errors).toEqual([]);
  });
});
