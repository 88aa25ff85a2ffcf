import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';
import { seedLoanProducts } from './seed.js';

/** Loan products as dated configuration: read where they apply, add a dated value, audited. */

let t: TestApp;
let fjOffice: Agent;
let nation: Agent;
let officer: Agent;

const read = (a: Agent, region: string, date: string) =>
  a.get(`/api/loan-products/startup_guarantee?region=${region}&date=${date}`);
const add = (a: Agent, body: Record<string, unknown>) =>
  a.post('/api/loan-products/startup_guarantee/values', body);
const param = (res: { json<T>(): T }, key: string) =>
  res.json<{ params: { key: string }[] }>().params.find((p) => p.key === key) as Record<
    string,
    unknown
  >;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50', '41'] });
  await t.createUser({ login: 'fj_office', grants: [{ role: 'leading_office', region: FENGJIE }] });
  await t.createUser({
    login: 'cn_office',
    grants: [{ role: 'leading_office', region: NATION_CODE }],
  });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  fjOffice = await t.login('fj_office');
  nation = await t.login('cn_office');
  officer = await t.login('fj_officer');
});
afterAll(() => t.close());

describe('loan products', () => {
  it('seeds once: a second seed adds nothing', async () => {
    expect(await seedLoanProducts(t.database.db)).toBe(0);
  });

  it('shows the national caps in force with their documents, and history', async () => {
    const before = await read(officer, FENGJIE, '2023-08-31');
    expect(before.statusCode, before.body).toBe(200);
    expect(param(before, 'cap_individual')).toMatchObject({
      value: 200_000_00,
      regionCode: NATION_CODE,
      source: expect.stringContaining('财金〔2020〕21号'),
      illustrative: false,
    });
    const after = await read(officer, FENGJIE, '2023-09-01');
    expect(param(after, 'cap_individual')).toMatchObject({
      value: 300_000_00,
      validFrom: '2023-09-01',
    });
    expect(param(after, 'cap_enterprise')).toMatchObject({ value: 4_000_000_00 });
    expect(param(after, 'rate_cap_over_lpr')).toMatchObject({ value: null, source: null });
    const history = after.json<{ values: { key: string; regionName: string }[] }>().values;
    expect(history.filter((v) => v.key === 'cap_individual')).toHaveLength(2);
    expect(history.find((v) => v.key === 'green_channel')?.regionName).toBe('奉节县');
  });

  it('refuses a region outside the reader’s scope as not found', async () => {
    const res = await read(officer, NANYANG, '2024-01-01');
    expect(res.statusCode).toBe(404);
  });

  it('adds a local value that then wins for the county and its townships, audited', async () => {
    const res = await add(fjOffice, {
      key: 'cap_individual',
      regionCode: FENGJIE,
      validFrom: '2025-01-01',
      value: 250_000_00,
      source: '奉节县创业担保贷款实施细则（演示）',
      illustrative: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({ regionName: '奉节县', validTo: null, illustrative: true });
    const town = await read(officer, XINGLONG, '2025-03-01');
    expect(param(town, 'cap_individual')).toMatchObject({ value: 250_000_00, regionCode: FENGJIE });
    expect(param(await read(officer, FENGJIE, '2024-12-31'), 'cap_individual')).toMatchObject({
      value: 300_000_00,
    });
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'loan_product.value_add'), eq(auditLog.objectId, id)));
    expect(records).toHaveLength(1);
  });

  it('refuses the same key, region and start date twice with a coded conflict', async () => {
    const body = {
      key: 'term_individual_months',
      regionCode: FENGJIE,
      validFrom: '2025-02-01',
      value: 24,
      source: '奉节县文件（演示）',
    };
    expect((await add(fjOffice, body)).statusCode).toBe(200);
    const again = await add(fjOffice, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LOAN_PRODUCT_VALUE_EXISTS' });
    expect(again.json<{ message: string }>().message).toContain('已有取值');
  });

  it('refuses a value of the wrong kind or a reversed period in zh-CN', async () => {
    const wrongKind = await add(fjOffice, {
      key: 'green_channel',
      regionCode: FENGJIE,
      validFrom: '2025-03-01',
      value: 1,
      source: '奉节县文件（演示）',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json()).toMatchObject({ code: 'LOAN_PRODUCT_VALUE_INVALID' });
    expect(wrongKind.json<{ message: string }>().message).toContain('取值类型不符');
    const reversed = await add(fjOffice, {
      key: 'lpr_1y',
      regionCode: FENGJIE,
      validFrom: '2025-03-01',
      validTo: '2025-02-01',
      value: 300,
      source: '奉节县文件（演示）',
    });
    expect(reversed.json()).toMatchObject({ code: 'LOAN_PRODUCT_VALUE_INVALID' });
    const fraction = await add(fjOffice, {
      key: 'cap_individual',
      regionCode: FENGJIE,
      validFrom: '2025-03-01',
      value: 12.5,
      source: '奉节县文件（演示）',
    });
    expect(fraction.statusCode).toBe(400);
    const control = await add(fjOffice, {
      key: 'cap_individual',
      regionCode: FENGJIE,
      validFrom: '2025-03-01',
      value: 100,
      source: '奉节县\u0000文件',
    });
    expect(control.statusCode).toBe(400);
  });

  it('keeps national values to nation-wide managers and out-of-scope regions out', async () => {
    const national = {
      key: 'lpr_1y',
      regionCode: NATION_CODE,
      validFrom: '2026-01-20',
      value: 295,
      source: '全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告（演示）',
      illustrative: true,
    };
    expect((await add(fjOffice, national)).statusCode).toBe(403);
    const ok = await add(nation, national);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(param(await read(nation, NANYANG, '2026-02-01'), 'lpr_1y')).toMatchObject({
      value: 295,
    });
    const outside = await add(fjOffice, { ...national, regionCode: NANYANG });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'SCOPE_OUTSIDE_OWN' });
    expect((await add(officer, { ...national, regionCode: FENGJIE })).statusCode).toBe(403);
  });
});
