import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageWidth, screenshot, server } from './browser.js';

describe.skipIf(!server())('the entrepreneurs’ portal on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('renders the landing page at 390 × 844 without the console’s code', async () => {
    const { page, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const res = await page.goto('/');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: '回家创业，政策帮您办' }).waitFor();
    expect(await page.getByText('创业担保贷款').isVisible()).toBe(true);
    const width = await pageWidth(page);
    expect(width).toBeLessThanOrEqual(390);
    expect(scripts.some((s) => s.includes('admin'))).toBe(false);
    await screenshot(page, 'portal-landing');
    await screenshot(page, 'portal-landing-full', true);

    await page.getByRole('link', { name: '手机号注册' }).first().click();
    await page.getByRole('heading', { name: '手机号注册' }).waitFor();
    expect(page.url()).toMatch(/\/register$/);
    await screenshot(page, 'portal-register');
    expect(errors).toEqual([]);
  });

  it('fits a 360 px wide screen', async () => {
    const { page, errors } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    await page.goto('/');
    await page.getByRole('heading', { name: '回家创业，政策帮您办' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
