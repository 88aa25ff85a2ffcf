import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, login, openPage, screenshot, server } from './browser.js';

describe.skipIf(!server())('an official in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('logs in and sees the console in Chinese, with the menu of their permissions', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto('/admin/');
    await expect.poll(() => page.getByText('工作人员登录').isVisible()).toBe(true);
    expect(await page.title()).toContain('返乡创业服务平台');
    await screenshot(page, 'console-login');

    await login(page, 'fj_officer');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByText('您好，奉节县服务专员 李明').isVisible()).toBe(true);
    const menu = page.getByTestId('side-menu');
    for (const entry of ['工作台', '实名制台账', '统计分析']) {
      expect(await menu.getByText(entry, { exact: true }).isVisible(), entry).toBe(true);
    }
    for (const hidden of ['系统管理', '安全管理', '审计日志']) {
      expect(await menu.getByText(hidden, { exact: true }).count(), hidden).toBe(0);
    }
    expect(await page.getByTestId('user-menu').innerText()).toContain('县级服务专员');
    await expect
      .poll(() => page.locator('#region-switcher').locator('..').innerText())
      .toContain('重庆市 / 奉节县');
    await screenshot(page, 'console-workbench');

    await menu.getByText('实名制台账').click();
    await menu.getByText('人员', { exact: true }).click();
    await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(page.url()).toMatch(/\/admin\/ledger\/people$/);
    expect(await page.locator('.ant-breadcrumb').innerText()).toContain('实名制台账');
    await screenshot(page, 'console-people');
    expect(errors).toEqual([]);
  });

  it('switches the region within the scope, loading townships on demand', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.locator('#region-switcher').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '重庆市 / 奉节县' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '兴隆镇' }).waitFor();
    await screenshot(page, 'console-region-switcher');
    await page.locator('.ant-cascader-menu-item', { hasText: '兴隆镇' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('#region-switcher').locator('..').innerText())
      .toContain('重庆市 / 奉节县 / 兴隆镇');
    // The choice is kept for the next visit.
    await page.reload();
    await expect
      .poll(() => page.locator('#region-switcher').locator('..').innerText())
      .toContain('兴隆镇');
    expect(errors).toEqual([]);
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Real-name ledger').waitFor();
    await page.reload();
    await page.getByText('My roles and scope').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByText('实名制台账').waitFor();

    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByText('工作人员登录').waitFor();
    expect(page.url()).toMatch(/\/admin\/login$/);
    expect(errors).toEqual([]);
  });
});
