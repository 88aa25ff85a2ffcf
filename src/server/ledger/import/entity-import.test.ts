import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/identity/credit-code.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  tempDataDir,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { findJob } from '../../platform/jobs/repo.js';
import { jobRowErrors } from '../../platform/jobs/table.js';
import { entities, entityLinks } from '../entities/table.js';
import { templateColumns } from './columns.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  uniqueId,
  uploadOk,
} from './test-fixtures.js';

let t: TestApp;
let officer: Agent;
const HEADERS = templateColumns('entities').map((c) => c.header);
let serial = 0;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-ent-') },
  });
  [officer] = await loginOfficers(t, 'xl_officer');
});
afterAll(() => t.close());

function code(): string {
  return makeCreditCode(`92500236MA${String(++serial).padStart(7, '0')}`);
}

function entity(over: Record<string, string> = {}): Record<string, string> {
  return {
    主体名称: `兴隆镇第${++serial}加工厂`,
    统一社会信用代码: code(),
    主体类型: '个体工商户',
    是否帮扶车间: '否',
    行业代码: '13',
    所在地区划代码: XINGLONG,
    成立日期: '2022/5/1',
    '注册资本（万元）': '10',
    从业人数: '5',
    带动就业人数: '4',
    其中脱贫劳动力: '1',
    '年主营业务收入（万元）': '1,200.5',
    是否电商: '是',
    主要产品: '腊肉',
    创办人身份证号: '',
    ...over,
  };
}

async function errorsOf(jobId: string) {
  const rows = await t.database.db.select().from(jobRowErrors).where(eq(jobRowErrors.jobId, jobId));
  return rows.map((r) => [r.rowNumber, r.column, r.code]);
}

describe('entity import', () => {
  it('imports entities, links founders, refuses a mistyped credit code, warns on marked pilot codes and refuses what it must', async () => {
    const founder = personCells({ 姓名: '陈创业' });
    await uploadOk(officer, 'people', csvText(PEOPLE_HEADERS, [founder]));
    await runJobs(t);
    const valid = code();
    const pilotOf = (c: string) => c.slice(0, 17) + (c.endsWith('0') ? '1' : '0');
    const pilot = pilotOf(valid);
    const typo = pilotOf(code());
    const rows = [
      entity({ 创办人身份证号: founder.身份证号! }),
      entity({
        统一社会信用代码: pilot,
        主体名称: '兴隆镇试点合作社',
        主体类型: '农民专业合作社',
        '早期试点代码（是/否）': '是',
        试点代码说明: '1998 年试点发放，经县市场监管局核实',
      }),
      entity({ 创办人身份证号: uniqueId() }),
      entity({ 所在地区划代码: WUSHAN }),
      entity({ 带动就业人数: '2', 其中脱贫劳动力: '3' }),
      entity({ 行业代码: '99' }),
      entity({ 是否电商: '也许' }),
      entity({ 统一社会信用代码: typo }),
      entity({ 统一社会信用代码: pilotOf(code()), '早期试点代码（是/否）': '是' }),
    ];
    const jobId = await uploadOk(officer, 'entities', csvText(HEADERS, rows));
    await runJobs(t);
    const job = await findJob(t.deps.db, jobId);
    expect(job?.result).toMatchObject({ total: 9, created: 2, failed: 7, warnings: 1 });
    expect((await errorsOf(jobId)).sort()).toEqual(
      [
        [3, '统一社会信用代码', 'CREDIT_CODE_PILOT'],
        [9, '统一社会信用代码', 'CREDIT_CODE_CHECKSUM'],
        [10, '试点代码说明', 'PILOT_CODE_REASON_REQUIRED'],
        [4, '创办人身份证号', 'IMPORT_FOUNDER_NOT_FOUND'],
        [5, '所在地区划代码', 'IMPORT_REGION_OUTSIDE_SCOPE'],
        [6, '其中脱贫劳动力', 'JOBS_POVERTY_EXCEEDS'],
        [7, '行业代码', 'INDUSTRY_CODE_UNKNOWN'],
        [8, '是否电商', 'IMPORT_BOOLEAN_FORMAT'],
      ].sort(),
    );
    const [first] = await t.database.db
      .select()
      .from(entities)
      .where(eq(entities.creditCode, rows[0]!.统一社会信用代码!));
    expect(first).toMatchObject({
      type: 'individual',
      foundedOn: '2022-05-01',
      annualRevenueWan: '1200.5000',
      isEcommerce: true,
    });
    expect(await t.database.db.$count(entityLinks, eq(entityLinks.entityId, first!.id))).toBe(1);
    const [coop] = await t.database.db
      .select()
      .from(entities)
      .where(eq(entities.creditCode, pilot));
    expect(coop).toMatchObject({
      creditCodeChecksumValid: false,
      pilotCode: true,
      pilotCodeReason: '1998 年试点发放，经县市场监管局核实',
    });

    // Re-import: nothing changes; a column left out of the file is left alone.
    const again = await uploadOk(officer, 'entities', csvText(HEADERS, rows.slice(0, 2)));
    await runJobs(t);
    expect((await findJob(t.deps.db, again))?.result).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const fewer = HEADERS.filter((h) => h !== '是否电商' && h !== '主要产品');
    const changed = [{ ...rows[0]!, 从业人数: '9', 是否电商: '否' }];
    const third = await uploadOk(officer, 'entities', csvText(fewer, changed));
    await runJobs(t);
    expect((await findJob(t.deps.db, third))?.result).toMatchObject({ updated: 1 });
    const [after] = await t.database.db.select().from(entities).where(eq(entities.id, first!.id));
    expect(after).toMatchObject({ employees: 9, isEcommerce: true, products: '腊肉', version: 2 });
  });

  it('refuses to update an entity held by a ledger outside the importer scope', async () => {
    await t.createUser({
      login: 'fj_officer',
      grants: [{ role: 'county_officer', region: FENGJIE }],
    });
    const county = await t.login('fj_officer');
    const row = entity({ 所在地区划代码: '500236127000' });
    await uploadOk(county, 'entities', csvText(HEADERS, [row]));
    await runJobs(t);
    const jobId = await uploadOk(
      officer,
      'entities',
      csvText(HEADERS, [{ ...row, 所在地区划代码: XINGLONG }]),
    );
    await runJobs(t);
    expect(await errorsOf(jobId)).toEqual([[2, '统一社会信用代码', 'IMPORT_RECORD_OUTSIDE_SCOPE']]);
  });
});
