import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUntilGone, launchChromium, login, openPage, screenshot, server } from './browser.js';

/**
 * A guarantee-loan file in the console: the county officer's 待办 queue (intake), the case detail with
 * its step bar and time left, a decision, and the next organisation (人社) finding it in its own
 * queue. The file itself is entered through the API (the application forms come later).
 */

/**
 * Files a loan case in 兴隆镇 as the logged-in officer (who must see the county's banks), lending
 * through 农商行奉节支行.
 */
async function fileLoan(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    csrfToken: string;
  };
  const banks = (await (
    await page.request.get(`/api/orgs?type=bank&q=${encodeURIComponent('奉节支行')}`)
  ).json()) as { items: { id: string }[] };
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      type: 'guarantee-loan',
      regionCode: '500236128000',
      data: {
        amountFen: 15_000_000,
        termMonths: 24,
        purpose: '兴隆镇脐橙分拣线',
        collateral: '林权',
        greenChannel: false,
        bankOrgId: banks.items[0]?.id,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe.skipIf(!server())('cases in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('moves a loan file on from the intake queue to 人社’s', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    const id = await fileLoan(page);

    await page.goto('/admin/cases/queue');
    const row = page.locator(`tr[data-row-key="${id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('待受理');
    expect(await page.getByRole('tab', { name: '超时' }).isVisible()).toBe(true);
    await screenshot(page, 'cases-queue');

    await row.click();
    await page.waitForURL(new RegExp(`/admin/cases/${id}$`));
    const steps = page.getByTestId('case-steps').locator('.ant-steps');
    await steps.waitFor();
    expect(await steps.innerText()).toContain('人社资格审核');
    expect(await page.locator('.fx-page-head').innerText()).toContain('创业担保贷款 · 待受理');
    expect(await page.getByText('150,000.00 元').isVisible()).toBe(true);
    await screenshot(page, 'case-detail-intake');

    await page.getByRole('button', { name: /^受\s*理$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByPlaceholder('意见').fill('材料齐全，同意受理');
    await clickUntilGone(dialog, dialog.getByRole('button', { name: /确\s*认/ }));
    await expect.poll(() => page.locator('.fx-page-head').innerText()).toContain('人社资格审核');
    await expect
      .poll(() => page.locator('.ant-timeline').innerText())
      .toContain('材料齐全，同意受理');
    // 人社 decides now; intake may only still withdraw the file for the applicant
    expect(await page.getByRole('button', { name: /^受\s*理$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /撤回申请/ }).isVisible()).toBe(true);
    await screenshot(page, 'case-detail-accepted');
    expect(errors).toEqual([]);

    const hrss = await openPage(browser);
    await login(hrss.page, 'fj_hrss');
    await hrss.page.goto('/admin/cases/queue');
    await hrss.page.locator(`tr[data-row-key="${id}"]`).click();
    await hrss.page.getByRole('button', { name: '资格审核通过', exact: true }).click();
    const approve = hrss.page.getByRole('dialog');
    await clickUntilGone(approve, approve.getByRole('button', { name: /确\s*认/ }));
    await expect
      .poll(() => hrss.page.locator('.fx-page-head').innerText())
      .toContain('担保机构审核');
    await screenshot(hrss.page, 'case-detail-hrss');
    expect(hrss.errors).toEqual([]);
  });
});
