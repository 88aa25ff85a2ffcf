import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../../domain/identity/credit-code.js';
import { parseIdNumber } from '../../../domain/identity/id-number.js';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { entities, entityLinks } from '../entities/table.js';
import { people } from '../people/table.js';
import { templateColumns } from './columns.js';
import { PEOPLE_HEADERS, personCells, runJobs, uploadOk } from './test-fixtures.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-tpl-') },
  });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

async function download(
  kind: 'people' | 'entities',
): Promise<{ buf: Buffer; wb: ExcelJS.Workbook }> {
  const res = await officer.get(`/api/ledger/templates/${kind}.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { buf: res.rawPayload, wb };
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

describe('import templates', () => {
  it('gives the people template: Chinese headers, notes, two valid examples, drop-downs, text IDs', async () => {
    const { wb } = await download('people');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '人员台账',
      '填写说明',
      '区划代码',
      '代码表',
    ]);
    const ws = wb.getWorksheet('人员台账')!;
    expect(rowValues(ws, 1)).toEqual(PEOPLE_HEADERS);
    for (const n of [2, 3]) {
      const id = ws.getRow(n).getCell(2).text;
      expect(parseIdNumber(id).ok, id).toBe(true);
      expect(ws.getRow(n).getCell(4).text).toMatch(/^500236\d{6}$/);
    }
    expect(ws.getColumn(2).numFmt).toBe('@');
    expect(ws.getCell('B2').numFmt).toBe('@');
    const category = ws.getCell('F10').dataValidation;
    expect(category).toMatchObject({
      type: 'list',
      formulae: [expect.stringContaining('代码表!')],
    });
    expect(ws.getCell('K10').dataValidation).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(ws.getCell('M10').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('A1').note).toBeTruthy();
    const notes = wb.getWorksheet('填写说明')!;
    expect(rowValues(notes, 2).slice(0, 2)).toEqual(['姓名', '必填']);
    const lists = wb.getWorksheet('代码表')!;
    expect(lists.state).toBe('hidden');
    expect(rowValues(lists, 1)).toContain('行业');
    expect(lists.getColumn(1).values).toContain('农民工');
  });

  it('gives the entities template with industry, type and yes/no drop-downs', async () => {
    const { wb } = await download('entities');
    const ws = wb.worksheets[0]!;
    expect(rowValues(ws, 1)).toEqual(templateColumns('entities').map((c) => c.header));
    expect(rowValues(ws, 1)).toContain('创办人身份证号');
    const code = ws.getCell('B2').text;
    expect(parseCreditCode(code)).toMatchObject({ ok: true, value: { checksumValid: true } });
    expect(ws.getCell('C5').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('D5').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('E5').dataValidation?.formulae?.[0]).toContain('代码表!$E$2');
  });

  it('lists the officer’s own townships and villages with codes, behind the region drop-downs', async () => {
    const { wb } = await download('people');
    const sheet = wb.getWorksheet('区划代码')!;
    expect(rowValues(sheet, 1)).toEqual([
      '乡镇（街道）',
      '村（社区）',
      '区划代码',
      '下拉选项（代码 名称）',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(rowValues(sheet, n));
    });
    expect(rows).toContainEqual(['兴隆镇', '', '500236128000', '500236128000 兴隆镇']);
    expect(rows).toContainEqual(['吐祥镇', '', '500236127000', '500236127000 吐祥镇']);
    // Only the officer's county (奉节), no other county of 重庆.
    expect(rows.every((r) => String(r[2]).startsWith('500236'))).toBe(true);
    const people = wb.getWorksheet('人员台账')!;
    for (const cell of ['D10', 'E10']) {
      expect(people.getCell(cell).dataValidation).toMatchObject({
        type: 'list',
        formulae: [`区划代码!$D$2:$D$${rows.length + 1}`],
        errorStyle: 'information',
      });
    }
  });

  it('skips the example rows of an untouched template: nothing filed, the skip reported', async () => {
    const p = await uploadOk(officer, 'people', (await download('people')).buf);
    await runJobs(t);
    const e = await uploadOk(officer, 'entities', (await download('entities')).buf);
    await runJobs(t);
    const pj = (await officer.get(`/api/jobs/${p}`)).json();
    const ej = (await officer.get(`/api/jobs/${e}`)).json();
    for (const j of [pj, ej]) {
      expect(j.status).toBe('done');
      expect(j.result, JSON.stringify(j)).toMatchObject({
        total: 2,
        created: 0,
        failed: 0,
        skipped: 2,
      });
    }
    expect(await t.database.db.$count(people)).toBe(0);
    expect(await t.database.db.$count(entities)).toBe(0);
    expect(await t.database.db.$count(entityLinks)).toBe(0);
  });

  it('imports rows typed under the examples, and a region picked from the drop-down', async () => {
    const { wb } = await download('people');
    const ws = wb.getWorksheet('人员台账')!;
    const cells = personCells({
      姓名: '周兴',
      户籍地区划代码: '500236127000 吐祥镇',
      现居住地区划代码: '兴隆镇',
    });
    ws.addRow(PEOPLE_HEADERS.map((h) => cells[h] ?? ''));
    const id = await uploadOk(officer, 'people', Buffer.from(await wb.xlsx.writeBuffer()));
    await runJobs(t);
    const j = (await officer.get(`/api/jobs/${id}`)).json();
    expect(j.result, JSON.stringify(j)).toMatchObject({
      total: 3,
      created: 1,
      failed: 0,
      skipped: 2,
    });
    const [row] = await t.database.db
      .select({ name: people.name, hukou: people.hukouRegionCode, region: people.regionCode })
      .from(people);
    expect(row).toEqual({ name: '周兴', hukou: '500236127000', region: '500236128000' });
  });
});
