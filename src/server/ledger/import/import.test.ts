import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';
import type { JobViewT } from '../../platform/jobs/contract.js';
import { recordHistory } from '../history/table.js';
import { people } from '../people/table.js';
import { idNumberIndex } from '../people/sealed.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  upload,
  uploadOk,
} from './test-fixtures.js';

let t: TestApp;
let officer: Agent;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fx-import-'));
  t = await createTestApp({ provinces: ['50'], config: { dataDir } });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  officer = await t.login('fj_officer');
});
afterAll(() => t.close());

async function job(id: string, agent = officer) {
  const res = await agent.get(`/api/jobs/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JobViewT>();
}

async function errorReport(id: string): Promise<(string | number)[][]> {
  const res = await officer.get(`/api/ledger/imports/${id}/errors.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: (string | number)[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as (string | number)[]).slice(1));
  });
  return rows;
}

function historyCount(jobId: string) {
  return t.database.db.$count(recordHistory, sql`${recordHistory.context}->>'jobId' = ${jobId}`);
}

describe('people import', () => {
  const good1 = personCells({ 姓名: '张大山', 技能特长: '遮阳网加工' });
  const good2 = personCells({
    姓名: '李小花',
    户籍地区划代码: TUXIANG,
    现居住地区划代码: TUXIANG,
    人员类别: '高校毕业生、脱贫劳动力',
    状态: '意向返乡',
  });
  const good3 = personCells({ 姓名: '赵四', 技能特长: '=HYPERLINK("http://evil.example","点我")' });
  const id = good1.身份证号!;
  const badChecksum = personCells({
    身份证号: `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`,
  });
  const unknownRegion = personCells({
    户籍地区划代码: '500236999000',
    现居住地区划代码: '500236999000',
  });
  const outOfScope = personCells({ 户籍地区划代码: WUSHAN, 现居住地区划代码: WUSHAN });
  const duplicate = personCells({ 身份证号: id, 姓名: '张大山' });
  const missingName = personCells({ 姓名: '' });
  const rows = [
    good1,
    badChecksum,
    unknownRegion,
    outOfScope,
    duplicate,
    missingName,
    good2,
    good3,
  ];
  const file = csvText(PEOPLE_HEADERS, rows);
  let jobId: string;

  it('queues the upload as a job, audited, and answers 202 with the job id', async () => {
    const before = await t.database.db.$count(auditLog, eq(auditLog.action, 'ledger.import'));
    const res = await upload(officer, 'people', file);
    expect(res.statusCode, res.body).toBe(202);
    jobId = res.json().jobId;
    expect(res.json()).toMatchObject({ status: 'queued', statusUrl: `/api/jobs/${jobId}` });
    expect(await t.database.db.$count(auditLog, eq(auditLog.action, 'ledger.import'))).toBe(
      before + 1,
    );
    expect(await job(jobId)).toMatchObject({ status: 'queued', percent: 0, done: 0 });
  });

  it('imports the good rows and reports every bad row with its row, column and reason', async () => {
    await runJobs(t);
    const view = await job(jobId);
    expect(view).toMatchObject({
      status: 'done',
      percent: 100,
      done: 8,
      total: 8,
      result: { total: 8, created: 3, updated: 0, unchanged: 0, failed: 5 },
      errorReportUrl: `/api/ledger/imports/${jobId}/errors.xlsx`,
    });
    const names = await t.database.db.select({ name: people.name }).from(people);
    expect(names.map((p) => p.name).sort()).toEqual(['张大山', '李小花', '赵四'].sort());
    const report = await errorReport(jobId);
    const byRow = new Map(report.map((r) => [r[0], r]));
    // Who, where, the zh-CN reason, the value as typed, and the code last (for support).
    expect(byRow.get(3)).toEqual([
      3,
      '王小明',
      '身份证号',
      '错误',
      '身份证号校验位不正确，请核对',
      expect.stringMatching(/^500236\*{8}/),
      'ID_NUMBER_CHECKSUM',
    ]);
    expect(byRow.get(4)?.slice(0, 5)).toEqual([
      4,
      '王小明',
      '户籍地区划代码',
      '错误',
      '行政区划代码 500236999000 不存在',
    ]);
    expect(byRow.get(5)?.slice(0, 5)).toEqual([
      5,
      '王小明',
      '现居住地区划代码',
      '错误',
      '该区划不在您的管辖范围内，不能导入',
    ]);
    expect(byRow.get(6)?.slice(1, 4)).toEqual(['张大山', '身份证号', '错误']);
    expect(byRow.get(6)?.[6]).toBe('IMPORT_DUPLICATE_ROW');
    expect(byRow.get(7)?.slice(0, 5)).toEqual([7, undefined, '姓名', '错误', '此项不能为空']);
    expect(report).toHaveLength(5);
    // The report never carries a whole ID number.
    expect(JSON.stringify(report)).not.toContain(id);
  });

  it('stores identical rows to the API write model, with an import history entry', async () => {
    const [p] = await t.database.db
      .select()
      .from(people)
      .where(eq(people.idNumberBidx, idNumberIndex(t.deps.keys, id)));
    expect(p).toMatchObject({
      name: '张大山',
      regionCode: XINGLONG,
      categories: ['migrant_worker'],
      status: 'returned',
      awayProvinceCode: '44',
      awayCityCode: '4403',
      monthsAway: 36,
      returnDate: '2024-03-01',
      education: 'junior',
      skills: '遮阳网加工',
      version: 1,
    });
    expect(p!.idNumberMask).toMatch(/^500236\*{8}\d{3}[\dX]$/);
    expect(p!.searchTokens).toContain('遮阳');
    const [h] = await t.database.db
      .select()
      .from(recordHistory)
      .where(eq(recordHistory.objectId, p!.id));
    expect(h).toMatchObject({
      action: 'import',
      actorLogin: 'fj_officer',
      context: { jobId, row: 2 },
    });
    expect(h!.changes).toContainEqual({ field: 'idNumber', from: null, to: p!.idNumberMask });
    expect(JSON.stringify(h!.changes)).not.toContain(id);
  });

  it('removes the upload once the job is done', async () => {
    expect(await readdir(path.join(dataDir, 'imports'))).not.toContain(jobId);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.database.db.$count(recordHistory);
    const again = await uploadOk(officer, 'people', file);
    await runJobs(t);
    expect((await job(again)).result).toEqual({
      total: 8,
      created: 0,
      updated: 0,
      unchanged: 3,
      failed: 5,
      warnings: 0,
      skipped: 0,
    });
    expect(await t.database.db.$count(recordHistory)).toBe(before);
    expect(await t.database.db.$count(people)).toBe(3);
  });

  it('updates a changed row and records the change in its history', async () => {
    const changed = csvText(PEOPLE_HEADERS, [
      { ...good1, 状态: '已创业', 技能特长: '遮阳网加工、直播带货' },
      good2,
    ]);
    const jobId2 = await uploadOk(officer, 'people', changed);
    await runJobs(t);
    expect((await job(jobId2)).result).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
      failed: 0,
    });
    const [p] = await t.database.db
      .select()
      .from(people)
      .where(eq(people.idNumberBidx, idNumberIndex(t.deps.keys, id)));
    expect(p).toMatchObject({ status: 'started', skills: '遮阳网加工、直播带货', version: 2 });
    const [h] = await t.database.db
      .select()
      .from(recordHistory)
      .where(
        and(eq(recordHistory.objectId, p!.id), sql`${recordHistory.context}->>'jobId' = ${jobId2}`),
      );
    expect(h!.action).toBe('import');
    expect(h!.changes).toEqual([
      { field: 'skills', from: '遮阳网加工', to: '遮阳网加工、直播带货' },
      { field: 'status', from: 'returned', to: 'started' },
    ]);
    expect(await historyCount(jobId2)).toBe(1);
  });
});
