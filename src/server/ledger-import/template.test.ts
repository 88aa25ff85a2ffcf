import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { parseIdNumber } from '../../domain/identity/id-number.js';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../test/harness.js';
import { loginOfficers } from '../../test/officers.js';
import { entities, entityLinks } from '../entities/table.js';
import { people } from '../people/table.js';
import { templateColumns } from './columns.js';
import { PEOPLE_HEADERS, runJobs, uploadOk } from './test-fixtures.js';

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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员台账', '填写说明', '代码表']);
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

  it('imports both templates as they are, linking the example businesses to their founders', async () => {
    const p = await uploadOk(officer, 'people', (await download('people')).buf);
    await runJobs(t);
    const e = await uploadOk(officer, 'entities', (await download('entities')).buf);
    await runJobs(t);
    const pj = (await officer.get(`/api/jobs/${p}`)).json();
    const ej = (await officer.get(`/api/jobs/${e}`)).json();
    expect(pj.result, JSON.stringify(pj)).toMatchObject({ created: 2, failed: 0 });
    expect(ej.result, JSON.stringify(ej)).toMatchObject({ created: 2, failed: 0 });
    const links = await t.database.db
      .select({ entity: entities.name, person: people.name, role: entityLinks.role })
      .from(entityLinks)
      .innerJoin(entities, eq(entities.id, entityLinks.entityId))
      .innerJoin(people, eq(people.id, entityLinks.personId));
    expect(links).toContainEqual({
      entity: '奉节县兴隆镇遮阳网加工厂',
      person: '张三',
      role: 'founder',
    });
    const [farm] = await t.database.db
      .select()
      .from(entities)
      .where(eq(entities.name, '奉节县吐祥镇脐橙种植专业合作社'));
    expect(farm).toMatchObject({
      type: 'cooperative',
      industryCode: '01',
      isEcommerce: true,
      annualRevenueWan: '650.0000',
    });
  });
});
