import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchChromium,
  login,
  openPage,
  pageWidth,
  screenshot,
  server,
} from './browser.js';
import { decide } from './case-steps.js';

/**
 * 创业担保贷款 on a phone, against the real server, one journey: the demo entrepreneur (a verified
 * account linked to a 奉节县 returnee, src/server/demo/demo-entrepreneur.ts) logs in, reads the
 * product, fills the wizard, sees the pre-check condition by condition, confirms the 承诺书,
 * submits, finds the file in 我的申请, opens it and uploads a PNG; at 360 px too; then the county
 * officer finds the file in the console's 我的办件, and the county, 人社, the guarantee agency and
 * the bank each move it on from their own queue until it is disbursed, which the phone shows.
 */

const DEMO_ENTREPRENEUR = '13700000236';
/** A tiny but real PNG (signature and IHDR), sniffed by content on the server. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!server())('创业担保贷款 on the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('lets the demo entrepreneur apply on a phone, upload a photo, and the county see the file', async () => {
    const { page, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await page.goto('/login');
    await page.locator('input[name="mobile"]').fill(DEMO_ENTREPRENEUR);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();

    // The card is the way in; the product in one screen, with the server's caps.
    await page.goto('/');
    await page.locator('a[data-service="loans"]').first().click();
    await page.getByRole('heading', { name: '创业担保贷款' }).waitFor();
    const product = page.getByTestId('loan-product');
    await product.getByText('最高 30 万元').waitFor();
    expect(await product.innerText()).toContain('最高 400 万元');
    await page.getByText('还没有贷款申请。').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-loans', true);

    // The wizard: amount in 万元, the bank of the county, then the pre-check.
    await page.getByRole('link', { name: '我要申请' }).click();
    await page.getByRole('heading', { name: '申请创业担保贷款' }).waitFor();
    await page.locator('input[name="amount"]').fill('20');
    await page.locator('input[name="purpose"]').fill('脐橙分拣设备');
    await page.locator('select[name="collateral"]').selectOption({ label: '林权' });
    await page
      .locator('select[name="bankOrgId"] option', { hasText: '奉节支行' })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'portal-loan-apply', true);
    await page.getByRole('button', { name: '检查是否符合条件' }).click();
    const check = page.getByTestId('loan-eligibility');
    await check.waitFor();
    expect(await check.locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await check.innerText()).toContain('申请金额 20 万元未超过个人上限 30 万元');
    expect(await check.innerText()).not.toContain('有不满足的条件');
    // The 承诺书 is asked for before the file goes.
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请勾选承诺书').waitFor();
    await page.locator('input[name="confirmed"]').check();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-loan-precheck', true);
    await page.getByRole('button', { name: '提交申请' }).click();

    // 我的申请: the file, its state in zh-CN, the bank, what comes next.
    await page.getByText('申请已提交').waitFor();
    const card = page.getByTestId('portal-loan');
    await card.getByText('20 万元').waitFor();
    const text = await card.innerText();
    expect(text).toContain('待受理');
    expect(text).toContain('重庆农村商业银行奉节支行');
    expect(text).toMatch(/本环节办理时限：\d{4}年\d{1,2}月\d{1,2}日/);
    await card.getByRole('link', { name: '查看详情' }).click();
    await page.getByTestId('loan-detail').waitFor();
    const caseId = /\/loans\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(caseId).not.toBe('');
    expect(await page.locator('.loan-steps .now').first().innerText()).toContain('待受理');
    expect(await page.locator('input[name="material"]').getAttribute('accept')).toBe(
      'image/*,application/pdf',
    );
    await page.locator('input[name="material"]').setInputFiles({
      name: '身份证.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByText('已上传 身份证.png').waitFor();
    const uploaded = page.locator('.plain-list li', { hasText: '身份证.png' });
    await uploaded.waitFor();
    // the material shows its kind, and what is missing now names only the rest
    expect(await uploaded.innerText()).toContain('身份证（正反面）');
    await page.getByText('尚未上传：经营场所或项目证明').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-loan-file', true);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-loan-file-360', true);
    expect(errors).toEqual([]);

    // The county officer finds it in 我的办件 (the intake queue of 奉节县).
    const desk = await openPage(browser);
    await login(desk.page, 'fj_officer');
    await desk.page.goto('/admin/cases/queue');
    const row = desk.page.locator(`tr[data-row-key="${caseId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('待受理');
    await screenshot(desk.page, 'portal-loan-in-queue');

    // Each agency moves it on from its own 待办: the county's intake, 人社, the guarantee agency
    // (no 信用园区 here, so the guarantee step is not skipped) and the bank, which disburses.
    await decide(desk.page, caseId, '受理');
    await expect
      .poll(() => desk.page.locator('.fx-page-head').innerText())
      .toContain('人社资格审核');
    expect(desk.errors).toEqual([]);
    const steps: [string, string, Record<string, string>, string][] = [
      ['fj_hrss', '资格审核通过', {}, '担保机构审核'],
      ['fj_guarantee', '同意担保', {}, '经办银行审批'],
      ['fj_bank', '审批通过', { 审批金额: '200,000', '审批期限（月）': '24' }, '待放款'],
      [
        'fj_bank',
        '放款',
        { 放款金额: '200,000.00', 放款日期: '2026-12-07', 年利率: '3.45', 到期日: '2028-12-07' },
        '还款中',
      ],
    ];
    for (const [account, transition, fields, next] of steps) {
      const officer = await openPage(browser);
      await login(officer.page, account);
      await decide(officer.page, caseId, transition, fields);
      await expect
        .poll(() => officer.page.locator('.fx-page-head').innerText(), { timeout: 30_000 })
        .toContain(next);
      expect(officer.errors).toEqual([]);
    }

    // Back on the phone: the file is disbursed, with its schedule, and the decisions arrived as
    // messages.
    await page.goto(`/loans/${caseId}`);
    await page.getByTestId('loan-detail').waitFor();
    await expect
      .poll(() => page.locator('.card-head .badge').first().innerText(), { timeout: 30_000 })
      .toContain('还款中');
    await page.goto('/me#messages');
    await expect
      .poll(() => page.locator('#messages').innerText(), { timeout: 30_000 })
      .toMatch(/还款中/);
    await screenshot(page, 'portal-loan-disbursed', true);
    expect(errors).toEqual([]);
  });
});
