import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/domain/identity/id-number.js';
import { DEMO_PASSWORD, launchChromium, login, openPage, screenshot, server } from './browser.js';

/** The import and export screen: template, upload, live progress, error report, exports. */

const XINGLONG = '500236128000';
const ROWS = 1500;
/** File rows (the header is row 1) that are wrong on purpose. */
const BAD_CHECKSUM_ROW = 12;
const BAD_NAME_ROW = ROWS + 1;
/** A whole ID number as a cell of the exported sheet. */
const FULL_ID = /"\d{17}[\dX]"/;

/** Polls for up to 90 s: the server is shared with other tests and agents. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 90_000 });

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const file = await download.path();
  const buf = readFileSync(file);
  expect(buf.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return JSON.stringify(v);
}

function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map(cellText));
  });
  return rows;
}

/** A valid 奉节 person by header; ID numbers unique to this test (born July 1971). */
function person(i: number): Record<string, string> {
  const day = String(1 + Math.floor(i / 1000)).padStart(2, '0');
  const serial = String(i % 1000).padStart(3, '0');
  return {
    姓名: '王导入',
    身份证号: makeIdNumber(`500236197107${day}${serial}`),
    手机号: `13977${String(i).padStart(6, '0')}`,
    户籍地区划代码: XINGLONG,
    现居住地区划代码: XINGLONG,
    人员类别: '农民工',
    务工省份代码: '44',
    务工地市代码: '4403',
    外出务工月数: '36',
    返乡日期: '2024-03-01',
    文化程度: '初中',
    技能特长: '电焊',
    状态: '已返乡',
  };
}

