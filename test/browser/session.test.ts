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

    // Every POST /api/users the page sends, with what it carried and how the server answered.
    const creates: { body: unknown; status: number }[] = [];
    page.on('response', (r) => {
      const req = r.request();
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/users')
        creates.push({ body: req.postDataJSON() as unknown, status: r.status() });
    });
    // The session ends on the server (as after the idle timeout) just as 创建 sends the form, so
    // that very request is refused: it is held, the session is ended, then it goes on its way.
    let loggedOut = 0;
    await page.route('**/api/users', async (route) => {
      try {
        if (!loggedOut && route.request().method() === 'POST') {
          const session = await page.request.get('/api/auth/session');
          const { csrfToken } = (await session.json()) as { csrfToken: string };
          const out = await page.request.post('/api/auth/logout', {
            headers: { 'x-csrf-token': csrfToken },
          });
          loggedOut = out.status();
        }
      } finally {
        await route.continue();
      }
    });

    const create = page.getByRole('button', { name: /^创\s*建$/ });
    const relogin = page.locator('.ant-modal', { hasText: '登录已过期' });
    await create.click();
    await relogin.waitFor();
    expect(loggedOut).toBe(200);
    await expect.poll(() => creates.map((c) => c.status)).toEqual([401]);
    expect(await relogin.locator('input#login').inputValue()).toBe('sysadmin');
    expect(await page.locator('#create-user_login').inputValue()).toBe('fj_chen');
    expect(await page.locator('#create-user_displayName').inputValue()).toBe('陈晓燕');
    await screenshot(page, 'console-relogin');

    await relogin.getByLabel('密码').fill(DEMO_PASSWORD);
    await relogin.getByRole('button', { name: /^登\s*录$/ }).click();
    await relogin.getByText('动态验证码').first().waitFor();
    await typeCode(page, await demoTotp('sysadmin'), relogin);
    await relogin.getByRole('button', { name: /^验\s*证$/ }).click();

    // Without another click, the refused request is sent again once, with what was typed, and the
    // user is created exactly once.
    await page.getByTestId('temp-password').waitFor();
    expect(await page.locator('.ant-modal', { hasText: '用户已创建' }).innerText()).toContain(
      'fj_chen',
    );
    await expect.poll(() => creates.map((c) => c.status)).toEqual([401, 201]);
    expect(creates[1]!.body).toEqual(creates[0]!.body);
    expect(creates[0]!.body).toMatchObject({ login: 'fj_chen', displayName: '陈晓燕' });
    const listed = await page.request.get('/api/users?q=fj_chen');
    const { items } = (await listed.json()) as { items: { login: string; displayName: string }[] };
    expect(items.filter((u) => u.login === 'fj_chen')).toEqual([
      expect.objectContaining({ login: 'fj_chen', displayName: '陈晓燕' }),
    ]);
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
