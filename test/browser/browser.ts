import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { totpCode } from '../../src/server/platform/auth/totp.js';

/** Helpers of the browser tests: Debian's Chromium, the demo logins, screenshots. */

export const DEMO_PASSWORD = 'Kuimen@2026';

/**
 * The little of the DOM the tests read inside the page. Their TypeScript has no DOM library, and
 * functions (not strings, which the pages' CSP refuses to evaluate) run in the page.
 */
interface PageGlobals {
  document: {
    fonts: { ready: Promise<unknown> };
    documentElement: { scrollWidth: number };
    getAnimations(): {
      playState: string;
      effect: { getComputedTiming(): { iterations?: number } } | null;
    }[];
  };
}
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** The server the global setup started; undefined when run outside vitest.browser.config.ts. */
export function server(): { baseUrl: string; dataDir: string } | undefined {
  return inject('fanxiang');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page in a fresh context (own cookies and localStorage) that fails the test on any uncaught
 * script error.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: server()?.baseUrl,
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  track(page);
  return { page, errors };
}

/** What a failed test prints of each page it opened: where it was, what it showed, what failed. */
const openPages = new Map<Page, string[]>();

/** Called before each test: pages opened by earlier tests are not reported for this one. */
export function forgetOpenPages(): void {
  openPages.clear();
}

function track(page: Page): void {
  const notes: string[] = [];
  openPages.set(page, notes);
  const note = (s: string) => notes.push(`${new Date().toISOString().slice(11, 23)} ${s}`);
  page.on('response', (r) => {
    if (r.status() >= 400) note(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => note(`failed ${r.method()} ${r.url()}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text()}`);
  });
}

/**
 * For a failed test: a screenshot of every page still open and, on stdout (what CI keeps), its
 * address, the start of its text and its refused requests and console errors.
 */
export async function reportOpenPages(testName: string): Promise<void> {
  let i = 0;
  for (const [page, notes] of openPages) {
    if (page.isClosed()) continue;
    const name = `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${i++}`;
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch((e: unknown) => `(no text: ${String(e)})`);
    await page
      .screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), timeout: 5_000 })
      .catch(() => undefined);
    console.log(
      [
        `--- page of the failed test: ${page.url()} (screenshot ${name}.png)`,
        text.replace(/\s+/g, ' ').slice(0, 1_200),
        ...notes.slice(-15),
      ].join('\n'),
    );
  }
}

/**
 * A TOTP code of a demo administrator, from the secrets the demo wrote. The server accepts each
 * 30 s step once (a replayed step is TOTP_REPLAYED) and the next step early, so the steps used
 * are recorded beside the demo logins (the test files run one after another): a login in a
 * step already used gets the next step's code, waiting for the clock when that one is used too.
 */
