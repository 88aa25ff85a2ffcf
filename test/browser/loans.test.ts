import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickUntilGone,
  launchChromium,
  login,
  modalSettled,
  openPage,
  screenshot,
  server,
} from './browser.js';
import { buttonName, decide } from './case-steps.js';

/**
 * Guarantee loans (创业担保贷款) in the console, journey-shaped: the township officer (xl_officer)
 * takes a file from the intake queue, 人社 (fj_hrss) finds it eligible on the 绿色通道, the bank
 * (fj_bank) approves and disburses it with amounts typed in 元, the rate in % and dates, and adds
 * a material with the upload widget. On the demo loans: the guarantee agency (fj_guarantee)
 * takes a file from its 待办 and grants the guarantee; finance (fj_finance) pays the last
 * quarter's 贴息 claim in two parts, the outstanding figure falling to zero.
 */

/** An amount in fen as the console writes it: `12,345.67 元`. */
function yuanText(fen: number): string {
  const v = (fen / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${v} 元`;
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

async function csrf(page: Page): Promise<string> {
  const s = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  return s.csrfToken;
}

/** A 兴隆镇 file on the green channel, lent by 农商行奉节支行, entered by the logged-in county officer. */
async function fileGreenChannelLoan(page: Page): Promise<string> {
  const banks = (await (
    await page.request.get(`/api/orgs?type=bank&q=${encodeURIComponent('奉节支行')}`)
  ).json()) as { items: { id: string }[] };
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      type: 'guarantee-loan',
      regionCode: '500236128000',
      data: {
        amountFen: 20_000_000,
        termMonths: 24,
        purpose: '兴隆镇脐橙冷库',
        collateral: '信用',
        greenChannel: true,
        greenChannelGround: '信用园区',
        bankOrgId: banks.items[0]?.id,
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe.skipIf(!server())('guarantee loans in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('moves a green-channel file from the township to 人社 to the bank, which disburses it', async () => {
    const county = await openPage(browser);
    await login(county.page, 'fj_officer'); // sees the county's banks
    const id = await fileGreenChannelLoan(county.page);

    const town = await openPage(browser);
    await login(town.page, 'xl_officer');
    await decide(town.page, id, '受理');
    await expect
      .poll(() => town.page.locator('.fx-page-head').innerText())
      .toContain('人社资格审核');
    expect(town.errors).toEqual([]);

    const hrss = await openPage(browser);
    await login(hrss.page, 'fj_hrss');
    await decide(hrss.page, id, '资格审核通过（绿色通道，免反担保）');
    await expect
      .poll(() => hrss.page.locator('.fx-page-head').innerText())
      .toContain('经办银行审批');
    // the guarantee step is skipped on the green channel and the step bar says so
    expect(await hrss.page.getByTestId('case-steps').innerText()).toContain('跳过');
    expect(hrss.errors).toEqual([]);

    const bank = await openPage(browser);
    await login(bank.page, 'fj_bank');
    await decide(bank.page, id, '审批通过', { 审批金额: '200,000', '审批期限（月）': '24' });
    await expect.poll(() => bank.page.locator('.fx-page-head').innerText()).toContain('待放款');

    // a typo in the rate is refused in the form, before anything is sent
    await bank.page.getByRole('button', { name: buttonName('放款') }).click();
    const dialog = bank.page.getByRole('dialog');
    await dialog.getByLabel('放款金额', { exact: true }).fill('200,000.00');
    await dialog.getByLabel('放款日期', { exact: true }).fill('2026-12-07');
    await dialog.getByLabel('年利率', { exact: true }).fill('3.455');
    await dialog.getByLabel('到期日', { exact: true }).fill('2028-12-07');
    await modalSettled(dialog);
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    await dialog.getByRole('alert').getByText('请按格式填写：年利率').waitFor();
    await screenshot(bank.page, 'loan-disburse-form');
    await dialog.getByLabel('年利率', { exact: true }).fill('3.45');
    await clickUntilGone(dialog, dialog.getByRole('button', { name: /确\s*认/ }));
    await expect.poll(() => bank.page.locator('.fx-page-head').innerText()).toContain('还款中');
    const data = bank.page.locator('.ant-descriptions').first();
    await expect.poll(() => data.innerText()).toContain('200,000.00 元');
    expect(await data.innerText()).toContain('3.45%');

    // a material, with its progress, then listed on the case
    await bank.page.getByTestId('case-upload-input').setInputFiles({
      name: '放款凭证.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await bank.page.getByRole('link', { name: '放款凭证.pdf' }).waitFor();
    await screenshot(bank.page, 'loan-case-repaying', true);
    expect(bank.errors).toEqual([]);
  });

  it('lets a county officer file for a returnee from the ledger, with the pre-check explained first', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    const found = (await (
      await page.request.get(
        '/api/people?region=500236128000&category=migrant_worker&status=started&pageSize=1',
      )
    ).json()) as {
      items: { id: string; name: string; idNumberMasked: string; ledgerRegionName: string }[];
    };
    const person = found.items[0];
    expect(person, 'a returnee in 兴隆镇’s ledger').toBeDefined();
    if (!person) return;

    await page.goto('/admin/loans/apply');
    await page.getByRole('heading', { name: '代申请创业担保贷款' }).waitFor();
    await page.locator('#loan-person').click();
    await page.locator('#loan-person').fill(person.name);
    const label = `${person.name}（${person.idNumberMasked}，${person.ledgerRegionName}）`;
    await page.locator(`.ant-select-item-option[title="${label}"]:visible`).click();
    await page.locator('#loan-amount').fill('20');
    await page.locator('#loan-purpose').fill('脐橙分拣设备');
    // the banks of the applicant's county are listed once the applicant is chosen
    await page.locator('#loan-bank').click();
    // (by its own title: the applicant's dropdown may still be closing)
    const bankOption = page.locator('.ant-select-item-option[title$="奉节支行"]:visible');
    await bankOption.waitFor();
    await bankOption.click();
    await page.locator('#loan-confirmed').check();

    await page.getByRole('button', { name: '资格预审' }).click();
    const check = page.getByTestId('loan-eligibility');
    await check.waitFor();
    // condition by condition, in zh-CN
    expect(await check.locator('.ant-list-item').count()).toBeGreaterThan(2);
    await screenshot(page, 'loan-apply-precheck');

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.fx-page-head').innerText()).toContain('待受理');
    await page.getByTestId('loan-panel').waitFor();
    expect(await page.getByTestId('case-steps').innerText()).toContain('人社资格审核');
    await screenshot(page, 'loan-filed-case', true);
    expect(errors).toEqual([]);
  });

  it('shows 贴息 claims and the guarantee fund to 人社 staff, the fund’s region picked in scope', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_hrss');
    await page.goto('/admin/loans/subsidy-claims');
    await page.getByRole('heading', { name: '贴息申领' }).waitFor();
    // the summary answers with its total row, due / paid / outstanding in 元
    await page.locator('.ant-table-summary').getByText('合计').waitFor();
    await screenshot(page, 'loan-subsidy-claims');
    await page.goto('/admin/loans/fund');
    const fund = page.getByTestId('fund-page');
    await fund.waitFor();
    expect(await fund.innerText()).toContain('在保余额');
    // the region comes from the console's picker, not a typed code
    await expect.poll(() => page.locator('.ant-cascader').first().innerText()).toContain('奉节县');
    await screenshot(page, 'loan-guarantee-fund');
    expect(errors).toEqual([]);
  });

  it('lets the guarantee agency take a file from its 待办 and grant the guarantee, without 代申请', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_guarantee');
    // filing for someone is 受理 work: not offered to a guarantee agency, in the menu or among
    // the workbench's shortcuts
    const shortcuts = page.locator('.ant-card').filter({ hasText: '常用功能' });
    await shortcuts.getByText('我的办件').waitFor();
    expect(await shortcuts.innerText()).not.toContain('代申请');
    await page.locator('.ant-layout-sider').getByText('办件', { exact: true }).click();
    await page.locator('.ant-layout-sider').getByText('我的办件').first().waitFor();
    expect(await page.locator('.ant-layout-sider').innerText()).not.toContain('代申请');
    await page.goto('/admin/cases/queue');
    const row = page.locator('tr[data-row-key]').first();
    await row.waitFor();
    expect(await page.locator('tr[data-row-key]').count()).toBeGreaterThan(1);
    await screenshot(page, 'loan-guarantee-queue');
    const id = await row.getAttribute('data-row-key');
    expect(id).toBeTruthy();
    await row.click();
    await page.waitForURL(new RegExp(`/admin/cases/${id}$`));
    await expect.poll(() => page.locator('.fx-page-head').innerText()).toContain('担保机构审核');
    // a bank's decision is never offered to the guarantee agency
    expect(await page.getByRole('button', { name: buttonName('审批通过') }).count()).toBe(0);
    await page.getByRole('button', { name: buttonName('同意担保') }).click();
    const dialog = page.getByRole('dialog');
    await clickUntilGone(dialog, dialog.getByRole('button', { name: /确\s*认/ }));
    await expect.poll(() => page.locator('.fx-page-head').innerText()).toContain('经办银行审批');
    await screenshot(page, 'loan-guarantee-granted', true);
    // gone from the agency's 待办
    await page.goto('/admin/cases/queue');
    await page.locator('tr[data-row-key]').first().waitFor();
    expect(await page.locator(`tr[data-row-key="${id}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets finance pay the last quarter’s 贴息 claim in part, then the rest', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_finance');
    expect(await page.locator('.ant-layout-sider').innerText()).not.toContain('代申请');
    const list = (await (await page.request.get('/api/subsidy-claims')).json()) as {
      items: { id: string; quarter: string; dueFen: number; outstandingFen: number }[];
    };
    const claim = list.items.find((c) => c.outstandingFen > 0);
    expect(claim, 'a demo claim waiting for payment').toBeDefined();
    if (!claim) return;
    const part = Math.floor(claim.dueFen / 2);

    await page.goto('/admin/loans/subsidy-claims');
    await page.getByRole('heading', { name: '贴息申领' }).waitFor();
    await page.getByTestId('subsidy-claims').locator(`tr[data-row-key="${claim.id}"]`).click();
    const detail = page.getByTestId('subsidy-detail');
    await expect.poll(() => detail.innerText()).toContain(yuanText(claim.outstandingFen));
    expect(await detail.innerText()).toContain('待拨付');

    const pay = async (amount: string | null, doc: string) => {
      await detail.getByRole('button', { name: buttonName('拨付') }).click();
      const dialog = page
        .locator('.ant-modal:not(.ant-modal-confirm)')
        .filter({ hasText: '拨付贴息' });
      await dialog.waitFor();
      if (amount !== null) await dialog.locator('#subsidy-amount').fill(amount);
      await dialog.locator('#subsidy-document').fill(doc);
      await dialog.getByRole('button', { name: buttonName('拨付') }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await confirm.waitFor();
      await clickUntilGone(confirm, confirm.getByRole('button', { name: /确\s*定|OK/ }));
      await dialog.waitFor({ state: 'hidden' });
      // the confirmation closes too (it once stayed open over the page after paying)
      await confirm.waitFor({ state: 'hidden' });
    };
    await pay((part / 100).toFixed(2), '奉财社〔2026〕41号');
    await expect.poll(() => detail.innerText()).toContain('部分拨付');
    expect(await detail.innerText()).toContain(yuanText(claim.dueFen - part));
    await screenshot(page, 'loan-subsidy-part-paid', true);

    // the rest: the amount offered is what is still outstanding
    await pay(null, '奉财社〔2026〕42号');
    await expect.poll(() => detail.innerText()).toContain('已拨付');
    const text = await detail.innerText();
    expect(text).toContain(yuanText(0));
    expect(text).toContain('奉财社〔2026〕41号');
    expect(text).toContain('奉财社〔2026〕42号');
    await screenshot(page, 'loan-subsidy-paid', true);
    const after = (await (await page.request.get(`/api/subsidy-claims/${claim.id}`)).json()) as {
      paidFen: number;
      outstandingFen: number;
    };
    expect(after).toMatchObject({ paidFen: claim.dueFen, outstandingFen: 0 });
    expect(errors).toEqual([]);
  });
});
