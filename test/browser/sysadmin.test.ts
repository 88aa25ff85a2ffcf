import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoTotp,
  launchChromium,
  login,
  openPage,
  pickOption,
  pickRegion,
  screenshot,
  server,
  typeCode,
} from './browser.js';

const NEW_LOGIN = 'fj_sysadmin';
const NEW_PASSWORD = 'Fengjie#Kuimen2026';

describe.skipIf(!server())('the system administrator', () => {
  let browser: Browser;
  let temporaryPassword = '';
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('logs in with TOTP, creates a user and sees the temporary password once', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto('/admin/');
    await page.getByLabel('登录名').fill('sysadmin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByText('请打开手机上的验证器 App').waitFor();
    await screenshot(page, 'console-login-totp');
    await typeCode(page, await demoTotp('sysadmin'));
    await page.getByRole('button', { name: /^验\s*证$/ }).click();
    await page.getByText('我的角色与管辖范围').waitFor();

    const menu = page.getByTestId('side-menu');
    expect(await menu.getByText('实名制台账').count()).toBe(0);
    await menu.getByText('系统管理').click();
    await menu.getByText('用户', { exact: true }).click();
    await page.getByRole('cell', { name: 'fj_officer', exact: true }).waitFor();
    await screenshot(page, 'console-users');

    await page.getByRole('button', { name: /新建用户/ }).click();
    await page.locator('#create-user_login').fill(NEW_LOGIN);
    await page.locator('#create-user_displayName').fill('奉节县系统管理员 赵强');
    await pickRegion(page, '#create-user_region', ['全国', '重庆市', '奉节县']);
    await page.locator('.ant-modal-title', { hasText: '新建用户' }).click();
    await expect.poll(() => page.locator('.ant-modal').innerText()).toContain('重庆市 / 奉节县');
    await screenshot(page, 'console-user-create');
    await page.getByRole('button', { name: /^创\s*建$/ }).click();

    const shown = page.getByTestId('temp-password');
    await shown.waitFor();
    temporaryPassword = (await shown.innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.ant-modal').innerText()).toContain('仅显示这一次');
    await screenshot(page, 'console-user-created');
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByRole('cell', { name: NEW_LOGIN, exact: true }).waitFor();

    // 三权分立: no business role for an account the administrator created less than 24 hours ago.
    await page
      .getByRole('row', { name: new RegExp(NEW_LOGIN) })
      .getByRole('button', { name: '管理' })
      .click();
    await page.locator('.ant-drawer').getByText('授予角色').first().waitFor();
    await pickOption(page, '#grant_roleCode', '乡镇服务专员');
    await pickRegion(page, '#grant_region', ['全国', '重庆市', '奉节县']);
    await page.locator('.ant-drawer-title').click();
    await page.getByRole('button', { name: /^授\s*予$/ }).click();
    await page.locator('.ant-drawer .ant-alert').getByText('24 小时内创建的账号').waitFor();
    // Close the drawer with its own button (Escape stays in the form) before the next row.
    await page.locator('.ant-drawer-close').first().click();
    await page.locator('.ant-drawer-content-wrapper').first().waitFor({ state: 'hidden' });

    // A grant carrying personal data waits for the security administrator. (The demo has more
    // accounts than one page holds: find the park operator by its login.)
    await page.locator('.ant-input-search input').fill('xl_park');
    await page.locator('.ant-input-search input').press('Enter');
    await page
      .getByRole('row', { name: /xl_park/ })
      .getByRole('button', { name: '管理' })
      .click();
    await page.locator('.ant-drawer').getByText('授予角色').first().waitFor();
    await pickOption(page, '#grant_roleCode', '县级服务专员（须安全管理员批准）');
    await pickRegion(page, '#grant_region', ['全国', '重庆市', '奉节县']);
    await page.locator('.ant-drawer-title').click();
    await page.getByRole('button', { name: /^授\s*予$/ }).click();
    await page.locator('.ant-drawer').getByText('等待审批的授权').waitFor();
    await screenshot(page, 'console-user-drawer');
    expect(errors).toEqual([]);
  });

  it('the security administrator approves the grant request', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'secadmin', { totp: true });
    await page.getByTestId('side-menu').getByText('安全管理').click();
    const row = page.getByRole('row', { name: /xl_park/ });
    await row.waitFor();
    await screenshot(page, 'console-grant-requests');
    await row.getByRole('button', { name: /^批\s*准$/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^确\s*定$|^OK$/ })
      .click();
    await expect.poll(() => row.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the new user changes the temporary password at first login', async () => {
    expect(temporaryPassword).not.toBe('');
    const { page, errors } = await openPage(browser);
    await page.goto('/admin/');
    await page.getByLabel('登录名').fill(NEW_LOGIN);
    await page.getByLabel('密码').fill(temporaryPassword);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();

    await page.getByTestId('password-rules').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await screenshot(page, 'console-change-password');
    await page.getByRole('button', { name: /修改密码并继续/ }).click();

    await page.getByText('我的角色与管辖范围').waitFor();
    expect(await page.getByTestId('side-menu').getByText('系统管理').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists roles and organisations', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'sysadmin', { totp: true });
    await page.goto('/admin/system/roles');
    await page.getByText('县级服务专员').first().waitFor();
    await screenshot(page, 'console-roles');
    await page.getByRole('button', { name: /新建自定义角色/ }).click();
    await page.getByText('业务权限').waitFor();
    await screenshot(page, 'console-role-create');
    await page.keyboard.press('Escape');

    await page.goto('/admin/system/orgs');
    await page.getByText('奉节县人力资源和社会保障局').waitFor();
    await screenshot(page, 'console-orgs');

    // A new member unit in 奉节县, then renamed (PATCH with the version read).
    await page.getByRole('button', { name: /新建机构/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: '新建机构' });
    await dialog.getByLabel('机构名称').fill('奉节县乡村振兴局');
    await pickRegion(page, '#org_region', ['全国', '重庆市', '奉节县']);
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await page.getByRole('cell', { name: '奉节县乡村振兴局', exact: true }).waitFor();
    await page
      .getByRole('row', { name: /奉节县乡村振兴局/ })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const edit = page.locator('.ant-modal', { hasText: '编辑机构' });
    await edit.getByLabel('机构名称').fill('奉节县乡村振兴局（扶贫办）');
    await edit.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByRole('cell', { name: '奉节县乡村振兴局（扶贫办）', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
