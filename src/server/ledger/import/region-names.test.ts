import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  type TestApp,
  tempDataDir,
  XINGLONG,
} from '../../../test/harness.js';
import type { JobViewT } from '../../platform/jobs/contract.js';
import { people } from '../people/table.js';
import { csvText, PEOPLE_HEADERS, personCells, runJobs, uploadOk } from './test-fixtures.js';

let t: TestApp;
let fengjie: Agent;
let chongqing: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('fx-rn-') } });
  await t.createUser({ login: 'fj', grants: [{ role: 'county_officer', region: '500236000000' }] });
  // 重庆's counties (5002): 奉节县 and 酉阳县 both have a 兴隆镇.
  await t.createUser({ login: 'cq', grants: [{ role: 'county_officer', region: '500200000000' }] });
  fengjie = await t.login('fj');
  chongqing = await t.login('cq');
});
afterAll(() => t.close());

async function importPeople(agent: Agent, rows: Record<string, string>[]) {
  const id = await uploadOk(agent, 'people', csvText(PEOPLE_HEADERS, rows));
  await runJobs(t);
  const job = (await agent.get(`/api/jobs/${id}`)).json<JobViewT>();
  const res = await agent.get(`/api/ledger/imports/${id}/errors.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const report: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) report.push((row.values as unknown[]).slice(1));
  });
  return { job, report };
}

describe('regions written by name in an import', () => {
  it('imports 兴隆镇 and 奉节县兴隆镇 for an officer of 奉节县, as the code 500236128000', async () => {
    const rows = [
      personCells({ 姓名: '兴隆甲', 户籍地区划代码: '兴隆镇', 现居住地区划代码: '兴隆镇' }),
      personCells({
        姓名: '兴隆乙',
        户籍地区划代码: '奉节县兴隆镇',
        现居住地区划代码: '奉节县 兴隆镇',
      }),
    ];
    const { job, report } = await importPeople(fengjie, rows);
    expect(job.result, JSON.stringify(report)).toMatchObject({ created: 2, failed: 0 });
    const filed = await t.database.db
      .select({ name: people.name, hukou: people.hukouRegionCode, region: people.regionCode })
      .from(people);
    expect(filed).toEqual(
      expect.arrayContaining([
        { name: '兴隆甲', hukou: XINGLONG, region: XINGLONG },
        { name: '兴隆乙', hukou: XINGLONG, region: XINGLONG },
      ]),
    );
  });

  it('refuses a name two counties share as a row error listing the candidates, and accepts it with its county', async () => {
    const rows = [
      personCells({ 姓名: '重名甲', 户籍地区划代码: '兴隆镇', 现居住地区划代码: '兴隆镇' }),
      personCells({
        姓名: '重名乙',
        户籍地区划代码: '奉节县兴隆镇',
        现居住地区划代码: '奉节县兴隆镇',
      }),
      personCells({ 姓名: '无名丙', 户籍地区划代码: '桃花源镇', 现居住地区划代码: '奉节县兴隆镇' }),
    ];
    const { job, report } = await importPeople(chongqing, rows);
    expect(job.result).toMatchObject({ created: 1, failed: 2 });
    const ambiguous = report.find((r) => r[0] === 2 && r[2] === '户籍地区划代码');
    expect(ambiguous?.slice(0, 4)).toEqual([2, '重名甲', '户籍地区划代码', '错误']);
    expect(ambiguous?.[4]).toMatch(
      /^区划名称有重名，可能是：奉节县兴隆镇 500236128000、酉阳.*县兴隆镇 500242105000；/,
    );
    expect(ambiguous?.[6]).toBe('IMPORT_REGION_NAME_AMBIGUOUS');
    const unknown = report.find((r) => r[0] === 4);
    expect(unknown?.slice(1, 3)).toEqual(['无名丙', '户籍地区划代码']);
    expect(unknown?.[4]).toContain('“桃花源镇”');
    expect(unknown?.[6]).toBe('IMPORT_REGION_NAME_NOT_FOUND');
  });
});