export async function demoTotp(login: string): Promise<string> {
  const dir = server()?.dataDir ?? '';
  const file = path.join(dir, 'demo-logins.json');
  const logins = JSON.parse(readFileSync(file, 'utf8')) as {
    login: string;
    totpSecret: string | null;
  }[];
  const secret = logins.find((l) => l.login === login)?.totpSecret;
  if (!secret) throw new Error(`no TOTP secret for ${login}`);
  const usedFile = path.join(dir, 'browser-totp-steps.json');
  const used = (existsSync(usedFile) ? JSON.parse(readFileSync(usedFile, 'utf8')) : {}) as Record<
    string,
    number
  >;
  const STEP_MS = 30_000;
  let step = Math.max(Math.floor(Date.now() / STEP_MS), (used[login] ?? -1) + 1);
  // Only the current step and the next are accepted: wait until `step` is at most the next one.
  while (step > Math.floor(Date.now() / STEP_MS) + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  step = Math.max(step, Math.floor(Date.now() / STEP_MS));
  used[login] = step;
  writeFileSync(usedFile, JSON.stringify(used));
  return totpCode(secret, new Date(step * STEP_MS + 1_000));
}

/**
 * The township officer accepts, through the API, the pending first submissions (registration or
 * claim) of the portal account with `maskedMobile`: a first registration waits for an officer,
 * so the portal never shows whether an ID number was already on the ledger.
 */
export async function officerConfirms(
  browser: Browser,
  maskedMobile: string,
  officer = 'xl_officer',
): Promise<number> {
  const context = await browser.newContext({ baseURL: server()?.baseUrl });
  try {
    const login = await context.request.post('/api/auth/login', {
      data: { login: officer, password: DEMO_PASSWORD },
    });
    if (!login.ok()) throw new Error(`officer login: ${login.status()} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const queue = await context.request.get('/api/portal-requests?state=pending&pageSize=100');
    if (!queue.ok()) throw new Error(`queue: ${queue.status()} ${await queue.text()}`);
    const items = (
      (await queue.json()) as { items: { id: string; kind: string; mobileMasked: string }[] }
    ).items.filter((r) => r.mobileMasked === maskedMobile && r.kind !== 'change');
    for (const r of items) {
      const res = await context.request.post(`/api/portal-requests/${r.id}/accept`, {
        headers: { 'x-csrf-token': csrfToken },
        data: {},
      });
      if (!res.ok()) throw new Error(`accept: ${res.status()} ${await res.text()}`);
    }
    return items.length;
  } finally {
    await context.close();
  }
}

/** Types a six-digit code into antd's one-time-code boxes. */
export async function typeCode(
  page: Page,
  code: string,
  within = page.locator('body'),
): Promise<void> {
  await within.locator('.ant-otp input').first().click();
  await page.keyboard.type(code);
}

/** Password, then the TOTP step when the API asks for it; ends on the workbench. */
export async function login(
  page: Page,
  name: string,
  options: { totp?: boolean } = {},
): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('登录名').fill(name);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  if (options.totp) {
    await expect.poll(() => page.getByText('动态验证码').first().isVisible()).toBe(true);
    await typeCode(page, await demoTotp(name));
    await page.getByRole('button', { name: /^验\s*证$/ }).click();
  }
  await page.getByText('我的角色与管辖范围').waitFor();
}

/** Saves a screenshot once fonts are loaded and animations have finished. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  // No hover tooltip in the picture: the pointer rests on the page's bottom-right corner.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 1, size.height - 1);
  await page.evaluate(async () => {
    await (globalThis as unknown as PageGlobals).document.fonts.ready;
  });
  await page.waitForFunction(() =>
    (globalThis as unknown as PageGlobals).document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The page's width in CSS pixels, to check that nothing overflows a phone screen. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
  );
}

/** Walks an open-able antd Cascader down the given labels (each level loads on demand). */
export async function pickRegion(page: Page, field: string, labels: string[]): Promise<void> {
  const item = (label: string) =>
    page.locator(`li.ant-cascader-menu-item[title="${label}"]:visible`);
  await page.locator(field).click();
  for (const [i, label] of labels.entries()) {
    await item(label).click();
    const next = labels[i + 1];
    if (!next) break;
    // A click that lands while the menu is still sliding in can miss: click again if the next
    // level has not opened after a while.
    for (let attempt = 0; attempt < 3; attempt++) {
      const opened = await item(next)
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      await item(label).click();
    }
  }
}

/**
 * Waits until an antd modal has finished zooming in. Playwright checks that a button is stable
 * before it clicks, but under load the modal can still be growing between that check and the
 * mouse events, and the click then lands beside the button. rc-motion drops the `ant-zoom`
 * classes when the motion ends. `modal` is the `.ant-modal` element (role dialog).
 */
export async function modalSettled(modal: Locator): Promise<void> {
  await expect
    .poll(async () => (await modal.getAttribute('class')) ?? '', { timeout: 10_000 })
    .not.toMatch(/ant-zoom/);
}

/**
 * Clicks `button` of a modal once it has settled, and again if `container` is still open after
 * 5 s (a click that registered closes it at once, and antd ignores clicks on a button that is
 * loading, so a second click never fires twice). Says what the modal shows if it stays open.
 */
export async function clickUntilGone(container: Locator, button: Locator): Promise<void> {
  await modalSettled(container);
  for (let attempt = 0; attempt < 3; attempt++) {
    await button.click();
    const gone = await container
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (gone) return;
  }
  const shown = await container.innerText().catch(() => '');
  throw new Error(`the modal stays open after three clicks; it shows: ${shown}`);
}

/**
 * Picks an option of an antd Select by its exact label, and checks the Select shows it. A click
 * that lands while the dropdown is still sliding in can miss, and a re-render of the form can close
 * the list under the pointer: each click is given 5 s (not the 30 s default, which a closed list
 * would use up), and the list is opened again unless it is still open.
 */
export async function pickOption(page: Page, field: string, label: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.locator(field) });
  // antd 6 renders the chosen option as `.ant-select-content[title=label]`.
  const chosen = select.locator(`[title="${label}"]`);
  const option = page.locator(`.ant-select-item-option[title="${label}"]:visible`);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await option.first().isVisible())) await page.locator(field).click();
    const clicked = await option.click({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!clicked) continue;
    const shown = await chosen
      .first()
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
  }
  throw new Error(`the select ${field} does not show ${label} after five tries`);
}