/** The CSV an official saves from the template: its headers, good rows and two bad ones. */
function peopleCsv(headers: string[]): string {
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < ROWS; i++) rows.push(person(i));
  const checksum = rows[BAD_CHECKSUM_ROW - 2]!;
  const id = checksum.身份证号!;
  checksum.身份证号 = `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
  rows[BAD_NAME_ROW - 2]!.姓名 = '';
  const lines = [headers.join(',')];
  for (const r of rows) lines.push(headers.map((h) => r[h] ?? '').join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe.skipIf(!server())('the import and export screen of an official', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('imports a people file from the template, follows the live progress through a reload and downloads the error report', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    const menu = page.getByTestId('side-menu');
    const entry = menu.getByText('导入导出', { exact: true });
    if (!(await entry.isVisible())) await menu.getByText('实名制台账').click();
    await entry.click();
    expect(page.url()).toMatch(/\/admin\/ledger\/import-export$/);
    await page.getByText('要导入哪一类台账？').waitFor();
    await screenshot(page, 'import-kind');

    // Step 1: the template, read for its headers.
    const template = await downloadOf(page, () =>
      page.getByRole('button', { name: '下载人员台账模板' }).click(),
    );
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const headers = sheetRows((await workbookOf(template)).worksheets[0]!)[0]!;
    expect(headers.slice(0, 3)).toEqual(['姓名', '身份证号', '手机号']);
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 2: the file, with its name and size.
    const csv = Buffer.from(peopleCsv(headers), 'utf8');
    await page.locator('input[type="file"]').setInputFiles({
      name: '兴隆镇返乡人员台账.csv',
      mimeType: 'text/csv',
      buffer: csv,
    });
    const chosen = page.getByTestId('chosen-file');
    await poll(() => chosen.innerText()).toContain('兴隆镇返乡人员台账.csv');
    expect(await chosen.innerText()).toMatch(/\d+\.\d KB/);
    await screenshot(page, 'import-upload');
    await page.getByRole('button', { name: '开始导入' }).click();

    // Step 3: the live progress bar, kept across a reload by the job id in the URL.
    const progress = page.getByTestId('import-progress');
    const result = page.getByTestId('import-result');
    await poll(async () => (await progress.isVisible()) || (await result.isVisible())).toBe(true);
    expect(page.url()).toMatch(/[?&]job=[0-9a-f-]{36}/);
    const jobUrl = page.url();
    // On a quiet machine the 1,500 rows take a second or two: the bar may give way to the result
    // at any moment, so every look at it accepts the result instead.
    const sawProgress = await progress.locator('.ant-progress').isVisible();
    expect(sawProgress, 'the progress bar shows while the job runs').toBe(true);
    const counting = /已处理 [\d,]+ \/ [\d,]+ 行|排队中/;
    await poll(
      async () =>
        counting.test(await progress.innerText({ timeout: 1_000 }).catch(() => '')) ||
        (await result.isVisible()),
    ).toBe(true);
    await screenshot(page, 'import-progress');
    // Best effort: a picture of the bar moving, if the job is still running a moment later.
    await page
      .getByText(/已处理 [1-9][\d,]* \/ [\d,]+ 行/)
      .or(result)
      .first()
      .waitFor({ timeout: 60_000 });
    if (await progress.isVisible()) await screenshot(page, 'import-progress-running');
    await page.reload();
    expect(page.url()).toBe(jobUrl);
    await poll(async () => (await progress.isVisible()) || (await result.isVisible())).toBe(true);

    // Step 4: the counts, the preview of the first problems and the report.
    await result.waitFor({ timeout: 120_000 });
    const counts = page.getByTestId('import-counts');
    await poll(() => counts.innerText()).toContain('未导入');
    const figures = await counts.innerText();
    expect(figures).toContain('总行数');
    expect(figures).toContain('1,500');
    expect(figures).toContain('1,498');
    expect(await result.innerText()).toContain('导入完成，2 行有错误未导入');
    const preview = page.getByTestId('error-preview');
    await poll(() => preview.innerText()).toContain('身份证号校验位不正确，请核对');
    const previewText = await preview.innerText();
    expect(previewText).toContain(String(BAD_CHECKSUM_ROW));
    expect(previewText).toContain('此项不能为空');
    await screenshot(page, 'import-result', true);

    const report = await downloadOf(page, () =>
      page.getByRole('button', { name: '下载错误报告' }).click(),
    );
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    const lines = sheetRows((await workbookOf(report)).worksheets[0]!);
    // Row, whose row, column, type, the zh-CN reason, the value and the code last.
    expect(lines[0]).toEqual([
      '行号',
      '姓名／名称',
      '列名',
      '类型',
      '原因',
      '填写内容（已脱敏）',
      '代码（供技术支持）',
    ]);
    const checksum = lines.find((l) => l[0] === String(BAD_CHECKSUM_ROW));
    expect(checksum?.slice(1, 5)).toEqual([
      '王导入',
      '身份证号',
      '错误',
      '身份证号校验位不正确，请核对',
    ]);
    expect(checksum?.[6]).toBe('ID_NUMBER_CHECKSUM');
    expect(lines.find((l) => l[0] === String(BAD_NAME_ROW))?.[4]).toBe('此项不能为空');

    // The import is in the list of recent imports, and opens again from there.
    const recent = page.getByTestId('recent-imports');
    await poll(() => recent.innerText()).toContain('兴隆镇返乡人员台账.csv');
    expect(await recent.innerText()).toContain('新增 1,498，更新 0，未导入 2');
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.getByText('点击选择文件，或将文件拖到此处').waitFor();
    expect(page.url()).not.toContain('job=');
    await recent.getByRole('button', { name: '查看' }).first().click();
    await result.waitFor();
    expect(errors).toEqual([]);
  }, 240_000); // longer than its longest wait, so that a failure names its step

  it('files nothing from the untouched template (its examples are skipped, and it says so), then imports a row whose regions are written 兴隆镇', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/import-export');
    const template = await downloadOf(page, () =>
      page.getByRole('button', { name: '下载人员台账模板' }).click(),
    );
    const untouched = readFileSync(await template.path());
    expect(
      (await workbookOf(template)).worksheets.map((w) => w.name),
      'the template lists the officer’s townships and villages',
    ).toContain('区划代码');
    await page.getByRole('button', { name: '下一步' }).click();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: '人员台账导入模板.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: untouched,
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 90_000 });
    const skipped = page.getByTestId('import-skipped-examples');
    await poll(() => skipped.isVisible()).toBe(true);
    expect(await skipped.innerText()).toContain('模板中的 2 行示例');
    const counts = await page.getByTestId('import-counts').innerText();
    expect(counts).toContain('跳过示例行');
    expect(counts).toMatch(/新增\s*0/);
    await screenshot(page, 'import-template-examples-skipped', true);

    // A row whose regions are written as officials write them.
    await page.getByRole('button', { name: '继续导入' }).click();
    const headers = Object.keys(person(0));
    const named: Record<string, string> = {
      ...person(9000),
      姓名: '兴隆名称',
      户籍地区划代码: '兴隆镇',
      现居住地区划代码: '奉节县兴隆镇',
    };
    const csv = `${headers.join(',')}\r\n${headers.map((h) => named[h]).join(',')}\r\n`;
    await page.locator('input[type="file"]').setInputFiles({
      name: '区划填名称.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await result.waitFor({ timeout: 90_000 });
    await poll(() => result.innerText()).toContain('导入完成');
    expect(await result.innerText()).not.toContain('有错误');
    await screenshot(page, 'import-region-names', true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('explains refused files in Chinese: an .xls before sending, a renamed .xls, wrong headers', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/import-export');
    await page.getByRole('button', { name: '下一步' }).click();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: '台账.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from('not really excel'),
    });
    await page.getByText('不支持旧版 .xls 文件').waitFor();
    expect(await page.getByRole('button', { name: '开始导入' }).isDisabled()).toBe(true);

    // An old .xls renamed to .xlsx: the server refuses it with its own message.
    await input.setInputFiles({
      name: '改名的台账.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page
      .getByRole('alert')
      .getByText(/文件不是 Excel.*旧版 Excel（\.xls）/)
      .waitFor();
    expect(page.url()).not.toContain('job=');

    // A CSV without the template's headers: the job fails and says which columns are missing.
    await input.setInputFiles({
      name: '自制表格.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('姓名,电话\r\n王五,13900000000\r\n', 'utf8'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 90_000 });
    const text = await result.innerText();
    expect(text).toContain('导入失败');
    expect(text).toContain('表头缺少必填列');
    expect(text).toContain('身份证号');
    await screenshot(page, 'import-failed');
    expect(errors).toEqual([]);
  });

  it('asks for the password over the wizard when the session expired before the upload, then sends the file', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/import-export');
    await page.getByRole('button', { name: '下一步' }).click();
    const headers = Object.keys(person(0));
    const lines = [headers.join(',')];
    for (let i = 5000; i < 5003; i++) lines.push(headers.map((h) => person(i)[h]).join(','));
    await page.locator('input[type="file"]').setInputFiles({
      name: '会话过期后上传.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    });
    await page.waitForLoadState('networkidle');
    const context = page.context();
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'fx_sid');
    expect(cookie).toBeDefined();
    await context.addCookies([{ ...cookie!, value: 'expired-session-token' }]);

    await page.getByRole('button', { name: '开始导入' }).click();
    const relogin = page.locator('.ant-modal', { hasText: '登录已过期' });
    await relogin.waitFor();
    await relogin.getByLabel('密码').fill(DEMO_PASSWORD);
    await relogin.getByRole('button', { name: /^登\s*录$/ }).click();
    await relogin.waitFor({ state: 'detached' });

    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    await poll(() => page.getByTestId('import-counts').innerText()).toContain('3');
    expect(await result.innerText()).toContain('导入完成');
    expect(errors).toEqual([]);
  });

  it('exports the people list masked, and unmasked only with a reason', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_officer');
    await page.goto('/admin/ledger/import-export?tab=export');
    await page.getByText('导出文件中的身份证号和手机号已脱敏').waitFor();
    await poll(() => page.locator('#export-region').locator('..').innerText()).toContain('奉节县');
    await screenshot(page, 'export-form');

    const masked = await downloadOf(page, () =>
      page.getByRole('button', { name: '导出 Excel' }).click(),
    );
    expect(masked.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = sheetRows((await workbookOf(masked)).worksheets[0]!);
    expect(rows.length).toBeGreaterThan(1);
    const text = JSON.stringify(rows);
    expect(text).toContain('500236********');
    expect(text).not.toMatch(FULL_ID);

    await page.getByText('含完整证件号（身份证号和手机号不脱敏）').click();
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await page.getByText('请填写导出完整证件号的理由').waitFor();
    await page.getByPlaceholder('如：向县人社局报送创业担保贷款名单').fill('核对返乡人员导入结果');
    await screenshot(page, 'export-unmask');
    const full = await downloadOf(page, () =>
      page.getByRole('button', { name: '导出 Excel' }).click(),
    );
    expect(JSON.stringify(sheetRows((await workbookOf(full)).worksheets[0]!))).toMatch(FULL_ID);
    expect(errors).toEqual([]);
  });

  it('offers the unmasked export only to holders of person.unmask, and entity exports', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'xl_officer');
    await page.goto('/admin/ledger/import-export?tab=export');
    await page.getByText('导出文件中的身份证号和手机号已脱敏').waitFor();
    expect(await page.getByText('含完整证件号').count()).toBe(0);
    await page.getByText('市场主体台账', { exact: true }).click();
    await page.getByText('主体类型', { exact: true }).waitFor();
    const entities = await downloadOf(page, () =>
      page.getByRole('button', { name: '导出 Excel' }).click(),
    );
    expect(entities.suggestedFilename()).toMatch(/\.xlsx$/);
    await workbookOf(entities);
    expect(errors).toEqual([]);
  });
});
