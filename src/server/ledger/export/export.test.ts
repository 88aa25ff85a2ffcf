import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/identity/credit-code.js';
import {
  type Agent,
  createTestApp,
  type TestApp,
  tempDataDir,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { createOfficers } from '../../../test/officers.js';
import { auditLog } from '../../platform/audit/table.js';
import { templateColumns } from '../import/columns.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  uploadOk,
} from '../import/test-fixtures.js';
import { exampleRows } from '../import/template-data.js';
import { makeIdNumber } from '../../../domain/identity/id-number.js';
import { EXPORT_PAGE } from './service.js';

/**
 * The template's example rows of `kind` as a CSV, re-keyed (ID numbers from `idBase` + serial,
 * credit codes with another serial) so that the importer files them rather than skipping them.
 */
function templateRowsCsv(kind: 'people' | 'entities', idBase: string): string {
  const columns = templateColumns(kind);
  const ids = new Map<string, string>();
  const rekey = (id: unknown) => {
    const key = String(id);
    if (!ids.has(key)) ids.set(key, makeIdNumber(`${idBase}${ids.size}`));
    return ids.get(key)!;
  };
  // The people file first, so that the founders' new ID numbers are known to the entities.
  for (const p of exampleRows('people')) rekey(p.idNumber);
  const rows = exampleRows(kind).map((r, i) => {
    const row: Record<string, string> = {};
    for (const c of columns) {
      let v = r[c.field];
      if (v === undefined) continue;
      if (c.field === 'idNumber' || c.field === 'founderIdNumber') v = rekey(v);
      if (c.field === 'creditCode') v = makeCreditCode(`91500236MA5X0000${i}`);
      row[c.header] = String(v);
    }
    return row;
  });
  return csvText(
    columns.map((c) => c.header),
    rows,
  );
}

let t: TestApp;
let county: Agent;
const ids: string[] = [];
const EVIL = '=HYPERLINK("http://evil.example","点我")';
const STATUSES = ['在外人才', '意向返乡', '已返乡', '已创业'];
const CATEGORIES = ['农民工', '高校毕业生', '退役军人、农民工'];

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-export-') },
  });
  await createOfficers(t, 'fj_officer', 'xl_officer', 'fj_office', 'fj_dept', 'ws_officer');
  county = await t.login('fj_officer');
  const rows = Array.from({ length: EXPORT_PAGE * 2 + 100 }, (_, i) =>
    personCells({
      户籍地区划代码: i % 2 ? XINGLONG : TUXIANG,
      现居住地区划代码: i % 2 ? XINGLONG : TUXIANG,
      状态: STATUSES[i % 4]!,
      人员类别: CATEGORIES[i % 3]!,
      技能特长: i % 50 === 0 ? '遮阳网加工' : '种植',
    }),
  );
  rows[5]!['姓名'] = '赵四';
  rows[5]!['技能特长'] = EVIL;
  ids.push(...rows.map((r) => r.身份证号!));
  await uploadOk(county, 'people', csvText(PEOPLE_HEADERS, rows));
  const ws = await t.login('ws_officer');
  await uploadOk(
    ws,
    'people',
    csvText(PEOPLE_HEADERS, [
      personCells({ 姓名: '巫山人', 户籍地区划代码: WUSHAN, 现居住地区划代码: WUSHAN }),
    ]),
  );
  await runJobs(t, { batchSize: 1000 });
}, 180_000);
afterAll(() => t.close());

async function sheet(agent: Agent, url: string) {
  const res = await agent.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as string[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i]])));
  });
  return { res, ws, header, rows };
}

function lastAudit(action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action)))
    .then((r) => r.at(-1));
}

