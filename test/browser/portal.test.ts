import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/identity/credit-code.js';
import { makeIdNumber } from '../../src/domain/identity/id-number.js';
import {
  launchChromium,
  login,
  officerConfirms,
  openPage,
  pageWidth,
  screenshot,
  server,
} from './browser.js';

const PHONE = { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const PASSWORD = 'Chunyan#2026';
const serial = String(Date.now()).slice(-8);
const MOBILE = `137${serial}`;
const MASKED = `137****${serial.slice(4)}`;
const ID_NUMBER = makeIdNumber(`50023619880312${serial.slice(-2)}2`);
const CREDIT_CODE = makeCreditCode(`93500236${serial.slice(-8)}9`);

/** Picks a region level by level in the portal's cascading selects. */
async function pickRegion(page: Page, name: string, labels: string[]): Promise<void> {
  for (const [level, label] of labels.entries()) {
    const select = page.locator(`select[name="${name}-${level}"]`);
    await select.locator('option', { hasText: label }).first().waitFor({ state: 'attached' });
    await select.selectOption({ label });
  }
}

/** The SMS code for our number, read from the dev inbox in a second tab. */
async function codeFromInbox(page: Page): Promise<string> {
  const inbox = await page.context().newPage();
  await inbox.goto('/dev/sms');
  await inbox.getByRole('heading', { name: '短信调试收件箱' }).waitFor();
  const item = inbox.locator('.messages li', { hasText: MASKED }).first();
  await item.waitFor();
  const code = /验证码是 (\d{6})/.exec((await item.locator('p').textContent()) ?? '')?.[1] ?? '';
  await screenshot(inbox, 'portal-dev-inbox');
  await inbox.close();
  return code;
}

describe.skipIf(!server())('the entrepreneurs’ portal on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('renders the landing page at 390 × 844 without the console’s code', async () => {
    const { page, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      ...PHONE,
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const res = await page.goto('/');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: '回家创业，政策帮您办' }).waitFor();
    expect(await page.getByText('创业担保贷款').isVisible()).toBe(true);
    // What does not exist yet says so and is neither a link nor a button (issue 11, item 13).
    for (const key of ['subsidies', 'parks', 'training', 'policies']) {
      const card = page.locator(`[data-service="${key}"]`);
      expect(await card.evaluate((el: { tagName: string }) => el.tagName)).toBe('DIV');
      expect(await card.locator('xpath=ancestor-or-self::a').count()).toBe(0);
      expect(await card.getByText('即将开通').isVisible()).toBe(true);
    }
    expect(await page.getByRole('button', { name: /一次性创业补贴/ }).count()).toBe(0);
    // What exists is the way in (创业担保贷款 since issue 10).
    for (const key of ['profile', 'enterprise', 'messages', 'loans']) {
      expect(await page.locator(`a[data-service="${key}"]`).count()).toBe(1);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    expect(scripts.some((s) => s.includes('admin'))).toBe(false);
    await screenshot(page, 'portal-landing');
    await screenshot(page, 'portal-landing-full', true);
    expect(errors).toEqual([]);
  });

  it('registers with an SMS code, fills in the profile and the enterprise, and shows 我的', async () => {
    const { page, errors } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      ...PHONE,
    });
    await page.goto('/');
    await page.getByRole('link', { name: '手机号注册' }).first().click();
    await page.getByRole('heading', { name: '手机号注册' }).waitFor();
    expect(page.url()).toMatch(/\/register$/);

    await page.locator('input[name="mobile"]').fill(MOBILE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText(`验证码已发送至 ${MASKED}`).waitFor();
    const code = await codeFromInbox(page);
    expect(code).toMatch(/^\d{6}$/);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="password"]').fill('password');
    await page.locator('input[name="again"]').fill('password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    // The browser applies the same password policy; the input stays.
    await page
      .getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码')
      .waitFor();
    await page
      .getByText(
        '密码须至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码',
      )
      .waitFor({ state: 'detached' });
    expect(await page.locator('input[name="code"]').inputValue()).toBe(code);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="again"]').fill(PASSWORD);
    await screenshot(page, 'portal-register');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // Profile, step 1: the ID number is checked in the browser with the server's code.
    await page.getByRole('link', { name: '填写个人资料' }).click();
    await page.getByRole('heading', { name: '个人资料' }).waitFor();
    await page.locator('input[name="name"]').fill('李春燕');
    await page
      .locator('input[name="idNumber"]')
      .fill(`${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('0') ? '1' : '0'}`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('身份证号校验位不正确').waitFor();
    await page.locator('input[name="idNumber"]').fill(ID_NUMBER);
    await page.getByText('性别 女 · 出生日期 1988-03-12').waitFor();
    await screenshot(page, 'portal-profile-1');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 2: places from the division tree without its generic 县 level, groups, status.
    await pickRegion(page, 'hukou', ['重庆市']);
    const counties = page.locator('select[name="hukou-1"] option');
    await counties.filter({ hasText: '奉节县' }).waitFor({ state: 'attached' });
    const names = (await counties.allTextContents()).map((t) => t.trim());
    expect(names).not.toContain('县');
    expect(names).not.toContain('市辖区');
    await pickRegion(page, 'hukou', ['重庆市', '奉节县', '兴隆镇']);
    // 现居地同户籍地: one tick instead of the same four picks again.
    await page.getByLabel('现居地同户籍地').check();
    expect(await page.locator('select[name="current-0"]').count()).toBe(0);
    await page.locator('.chip', { hasText: '农民工' }).click();
    await page.locator('select[name="status"]').selectOption({ label: '已返乡' });
    await screenshot(page, 'portal-profile-2');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 3: work away and return.
    await pickRegion(page, 'away', ['广东省', '深圳市']);
    await page.locator('input[name="monthsAway"]').fill('96');
    await page.locator('input[name="returnDate"]').fill('2024-03-01');
    await page.locator('select[name="education"]').selectOption({ label: '高中/中专/技校' });
    await page.locator('textarea[name="skills"]').fill('电商运营 脐橙种植');
    await screenshot(page, 'portal-profile-3');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    // A first registration waits for the township officer, like a claim on someone else's record.
    await page.getByText('待核实').first().waitFor();
    await screenshot(page, 'portal-me-pending');

    // The township officer hears of it: in the bell and on the workbench (issue 11, item 15).
    const console = await openPage(browser);
    const desk = console.page;
    await login(desk, 'xl_officer');
    const todo = desk.locator('.todo-card');
    await todo.getByText(MASKED).first().waitFor();
    expect(await todo.getByText('李春燕').first().isVisible()).toBe(true);
    await screenshot(desk, 'workbench-pending-requests');
    await desk.getByRole('button', { name: /^通知（\d+ 条未读）$/ }).click();
    const notice = desk.locator('.notice.unread', { hasText: MASKED }).first();
    await notice.getByText('待核实：李春燕的个人资料').waitFor();
    await screenshot(desk, 'notifications-bell');
    await notice.click();
    await desk.waitForURL(/\/admin\/ledger\/requests/);
    await desk.getByText(MASKED).first().waitFor();
    expect(console.errors).toEqual([]);
    await desk.context().close();

    await expect.poll(() => officerConfirms(browser, MASKED)).toBe(1);
    await page.reload();
    await page.locator('.card').first().locator('.badge.ok').waitFor();
    const masked = `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(14)}`;
    await page.getByText(masked).waitFor();
    expect(await page.content()).not.toContain(ID_NUMBER);

    // The enterprise, in two steps.
    await page.getByRole('link', { name: '登记企业' }).click();
    await page.getByRole('heading', { name: '企业信息' }).waitFor();
    await page.locator('input[name="name"]').fill('奉节县兴隆镇春燕脐橙专业合作社');
    await page.locator('input[name="creditCode"]').fill(CREDIT_CODE);
    await page.locator('select[name="type"]').selectOption({ label: '农民专业合作社' });
    await page.locator('select[name="section"]').selectOption({ label: 'A 农、林、牧、渔业' });
    await page.locator('select[name="division"]').selectOption({ label: '01 农业' });
    await screenshot(page, 'portal-enterprise-1');
    await page.getByRole('button', { name: '下一步' }).click();
    await pickRegion(page, 'region', ['重庆市', '奉节县', '兴隆镇']);
    // The 法定代表人 checkbox sits on the line of its label.
    const box = await page.locator('input[name="legalRep"]').boundingBox();
    const text = await page.getByText('我是法定代表人').boundingBox();
    expect(
      box && text && Math.abs(box.y + box.height / 2 - (text.y + text.height / 2)),
    ).toBeLessThan(6);
    await page.locator('input[name="foundedOn"]').fill('2024-06-18');
    await page.locator('input[name="employees"]').fill('6');
    await page.locator('input[name="jobsCreated"]').fill('12');
    await screenshot(page, 'portal-enterprise-2');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    await expect.poll(() => officerConfirms(browser, MASKED)).toBe(1);
    await page.reload();
    await page.getByText('奉节县兴隆镇春燕脐橙专业合作社').first().waitFor();
    await page.locator('.msg-title', { hasText: '企业信息已提交' }).waitFor();
    await page.locator('.msg-title', { hasText: '资料已提交' }).waitFor();
    await screenshot(page, 'portal-me', true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    // Logged in, the front page offers 我的, not 注册 / 登录 (issue 11, item 16).
    await page.goto('/');
    await page.getByRole('link', { name: '进入我的' }).first().waitFor();
    expect(await page.getByRole('link', { name: '手机号注册' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '立即注册' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '已有账号，登录' }).count()).toBe(0);
    expect(await page.locator('header').getByRole('link', { name: '我的' }).count()).toBe(1);
    await screenshot(page, 'portal-landing-signed-in');
    await page.getByRole('link', { name: '进入我的' }).first().click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    // The registration code is not among the messages.
    expect(await page.locator('#messages').textContent()).not.toContain('验证码');

    // Log out, log back in.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '回家创业，政策帮您办' }).waitFor();
    await page.goto('/login');
    await page.locator('input[name="mobile"]').fill(MOBILE);
    await page.locator('input[name="password"]').fill('Wrong#Pass2026');
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.getByText('账号或密码错误').waitFor();
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
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
    await page.goto('/register');
    await page.getByRole('heading', { name: '手机号注册' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.goto('/login');
    await page.locator('input[name="mobile"]').fill(MOBILE);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.goto('/profile');
    await page.getByRole('heading', { name: '个人资料' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('select[name="hukou-2"]').waitFor();
    // Saved with the same place: the box stays ticked.
    expect(await page.getByLabel('现居地同户籍地').isChecked()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-profile-360');

    // English, from the footer: the page reloads in it, and the server answers in it too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('select[name="hukou-2"]').waitFor();
    expect(await page.getByLabel('Same as hukou').isChecked()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-profile-360-en');
    await page.goto('/');
    await page.getByRole('heading', { name: /Come home and start up/ }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-landing-360-en', true);
    await page.goto('/me');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto('/login');
    await page.locator('input[name="mobile"]').fill(MOBILE);
    await page.locator('input[name="password"]').fill('Wrong#Pass2026');
    await page.getByRole('button', { name: 'Log in' }).last().click();
    await page.getByText('Wrong login name or password').waitFor();
    await screenshot(page, 'portal-login-360-en');
    // And back to 中文.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(errors).toEqual([]);
  });
});
