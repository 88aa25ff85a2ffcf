import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, login, openPage, pickOption, screenshot, server } from './browser.js';

/** The statistics screens: the dashboard with its drill-down, and the targets with their split. */

const FENGJIE = '500236000000';
const XINGLONG = '500236128000';

/** Polls for up to 20 s: the dashboard reads counters on a server shared with other work. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function waitForCharts(page: Page, testIds: string[]): Promise<void> {
  for (const id of testIds) await page.locator(`[data-testid="${id}"] canvas`).first().waitFor();
}

describe.skipIf(!server())('the statistics screens of an official', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('shows 奉节县 against its targets and drills down to a township and back', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_office');
    await page.getByTestId('side-menu').getByText('统计分析').click();
    await page.getByTestId('side-menu').getByText('驾驶舱', { exact: true }).click();
    expect(page.url()).toMatch(/\/admin\/stats\/dashboard$/);

    const head = page.locator('.fx-page-head');
    await poll(() => head.innerText()).toContain('重庆市 / 奉节县');
    const workshops = page.getByTestId('kpi-workshops');
    await poll(() => workshops.innerText()).toMatch(/目标 85个/);
    expect(await workshops.innerText()).toMatch(/完成 \d+(\.\d)?%/);
    const starts = page.getByTestId('kpi-new_entrepreneurs');
    expect(await starts.innerText()).toContain('目标 320人');
    expect(await starts.locator('.ant-progress').count()).toBe(1);
    expect(await page.getByTestId('dash-asof').innerText()).toMatch(/时间进度 \d+(\.\d)?%/);
    // Indicators without a target say so rather than show an empty bar.
    expect(await page.getByTestId('kpi-talent_pool').innerText()).toContain('未下达目标');
    await waitForCharts(page, ['trend-chart', 'ranking-chart']);
    await page.getByTestId('breakdown-entity_type').locator('canvas').waitFor();
    expect(await page.getByTestId('ranking').innerText()).toContain('乡镇（街道）');
    // The ranking says what its bars are (the townships have no targets yet: figures only).
    await poll(() => page.getByTestId('ranking-legend').innerText()).toContain('完成');
    // Figures beside a close target are exact, never rounded past it (“2万” against “2.1万”).
    const jobs = await page.getByTestId('kpi-jobs_created').innerText();
    if (jobs.includes('目标 21,000人')) expect(jobs).toMatch(/\d{1,2},\d{3}人/);
    else expect(jobs).toContain('目标 2.1万人');
    const text = await page.locator('.fx-dashboard').innerText();
    expect(text).not.toMatch(/NaN|undefined|Invalid/);
    await screenshot(page, 'dashboard-county', true);

    // The quarter is picked inside the export action, not beside the year like a filter.
    expect(await page.locator('.fx-page-head .ant-select').count()).toBe(1);
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-q1').waitFor();
    await screenshot(page, 'dashboard-export-menu');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-q1').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Drill down from the ranking table: the township's dashboard, with breadcrumbs back up.
    await page.getByTestId('ranking').getByText('表格', { exact: true }).click();
    await poll(() => page.url()).toContain('view=table');
    await page.getByTestId('ranking').locator('.fx-drill', { hasText: '兴隆镇' }).click();
    await poll(() => page.url()).toContain(`/admin/stats/dashboard/${XINGLONG}`);
    await poll(() => head.innerText()).toContain('重庆市 / 奉节县 / 兴隆镇');
    const trail = page.getByTestId('region-trail');
    await poll(() => trail.innerText()).toMatch(/奉节县\s*\/\s*兴隆镇/);
    // Never above the actor's scope: 重庆市 is not offered.
    expect(await trail.innerText()).not.toContain('重庆市');
    await page.getByText('已到乡镇（街道）一级，无下级区域排名').waitFor();
    // The normal end of the drill-down is a calm empty state, not a warning sign.
    expect(await page.locator('.fx-dashboard .ant-result').count()).toBe(0);
    await waitForCharts(page, ['trend-chart']);
    await screenshot(page, 'dashboard-township', true);

    // The browser's Back returns to the county's ranking as it was left: the table.
    await page.goBack();
    await poll(() => head.innerText()).not.toContain('兴隆镇');
    expect(page.url()).toContain('view=table');
    const rankingRows = page.getByTestId('ranking').locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rankingRows.count()).toBe(33);
    await page.goForward();
    await poll(() => head.innerText()).toContain('兴隆镇');

    await trail.getByRole('link', { name: '奉节县' }).click();
    await poll(() => page.url()).toContain(`/admin/stats/dashboard/${FENGJIE}`);
    await poll(() => head.innerText()).not.toContain('兴隆镇');
    // Drill down from the chart: a click on the top bar opens that township.
    await page.getByTestId('ranking').getByText('图表', { exact: true }).click();
    const chart = page.locator('[data-testid="ranking-chart"][data-rows="33"]');
    await chart.waitFor();
    await page.waitForTimeout(800);
    const box = await chart.boundingBox();
    if (!box) throw new Error('ranking chart not laid out');
    const band = (box.height - 8 - 24) / 33;
    await page.mouse.click(box.x + 150, box.y + 8 + band / 2);
    await poll(() => page.url()).toMatch(/\/admin\/stats\/dashboard\/500236\d{3}000/);
    await poll(() => page.url()).not.toContain(FENGJIE);
    expect(errors).toEqual([]);
  });

  it('shows 南阳市 in 2021 against the work plan’s 11,200 and ranks its counties', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'ny_office');
    await page.goto('/admin/stats/dashboard');
    await poll(() => page.locator('.fx-page-head').innerText()).toContain('南阳市');
    await pickOption(page, '#dashboard-year', '2021年');
    await poll(() => page.url()).toContain('year=2021');
    const starts = page.getByTestId('kpi-new_entrepreneurs');
    // 11,019 against 11,200: close, so both exact rather than “1.1万” against “1.12万”.
    await poll(() => starts.innerText()).toContain('目标 11,200人');
    expect(await starts.innerText()).toMatch(/1\d,\d{3}人/);
    expect(await page.getByTestId('dash-asof').innerText()).toContain('时间进度 100%');
    // A finished year has a verdict (已完成 / 未完成), not a pace against the time elapsed.
    const cards = page.locator('.fx-kpis');
    await poll(() => cards.innerText()).toMatch(/已完成|未完成/);
    expect(await cards.innerText()).not.toContain('落后于时间进度');
    // 创业担保贷款: the 返乡农民工 figure in 万元 against the work plan's 4亿 (40,000万元).
    const migrantLoans = page.getByTestId('loan-loans_disbursed_migrant');
    await poll(() => migrantLoans.innerText()).toContain('目标 40,000万元');
    expect(await page.getByTestId('loan-loans_disbursed_migrant-value').innerText()).toMatch(
      /^[\d,]+(\.\d{1,2})?\s*万元$/,
    );
    expect(await page.getByTestId('loan-children').innerText()).toContain('南召县');
    await page.getByTestId('loan-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-city-2021-loans');
    await page.getByTestId('ranking').getByText('表格', { exact: true }).click();
    const table = page.getByTestId('ranking').locator('.ant-table-tbody');
    // Thirteen counties and two zones (高新区, 城乡一体化示范区), which have no target.
    await poll(() => table.locator('tr.ant-table-row').count()).toBe(15);
    expect(await table.innerText()).toContain('南召县');
    expect(await table.innerText()).not.toContain('落后于时间进度');
    // The chart's legend: the pale target behind the figure, and what the red bars mean.
    await page.getByTestId('ranking').getByText('图表', { exact: true }).click();
    const legend = page.getByTestId('ranking-legend');
    await poll(() => legend.innerText()).toContain('目标');
    expect(await legend.innerText()).toContain('完成（未完成目标）');
    expect(await legend.innerText()).toContain('柱尾数字为完成率');
    await screenshot(page, 'dashboard-city-2021-chart', true);
    await page.getByTestId('ranking').getByText('表格', { exact: true }).click();
    await screenshot(page, 'dashboard-city-2021', true);

    // County, then township: the year stays with the drill-down.
    await table.locator('.fx-drill', { hasText: '南召县' }).click();
    await poll(() => page.locator('.fx-page-head').innerText()).toContain('南召县');
    expect(page.url()).toContain('year=2021');
    const trail = page.getByTestId('region-trail');
    await poll(() => trail.innerText()).toMatch(/南阳市\s*\/\s*南召县/);
    await trail.getByRole('link', { name: '南阳市' }).click();
    await poll(() => page.url()).toContain('/admin/stats/dashboard/411300000000');
    expect(errors).toEqual([]);
  });

  it('lists the targets and checks a split against the parent as it is typed', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'fj_office');
    await page.goto('/admin/stats/targets?year=2026');
    const table = page.getByTestId('targets-table');
    const row = table.locator('tr.ant-table-row', { hasText: '新增返乡创业人数' });
    await poll(() => row.innerText()).toContain('320 人');
    expect(await table.innerText()).toContain('21,000 人');

    await page.getByTestId('split-open-new_entrepreneurs').click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    const check = drawer.getByTestId('split-check');
    await poll(() => check.innerText()).toContain('尚有 320 人 未分解');
    const first = drawer.locator('input.ant-input-number-input').first();
    await first.fill('400');
    await poll(() => check.innerText()).toContain('超出本级目标 80 人');
    expect(await drawer.getByTestId('split-save').isDisabled()).toBe(true);
    await first.fill('100');
    await poll(() => check.innerText()).toContain('尚有 220 人 未分解');
    // Last year's actual and the current base are shown beside each region.
    expect(await drawer.locator('thead').innerText()).toMatch(/上年完成[\s\S]*当前基数/);
    // Split the remainder by last year's actual: the typed 100 is kept, the rest fills the others.
    await drawer.getByTestId('split-basis').getByText('按上年完成比例').click();
    await drawer.getByTestId('split-fill').click();
    await poll(() => check.innerText()).toContain('与本级目标一致');
    expect(await first.inputValue()).toBe('100');
    await page.getByText('已填写的 1 个保持不变').waitFor();
    // Redistributing all would overwrite the typed values: it asks first, and cancel keeps them.
    await drawer.getByTestId('split-redistribute').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '覆盖已填写的数值？' }).waitFor();
    await screenshot(page, 'targets-split-overwrite');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await first.inputValue()).toBe('100');
    await screenshot(page, 'targets-split');
    await drawer.getByTestId('split-save').click();
    await page.getByText('目标分解已保存').waitFor();
    await poll(() => row.innerText()).toContain('已全部分解');

    await row.locator('.ant-table-row-expand-icon').click();
    const children = page.getByTestId('target-children-new_entrepreneurs');
    await poll(() => children.locator('tr.ant-table-row').count()).toBe(33);
    await screenshot(page, 'targets', true);

    // 南阳市's 2021 target, split to its thirteen counties.
    const ny = await openPage(browser);
    await login(ny.page, 'ny_office');
    await ny.page.goto('/admin/stats/targets?year=2021');
    const nyRow = ny.page
      .getByTestId('targets-table')
      .locator('tr.ant-table-row', { hasText: '新增返乡创业人数' });
    await poll(() => nyRow.innerText()).toContain('11,200 人');
    expect(await nyRow.innerText()).toContain('已全部分解');
    expect(errors).toEqual([]);
    expect(ny.errors).toEqual([]);
  });

  it('keeps a township officer within the township', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, 'xl_officer');
    await page.goto('/admin/stats/dashboard');
    await poll(() => page.locator('.fx-page-head').innerText()).toContain('兴隆镇');
    // English is the second catalog: the same screen, with no Chinese of the screen's own left.
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Monthly trend').waitFor();
    expect(await page.locator('.fx-page-head').innerText()).toContain('Dashboard');
    expect(await page.getByTestId('kpi-new_entrepreneurs').innerText()).toContain('persons');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByText('月度趋势').waitFor();
    await page.goto(`/admin/stats/dashboard/${FENGJIE}`);
    await page.getByText('该区域不在您的管辖范围内').waitFor();
    expect(errors).toEqual([]);
  });
});
