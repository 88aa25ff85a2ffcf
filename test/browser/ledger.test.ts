import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/identity/credit-code.js';
import { makeIdNumber } from '../../src/domain/identity/id-number.js';
import {
  clickUntilGone,
  launchChromium,
  login,
  modalSettled,
  openPage,
  pickOption,
  pickRegion,
  screenshot,
  server,
} from './browser.js';

const TUXIANG = '500236127000';

/** A checksum-valid ID number of someone born in 奉节 (500236), different on every run. */
function fengjieIdNumber(): string {
  const year = 1980 + Math.floor(Math.random() * 15);
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return makeIdNumber(`500236${year}03${day}${seq}`);
}

/** The same number with a wrong check character. */
function withWrongCheck(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

function rows(page: Page, testId: string) {
  return page.getByTestId(testId).locator('tbody tr.ant-table-row');
}

describe.skipIf(!server())('the real-name ledger in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('lets a county officer add a person, refusing a wrong ID number, then see history and unmask', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/people');
    await rows(page, 'people-table').first().waitFor();
    // Masked everywhere: the list shows the first six and last four characters only.
    expect(await page.getByTestId('people-table').innerText()).toMatch(/500236\*{8}\d{3}[\dX]/);
    expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/共 [\d,]+ 人/);
    await screenshot(page, 'ledger-people-list');

    // Chinese search on the name of the first row.
    const firstName = (
      await rows(page, 'people-table').first().locator('td').first().innerText()
    ).trim();
    await page
      .getByPlaceholder('姓名、拼音（如 smq）、技能，或完整身份证号/手机号')
      .fill(firstName);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('q=');
    await expect
      .poll(() => rows(page, 'people-table').first().locator('td').first().innerText())
      .toContain(firstName);

    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('新增人员').first().waitFor();
    const idNumber = fengjieIdNumber();
    await page.locator('#person-form_name').fill('孙明强');
    await page.locator('#person-form_idNumber').fill(withWrongCheck(idNumber));
    await page.locator('#person-form_mobile').click();
    await drawer.getByText('身份证号校验位不正确，请核对').waitFor();
    await page.locator('#person-form_mobile').fill('1391234567');
    await page.locator('#person-form_name').click();
    await drawer.getByText('手机号应为 11 位，以 1 开头').waitFor();
    await screenshot(page, 'ledger-person-form-refused');

    await page.locator('#person-form_idNumber').fill(idNumber);
    await drawer.getByText(/由身份证号得出：[男女]，\d{4}-03-\d{2} 出生/).waitFor();
    await expect.poll(() => drawer.getByText('身份证号校验位不正确，请核对').count()).toBe(0);
    await page.locator('#person-form_mobile').fill('13912345678');
    await pickOption(page, '#person-form_education', '高中/中专/技校');
    await pickRegion(page, '#person-form_hukouRegionCode', ['重庆市 / 奉节县', '兴隆镇']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-cascader-dropdown:visible').count()).toBe(0);
    await pickRegion(page, '#person-form_currentRegionCode', ['重庆市 / 奉节县', '兴隆镇']);
    await page.keyboard.press('Escape');
    await page.locator('#person-form_skills').fill('脐橙种植');
    // Worked away in 深圳: the city list follows the province, from the whole division tree.
    for (const [field, typed, label] of [
      ['#person-form_awayProvinceCode', '广东', '广东省'],
      ['#person-form_awayCityCode', '深圳', '深圳市'],
    ] as const) {
      await page.locator(field).click();
      await page.locator(field).fill(typed); // the lists are longer than what antd renders
      await page.locator(`.ant-select-item-option[title="${label}"]:visible`).click();
    }
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    await expect.poll(() => page.url()).toMatch(/\/admin\/ledger\/people\/[0-9a-f-]{36}$/);
    const info = page.getByTestId('person-info');
    await info.getByText('孙明强').waitFor();
    expect(await info.innerText()).toContain(
      `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
    );
    expect(await info.innerText()).not.toContain(idNumber);
    await expect.poll(() => info.innerText()).toContain('广东省 · 深圳市');
    const history = page.getByTestId('history');
    await history.getByText('新建').waitFor();
    // Who made the change: the official's name and role, not the login.
    expect(await history.innerText()).toContain('奉节县服务专员 李明（县级服务专员）');
    expect(await history.innerText()).not.toContain('fj_officer');
    await expect.poll(() => history.innerText()).toContain('深圳市');
    expect(await history.innerText()).not.toContain('4403');

    // An edit shows in the timeline as field: from → to.
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.locator('#person-form_skills').fill('脐橙种植、电商直播');
    await page
      .locator('.ant-drawer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await history.getByText('修改').waitFor();
    const entry = history.locator('.fx-history-entry').first();
    expect(await entry.innerText()).toMatch(/技能特长\s*脐橙种植\s*→\s*脐橙种植、电商直播/);
    await screenshot(page, 'ledger-person-detail', true);

    // Unmask with a reason.
    await page.getByRole('button', { name: '查看完整信息' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('查看完整身份证号、手机号须说明理由').waitFor();
    await modalSettled(modal);
    await modal.getByRole('button', { name: /查\s*看/ }).click();
    await modal.getByText('请填写查看理由').waitFor();
    await page.locator('#unmask_reason').fill('办理创业担保贷款核验身份');
    await clickUntilGone(modal, modal.getByRole('button', { name: /查\s*看/ }));
    await info.getByText(idNumber).waitFor();
    expect(await info.innerText()).toContain('13912345678');

    // Officers type pinyin initials: smq finds 孙明强, and so does the full pinyin.
    const search = page.getByPlaceholder('姓名、拼音（如 smq）、技能，或完整身份证号/手机号');
    for (const typed of ['smq', 'sunmingqiang']) {
      await page.goto(`/admin/ledger/people`);
      await rows(page, 'people-table').first().waitFor();
      await search.fill(typed);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toContain(`q=${typed}`);
      await expect.poll(() => page.getByTestId('people-table').innerText()).toContain('孙明强');
    }
    await screenshot(page, 'ledger-people-pinyin');
    // A search that finds nothing says what the search box understands.
    await search.fill('qqqzzzxx');
    await page.keyboard.press('Enter');
    await page
      .getByText('没有找到“qqqzzzxx”。可按姓名、拼音全拼或首字母（如 smq）、身份证号、手机号搜索')
      .waitFor();
    await screenshot(page, 'ledger-people-search-empty');
    // The region filter takes typing: 兴隆 offers 兴隆镇 without opening 奉节县 first.
    await page.goto('/admin/ledger/people');
    await page.locator('#people-region').click();
    await page.locator('#people-region').fill('兴隆');
    const found = page.locator('li.ant-cascader-menu-item:visible', { hasText: '兴隆镇' }).first();
    await found.waitFor();
    await screenshot(page, 'ledger-people-region-search');
    await found.click();
    await expect.poll(() => page.url()).toContain('region=500236128000');
    expect(errors).toEqual([]);
  });

  it('shows market entities with filters and a detail with linked people and history', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/entities');
    await rows(page, 'entities-table').first().waitFor();
    await screenshot(page, 'ledger-entities-list');

    // 规上 only: every row carries the tag.
    await page.locator('.ant-select', { hasText: '规上' }).first().click();
    await page.locator('.ant-select-item-option[title="规上：是"]').click();
    await expect.poll(() => page.url()).toContain('aboveScale=true');
    await expect
      .poll(async () => {
        const shown = await rows(page, 'entities-table').allInnerTexts();
        return shown.length > 0 && shown.every((row) => row.includes('规上'));
      })
      .toBe(true);

    await rows(page, 'entities-table').first().locator('a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/admin\/ledger\/entities\/[0-9a-f-]{36}$/);
    await page.getByTestId('entity-info').waitFor();
    await page.getByTestId('history').waitFor();
    await page.getByText('关联人员', { exact: true }).first().waitFor();
    await screenshot(page, 'ledger-entity-detail', true);

    // An entity moved to another park: its history names both parks, never their ids.
    const json = async <T>(url: string) => (await (await page.request.get(url)).json()) as T;
    const parks = await json<{ items: { id: string; name: string }[] }>(
      '/api/orgs?type=park&pageSize=50',
    );
    type Listed = { id: string; version: number; parkOrgId: string | null };
    let inPark: Listed | undefined;
    for (const park of parks.items) {
      const found = await json<{ items: Listed[] }>(
        `/api/entities?parkOrgId=${park.id}&pageSize=1`,
      );
      inPark = found.items[0];
      if (inPark) break;
    }
    const from = parks.items.find((p) => p.id === inPark?.parkOrgId);
    const to = parks.items.find((p) => p.id !== inPark?.parkOrgId);
    expect(from && to, 'two demo parks, one with an entity').toBeTruthy();
    const { csrfToken } = await json<{ csrfToken: string }>('/api/auth/session');
    const moved = await page.request.patch(`/api/entities/${inPark!.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: inPark!.version, parkOrgId: to!.id },
    });
    expect(moved.status()).toBe(200);
    await page.goto(`/admin/ledger/entities/${inPark!.id}`);
    const history = page.getByTestId('history');
    const parkChange = history
      .locator('.fx-history-entry', { hasText: '修改' })
      .locator('li', { hasText: '入驻园区' })
      .first();
    await expect.poll(() => parkChange.innerText()).toContain(`${from!.name} → ${to!.name}`);
    const shown = await history.innerText();
    expect(shown).not.toContain(from!.id);
    expect(shown).not.toContain(to!.id);

    // A credit code failing its check character is refused, unless marked as an early pilot code
    // (with a reason): then it is a warning.
    await page.goto('/admin/ledger/entities');
    await page.getByRole('button', { name: '新增市场主体' }).click();
    const good = makeCreditCode('91500236MA5U1234X');
    const pilot = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    await page.locator('#entity-form_creditCode').fill(pilot);
    await page.locator('#entity-form_name').click();
    const checksum =
      '统一社会信用代码校验位不符，请核对；确属早期试点代码的，请标记为早期试点代码并说明';
    await page.getByText(checksum).waitFor();
    await expect
      .poll(() => page.locator('.ant-form-item-has-error #entity-form_creditCode').count())
      .toBe(1);
    await page.locator('#entity-form_pilotCode').click();
    await expect
      .poll(() => page.locator('.ant-form-item-has-warning #entity-form_creditCode').count())
      .toBe(1);
    await page.locator('#entity-form_pilotCodeReason').waitFor();
    await page.locator('#entity-form_creditCode').fill('9150023');
    await page.locator('#entity-form_name').click();
    await page.getByText('统一社会信用代码格式不正确').waitFor();
    expect(errors).toEqual([]);
  });

  it('exports exactly the list shown: its filters and its sort', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/people?status=started');
    await rows(page, 'people-table').first().waitFor();
    // Sort by name (a header click), newest-first no longer; the table shows what the API gave.
    const [sortedRes] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/people?') && r.url().includes('sort=name'),
      ),
      page.getByTestId('people-table').locator('th', { hasText: '姓名' }).click(),
    ]);
    const sorted = (await sortedRes.json()) as {
      items: { name: string }[];
      total: { value: number; exact: boolean };
    };
    const shown = sorted.items.map((p) => p.name);
    const firstCell = rows(page, 'people-table').first().locator('td').first();
    await expect.poll(async () => (await firstCell.innerText()).trim()).toBe(shown[0]);
    expect(
      (await rows(page, 'people-table').locator('td:first-child').allInnerTexts()).map((x) =>
        x.trim(),
      ),
    ).toEqual(shown);
    const total = Number(
      /共 ([\d,]+) 人/
        .exec(await page.locator('.ant-pagination-total-text').innerText())?.[1]
        ?.replace(/,/g, ''),
    );
    expect(sorted.total.exact).toBe(true);
    expect(total).toBe(sorted.total.value);
    expect(total).toBeGreaterThan(0);
    const button = page.getByTestId('list-export');
    await expect
      .poll(() => button.innerText())
      .toContain(`导出 ${total.toLocaleString('en-US')} 条`);
    await screenshot(page, 'ledger-people-list-export');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.url()).toContain('status=started');
    expect(download.url()).toContain('sort=name');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount - 1).toBe(total);
    const names: string[] = [];
    for (let r = 2; r < 2 + shown.length; r++) names.push(sheet.getRow(r).getCell(1).text);
    expect(names).toEqual(shown);
    expect(errors).toEqual([]);
  });

  it('keeps a township officer to their own township', async () => {
    const county = await openPage(browser);
    await login(county.page, 'fj_officer');
    const res = await county.page.request.get(`/api/people?region=${TUXIANG}&pageSize=1`);
    const tuxiang = ((await res.json()) as { items: { id: string; name: string }[] }).items[0];
    expect(tuxiang, 'a 吐祥镇 person in the demo ledger').toBeDefined();

    const { page, errors } = await openPage(browser);
    await login(page, 'xl_officer');
    await page.goto('/admin/ledger/people');
    await rows(page, 'people-table').first().waitFor();
    for (const row of await rows(page, 'people-table').allInnerTexts()) {
      expect(row).not.toContain('吐祥镇');
    }
    // What the list showed is what the API gives this officer: 兴隆镇's ledger only.
    const own = (await (await page.request.get('/api/people?pageSize=200')).json()) as {
      items: { ledgerRegionCode: string }[];
    };
    expect(own.items.length).toBeGreaterThan(0);
    for (const p of own.items) expect(p.ledgerRegionCode).toMatch(/^500236128/);
    // Asking for 吐祥镇 explicitly is refused or empty, never 吐祥镇's people.
    const other = await page.request.get(`/api/people?region=${TUXIANG}`);
    if (other.ok()) {
      expect(((await other.json()) as { total: { value: number } }).total.value).toBe(0);
    }
    await page.goto(`/admin/ledger/people/${tuxiang?.id}`);
    await page.getByText('记录不存在', { exact: true }).waitFor();
    expect(await page.getByText(tuxiang?.name ?? '—').count()).toBe(0);
    expect(await page.getByRole('button', { name: '查看完整信息' }).count()).toBe(0);
    await screenshot(page, 'ledger-person-not-found');
    expect(errors).toEqual([]);
  });
});
