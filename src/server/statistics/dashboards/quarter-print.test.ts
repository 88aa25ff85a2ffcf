import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { seedPerson } from '../../../test/ledger-factories.js';

/**
 * The quarterly report on paper: the workbook of 奉节县 (33 townships) converted to PDF by
 * LibreOffice, as an official prints it, must be legible — no always-empty columns, print
 * titles, fit to the page width, and type of 8 pt or more on every page.
 */

const hasTool = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const OFFICE = hasTool('libreoffice') ? 'libreoffice' : hasTool('soffice') ? 'soffice' : null;
const PDFTOTEXT = hasTool('pdftotext');
if (!OFFICE || !PDFTOTEXT) {
  console.warn(
    'quarter-print.test.ts: skipping the printed-page checks — install libreoffice-calc-nogui ' +
      'and poppler-utils (Debian) to run them',
  );
}

let t: TestApp;
let office: Agent;
let dir: string;
let xlsx: Buffer;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  t.clock.now = new Date('2021-08-05T02:00:00Z');
  await seedPerson(t, { status: 'started' });
  await seedPerson(t, { status: 'started', hukouRegionCode: TUXIANG, currentRegionCode: TUXIANG });
  t.clock.now = new Date('2021-10-08T02:00:00Z');
  await t.createUser({ login: 'fj_office', grants: [{ role: 'leading_office', region: FENGJIE }] });
  office = await t.login('fj_office');
  await office.put(`/api/targets/${FENGJIE}/2021/new_entrepreneurs`, { value: 10 });
  await office.post(`/api/targets/${FENGJIE}/2021/new_entrepreneurs/split`, {
    children: [
      { regionCode: XINGLONG, value: 4 },
      { regionCode: TUXIANG, value: 2 },
    ],
  });
  await office.put(`/api/targets/${FENGJIE}/2021/jobs_created`, { value: 21_000 });
  await office.put(`/api/targets/${FENGJIE}/2021/workshops`, { value: 85 });
  // Four indicators with targets: the widest page the layout allows.
  await office.put(`/api/targets/${FENGJIE}/2021/above_scale`, { value: 16 });
  const res = await office.get(`/api/dashboards/${FENGJIE}/export.xlsx?year=2021&quarter=3`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  xlsx = res.rawPayload;
  dir = mkdtempSync(join(tmpdir(), 'fx-quarter-print-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function workbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb;
}

/** The values of a column from the first table row to the 合计 row. */
function columnValues(ws: ExcelJS.Worksheet, col: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const label = ws.getRow(r).getCell(1).value;
    if (label === null || label === undefined) break;
    out.push(ws.getRow(r).getCell(col).value);
  }
  return out;
}

describe('the quarterly report as a workbook', () => {
  it('gives 目标 and 完成率 only to indicators with a target, so no column is always empty', async () => {
    const wb = await workbook();
    const [targeted, ...others] = wb.worksheets;
    expect(targeted!.name).toBe('目标任务完成情况');
    const heads = (ws: ExcelJS.Worksheet) => [
      ...new Set((ws.getRow(3).values as ExcelJS.CellValue[]).filter((v) => typeof v === 'string')),
    ];
    expect(heads(targeted!)).toEqual([
      '地区',
      '新增返乡创业（人）',
      '带动就业（人）',
      '规上企业（家）',
      '帮扶车间（个）',
      '时间进度',
    ]);
    for (const ws of others) {
      expect((ws.getRow(4).values as ExcelJS.CellValue[]).filter(Boolean)).not.toContain('目标');
    }
    const names = others.flatMap(heads);
    expect(names).toContain('实有返乡创业（人）');
    expect(names).toContain('电商主体（户）');
    // Printed apart from 带动就业, its “of which” says what it is part of.
    expect(names).toContain('带动脱贫劳动力就业（人）');
    // Every 目标 column holds at least one target; 时间进度 is the share of 2021 to 30 September.
    for (const ws of wb.worksheets) {
      ws.getRow(4).eachCell((cell, col) => {
        if (cell.value === '目标') expect(columnValues(ws, col).some((v) => v !== null)).toBe(true);
      });
    }
    const elapsed = columnValues(targeted!, targeted!.columnCount);
    expect(elapsed.length).toBe(34); // 33 townships and 合计
    expect(new Set(elapsed)).toEqual(new Set([0.748]));
    expect(targeted!.getRow(2).getCell(targeted!.columnCount).value).toContain('时间进度74.8%');
  });

  it('repeats the title rows on every page and fits each table to the width of A4 landscape', async () => {
    const wb = await workbook();
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:4',
      });
      expect(ws.columnCount).toBeLessThanOrEqual(18);
      expect(ws.getCell('A1').value).toBe('奉节县返乡入乡创业工作进展情况统计表（2021年第三季度）');
      expect(ws.getCell('A2').text).toContain('填报单位');
    }
  });
});

describe.skipIf(!OFFICE || !PDFTOTEXT)('the quarterly report printed', () => {
  let pages: { width: number; words: { text: string; height: number }[] }[] = [];
  beforeAll(() => {
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, xlsx);
    // A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
    execFileSync(
      OFFICE!,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'ignore', timeout: 170_000 },
    );
    execFileSync('pdftotext', ['-bbox', join(dir, 'report.pdf'), join(dir, 'report.html')]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    pages = html
      .split('<page ')
      .slice(1)
      .map((p) => ({
        width: Number(/width="([\d.]+)"/.exec(p)?.[1]),
        words: [
          ...p.matchAll(
            /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
          ),
        ].map((m) => ({ text: m[4]!, height: Number(m[3]) - Number(m[2]) })),
      }));
  }, 180_000);

  it('prints on A4 landscape pages with type of 8 pt or more', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of pages.entries()) {
      expect(Math.round(page.width), `page ${i + 1}`).toBe(842);
      const small = page.words.filter((w) => w.height < 8);
      expect(small.slice(0, 5), `page ${i + 1}`).toEqual([]);
    }
  });

  it('repeats the title and the header on every printed page', () => {
    for (const [i, page] of pages.entries()) {
      const text = page.words.map((w) => w.text).join('');
      expect(text, `page ${i + 1}`).toContain('奉节县返乡入乡创业工作进展情况统计表');
      expect(text, `page ${i + 1}`).toContain('本季度');
    }
    const all = pages.map((p) => p.words.map((w) => w.text).join('')).join('');
    expect(all).toContain('合计');
    expect(all).toContain('制表人');
  });
});
