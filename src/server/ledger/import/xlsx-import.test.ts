import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  type TestApp,
  tempDataDir,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { decrypt } from '../../platform/crypto/keys.js';
import { findJob } from '../../platform/jobs/repo.js';
import { jobRowErrors } from '../../platform/jobs/table.js';
import { people } from '../people/table.js';
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

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-xlsx-') },
  });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

describe('xlsx files as officials keep them', () => {
  it('finds the header under a title row, reads numbers and dates, reports mangled numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['奉节县兴隆镇返乡人员台账（2026 年 11 月）']);
    ws.addRow(['序号', ...PEOPLE_HEADERS, '备注']);
    const id = uniqueId();
    ws.addRow([
      1,
      '周  杰',
      id,
      13812340001,
      500236128000,
      500236128,
      '农民工、退役军人',
      44,
      4403,
      24,
      new Date(Date.UTC(2024, 4, 1)),
      '大专',
      '汽修',
      '已返乡',
      '村里推荐',
    ]);
    ws.addRow([]);
    ws.addRow([
      2,
      '吴刚',
      Number('500236199001011234'),
      '13812340002',
      XINGLONG,
      XINGLONG,
      '农民工',
      '',
      '',
      '',
      '',
      '初中',
      '',
      '在外人才',
    ]);
    wb.addWorksheet('统计').addRow(['不应导入']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const jobId = await uploadOk(officer, 'people', buf);
    await runJobs(t);
    const job = await findJob(t.deps.db, jobId);
    expect(job?.result, JSON.stringify(job)).toMatchObject({ total: 2, created: 1, failed: 1 });
    const errors = await t.database.db
      .select()
      .from(jobRowErrors)
      .where(eq(jobRowErrors.jobId, jobId));
    expect(errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [5, '身份证号', 'IMPORT_NUMBER_MANGLED'],
    ]);
    const [p] = await t.database.db.select().from(people).where(eq(people.name, '周杰'));
    expect(p).toMatchObject({
      currentRegionCode: '500236128000',
      categories: ['migrant_worker', 'veteran'],
      returnDate: '2024-05-01',
      education: 'college',
      monthsAway: 24,
    });
    expect(decrypt(t.deps.keys, p!.phoneEnc!)).toBe('13812340001');
  });
});

describe('validation on worker threads', () => {
  it('gives the same result as in-process validation', async () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      personCells({ 姓名: `钱${'一二三四五六七八九十'[i % 10]}` }),
    );
    rows[7]!['状态'] = '不知道';
    const jobId = await uploadOk(officer, 'people', csvText(PEOPLE_HEADERS, rows));
    await runJobs(t, { workers: 2, batchSize: 100 });
    const job = await findJob(t.deps.db, jobId);
    expect(job?.result).toMatchObject({ total: 600, created: 599, failed: 1 });
    const [e] = await t.database.db
      .select()
      .from(jobRowErrors)
      .where(eq(jobRowErrors.jobId, jobId));
    expect([e?.rowNumber, e?.column, e?.code]).toEqual([9, '状态', 'IMPORT_VALUE_UNKNOWN']);
    const [p] = await t.database.db.select().from(people).where(eq(people.name, '钱三'));
    expect(p?.searchTokens).toContain('钱');
    expect(decrypt(t.deps.keys, p!.idNumberEnc)).toMatch(/^500236/);
  });
});
