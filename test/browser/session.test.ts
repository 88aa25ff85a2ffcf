import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoTotp,
  launchChromium,
  login,
  openPage,
  screenshot,
  server,
  typeCode,
} from './browser.js';

describe.skipIf(!server())('session expiry in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('asks for the password over the page when the session has expired, keeping the form being typed', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'sysadmin', { totp: true });
    await page.goto('/admin/system/users');
    await page.getByRole('button', { name: /新建用户/ }).click();
    await page.locator('#create-user_login').fill('fj_chen');
    await page.locator('#create-user_displayName').fill('陈晓燕');

    await page.waitForLoadState('networkidle');
    // The server no longer knows the session (as after the idle timeout): it answers SESSION_EXPIRED.
    const context = page.context();
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'fx_sid');
    expect(cookie).toBeDefined();
    await context.addCookies([{ ...cookie!, value: 'expired-session-token' }]);

    // Clicking 创建 meets the expired session. On a loaded machine a background request of the
    // page (the organisation picker's lookup) can meet it first; the dialog is then already up.
    const create = page.getByRole('button', { name: /^创\s*建$/ });
    const relogin = page.locator('.ant-modal', { hasText: '登录已过期' });
    await create.click({ timeout: 10_000 }).catch(() => undefined);
    await relogin.waitFor();
    expect(await relogin.locator('input#login').inputValue()).toBe('sysadmin');
    expect(await page.locator('#create-user_login').inputValue()).toBe('fj_chen');
    expect(await page.locator('#create-user_displayName').inputValue()).toBe('陈晓燕');
    await screenshot(page, 'console-relogin');

    await relogin.getByLabel('密码').fill(DEMO_PASSWORD);
    await relogin.getByRole('button', { name: /^登\s*录$/ }).click();
    await relogin.getByText('动态验证码').first().waitFor();
    await typeCode(page, demoTotp('sysadmin'), relogin);
    await relogin.getByRole('button', { name: /^验\s*证$/ }).click();

    // The refused request is sent again with what was typed: the user is created (when the
    // refused request was the background one, 创建 is clicked once more, with the form intact).
    const shown = page.getByTestId('temp-password');
    await shown.waitFor({ timeout: 5_000 }).catch(() => create.click());
    await shown.waitFor();
    expect(await page.locator('.ant-modal', { hasText: '用户已创建' }).innerText()).toContain(
      'fj_chen',
    );
    expect(await relogin.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('warns two minutes before the idle timeout and keeps working on request', async () => {
    const { page, errors } = await openPage(browser);
    await page.clock.install();
    await login(page, 'fj_officer');

    // 30 idle minutes, less the server's one-minute write slack: the warning opens at 27 minutes.
    await page.clock.fastForward('27:30');
    const warning = page.locator('.ant-modal', { hasText: '登录即将过期' });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/登录将在 \d:\d\d 后过期/);
    await screenshot(page, 'console-idle-warning');
    await warning.getByRole('button', { name: '继续工作' }).click();
    await warning.waitFor({ state: 'hidden' });

    // Left alone past the deadline: the session ends and the re-login dialog opens over the page.
    await page.clock.fastForward('30:00');
    const relogin = page.locator('.ant-modal', { hasText: '登录已过期' });
    await relogin.waitFor();
    await relogin.getByLabel('密码').fill(DEMO_PASSWORD);
    await relogin.getByRole('button', { name: /^登\s*录$/ }).click();
    await relogin.waitFor({ state: 'detached' });
    expect(await page.getByText('我的角色与管辖范围').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