describe('people export', () => {
  it('streams every person in scope over several keyset pages, masked, and audits it', async () => {
    const { rows, header, ws, res } = await sheet(county, '/api/ledger/exports/people.xlsx');
    expect(rows).toHaveLength(EXPORT_PAGE * 2 + 100);
    expect(res.headers['x-export-rows']).toBe(String(EXPORT_PAGE * 2 + 100));
    expect(header.slice(0, 3)).toEqual(['姓名', '身份证号（已脱敏）', '手机号（已脱敏）']);
    expect(rows.map((r) => r['姓名'])).not.toContain('巫山人');
    const text = JSON.stringify(rows);
    for (const id of ids) expect(text.includes(id)).toBe(false);
    expect(String(rows[0]!['身份证号（已脱敏）'])).toMatch(/^500236\*{8}\d{3}[\dX]$/);
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(typeof ws.getCell('B2').value).toBe('string');
    const audit = await lastAudit('person.export');
    expect(audit).toMatchObject({
      actorLogin: 'fj_officer',
      result: 'success',
      details: { rows: EXPORT_PAGE * 2 + 100, unmasked: false },
    });
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const { rows } = await sheet(county, '/api/ledger/exports/people.xlsx?q=%E8%B5%B5%E5%9B%9B');
    expect(rows).toHaveLength(1);
    expect(rows[0]!['技能特长']).toBe(`'${EVIL}`);
  });

  it('writes dates as dates and codes by their Chinese names', async () => {
    const { rows } = await sheet(county, '/api/ledger/exports/people.xlsx?q=%E8%B5%B5%E5%9B%9B');
    expect(rows[0]).toMatchObject({
      返乡日期: new Date(Date.UTC(2024, 2, 1)),
      文化程度: '初中',
      户籍地区划代码: XINGLONG,
    });
  });

  it('applies the list filters exactly as the people list does', async () => {
    const queries = [
      `status=returned&category=graduate&region=${TUXIANG}`,
      'category=graduate&status=started',
      'q=%E9%81%AE%E9%98%B3',
      `category=veteran&status=intending,abroad&region=${XINGLONG}`,
    ];
    for (const q of queries) {
      const list = await county.get(`/api/people?pageSize=200&${q}`);
      expect(list.statusCode, list.body).toBe(200);
      const page = list.json();
      expect(page.total.value, q).toBeLessThanOrEqual(200);
      const { rows } = await sheet(county, `/api/ledger/exports/people.xlsx?${q}`);
      const fromList = page.items.map((p: { idNumberMasked: string }) => p.idNumberMasked).sort();
      expect(rows.map((r) => r['身份证号（已脱敏）']).sort(), q).toEqual(fromList);
    }
  });

  it('exports exactly the list it is given: its filters, its sort and order, across keyset pages', async () => {
    const queries = [
      'sort=name&order=desc',
      'sort=name',
      `status=returned,started&region=${XINGLONG}&sort=birthDate&order=desc`,
      'category=graduate',
      // A sort that may be empty: the people without a return date come last, both ways.
      'sort=returnDate&order=desc',
      'sort=returnDate',
    ];
    for (const q of queries) {
      const fromList: string[] = [];
      for (let page = 1; ; page++) {
        const list = await county.get(`/api/people?pageSize=200&page=${page}&${q}`);
        expect(list.statusCode, list.body).toBe(200);
        const items = list.json().items as { name: string; idNumberMasked: string }[];
        fromList.push(...items.map((p) => `${p.name} ${p.idNumberMasked}`));
        if (items.length < 200) break;
      }
      const { rows } = await sheet(county, `/api/ledger/exports/people.xlsx?${q}`);
      const exported = rows.map((r) => `${String(r['姓名'])} ${String(r['身份证号（已脱敏）'])}`);
      expect(exported, q).toEqual(fromList);
    }
  });

  it('names the province and city a person worked away in', async () => {
    const { rows } = await sheet(county, '/api/ledger/exports/people.xlsx?q=%E8%B5%B5%E5%9B%9B');
    expect(rows[0]).toMatchObject({
      务工省份代码: '44',
      务工地市代码: '4403',
      务工省份名称: '广东省',
      务工地市名称: '深圳市',
    });
  });

  it('limits a township officer to the township', async () => {
    const { rows } = await sheet(await t.login('xl_officer'), '/api/ledger/exports/people.xlsx');
    expect(rows.length).toBe(EXPORT_PAGE + 50);
    expect(new Set(rows.map((r) => r['台账所属区划代码']))).toEqual(new Set([XINGLONG]));
  });

  it('unmasks only with person.unmask and a reason, and audits the reason and the count', async () => {
    const xl = await t.login('xl_officer');
    const denied = await xl.get('/api/ledger/exports/people.xlsx?unmask=1&reason=核对贷款名单');
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'FORBIDDEN']);
    const noReason = await county.get('/api/ledger/exports/people.xlsx?unmask=1');
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'VALIDATION']);
    const reason = encodeURIComponent('报送创业担保贷款名单 13812345678');
    const { rows, header } = await sheet(
      county,
      `/api/ledger/exports/people.xlsx?unmask=1&reason=${reason}&region=${XINGLONG}&status=started`,
    );
    expect(header.slice(0, 3)).toEqual(['姓名', '身份证号', '手机号']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(ids).toContain(r['身份证号']);
    expect(String(rows[0]!['手机号'])).toMatch(/^1\d{10}$/);
    const audit = await lastAudit('person.export_unmasked');
    expect(audit).toMatchObject({
      actorLogin: 'fj_officer',
      details: {
        rows: rows.length,
        unmasked: true,
        reason: '报送创业担保贷款名单 ***',
        filters: ['region', 'status'],
      },
    });
  });

  it('refuses roles without ledger.export', async () => {
    const res = await (await t.login('fj_dept')).get('/api/ledger/exports/people.xlsx');
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/ledger/exports/people.xlsx' })).statusCode,
    ).toBe(401);
    const office = await sheet(
      await t.login('fj_office'),
      `/api/ledger/exports/people.xlsx?region=${XINGLONG}`,
    );
    expect(office.rows.length).toBe(EXPORT_PAGE + 50);
  });
});

