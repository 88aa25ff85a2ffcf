import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, login, openPage, screenshot, server } from './browser.js';

describe.skipIf(!server())('the audit administrator', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('searches the audit log and verifies the hash chain', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'auditor', { totp: true });
    const menu = page.getByTestId('side-menu');
    expect(await menu.getByText('系统管理').count()).toBe(0);
    await menu.getByText('审计日志').click();
    await page.getByRole('button', { name: /校验审计链/ }).waitFor();

    await page.locator('#audit-filters_actorLogin').fill('auditor');
    await page.locator('#audit-filters_action').fill('auth.login');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(async () => {
        const rows = page.locator('.ant-table-tbody tr.ant-table-row');
        const n = await rows.count();
        const texts = await rows.allInnerTexts();
        return n > 0 && texts.every((t) => t.includes('auditor') && t.includes('登录'));
      })
      .toBe(true);

    await page.getByRole('button', { name: /校验审计链/ }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/审计链完整：已校验 \d+ 条记录/);
    await screenshot(page, 'console-audit');
    expect(errors).toEqual([]);
  });
});