describe('entity export', () => {
  it('exports entities with masked founders and neutralised text, within scope', async () => {
    // The templates' example rows with keys of their own (the examples themselves are skipped).
    await uploadOk(county, 'people', templateRowsCsv('people', '5002361990031599'));
    await runJobs(t);
    await uploadOk(county, 'entities', templateRowsCsv('entities', '5002361990031599'));
    await runJobs(t);
    const headers = templateColumns('entities').map((c) => c.header);
    const formula = {
      主体名称: '兴隆镇公式测试厂',
      统一社会信用代码: '',
      主体类型: '企业',
      行业代码: '13',
      所在地区划代码: XINGLONG,
      成立日期: '2020-01-01',
      主要产品: '+SUM(A1:A9)',
    };
    formula.统一社会信用代码 = makeCreditCode('91500236MA5UF0RM1');
    await uploadOk(county, 'entities', csvText(headers, [formula]));
    await runJobs(t);
    const { rows, header } = await sheet(county, '/api/ledger/exports/entities.xlsx');
    expect(header).toContain('创办人身份证号（已脱敏）');
    const plant = rows.find((r) => r['主体名称'] === '奉节县兴隆镇遮阳网加工厂');
    expect(plant).toMatchObject({
      主体类型: '企业',
      是否帮扶车间: '是',
      行业代码: '29 橡胶和塑料制品业',
      创办人: '张三',
      从业人数: 45,
    });
    expect(String(plant!['创办人身份证号（已脱敏）'])).toMatch(/^500236\*{8}/);
    expect(rows.find((r) => r['主体名称'] === '兴隆镇公式测试厂')?.['主要产品']).toBe(
      "'+SUM(A1:A9)",
    );
    expect(await lastAudit('entity.export')).toMatchObject({
      details: { rows: 3, unmasked: false },
    });
    for (const q of ['sort=name&order=desc', 'sort=foundedOn', '']) {
      const list = await county.get(`/api/entities?pageSize=200&${q}`);
      const sorted = await sheet(county, `/api/ledger/exports/entities.xlsx?${q}`);
      expect(
        sorted.rows.map((r) => r['主体名称']),
        q,
      ).toEqual(list.json().items.map((e: { name: string }) => e.name));
    }
    const ws = await sheet(await t.login('ws_officer'), '/api/ledger/exports/entities.xlsx');
    expect(ws.rows).toHaveLength(0);
  });
});
