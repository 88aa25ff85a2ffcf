import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../domain/identity/credit-code.js';
import {
  createTestApp,
  type Agent,
  type TestApp,
  tempDataDir,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import type { JobViewT } from '../../platform/jobs/contract.js';
import { entities } from '../entities/table.js';
import { people } from '../people/table.js';
import { templateColumns } from './columns.js';
import type { ImportErrorPreviewT } from './import-jobs-contract.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  uniqueId,
  uploadOk,
} from './test-fixtures.js';

/**
 * Hostile rows in an import: a control character or a hidden ID / phone number in one row is
 * that row's error, with its row number and a zh-CN reason; the rest of the file imports. A CSV
 * the parser cannot read fails the job with a coded sentence naming the line.
 */

let t: TestApp;
let officer: Agent;
const ENTITY_HEADERS = templateColumns('entities').map((c) => c.header);

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('fx-hostile-') } });
  [officer] = await loginOfficers(t, 'xl_officer');
});
afterAll(() => t.close());

async function finished(id: string): Promise<JobViewT> {
  await runJobs(t);
  const res = await officer.get(`/api/jobs/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JobViewT>();
}

async function rowErrors(id: string): Promise<ImportErrorPreviewT['items']> {
  const res = await officer.get(`/api/ledger/imports/${id}/errors`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportErrorPreviewT>().items;
}

describe('a row with a control character', () => {
  it('is a row error with its row number; the good rows of the file are imported', async () => {
    const good1 = personCells({ 姓名: '龚良才' });
    const bad = personCells({ 姓名: '龚良义', 技能特长: '电焊\u0000钳工' });
    const good2 = personCells({ 姓名: '龚良玉' });
    const id = await uploadOk(officer, 'people', csvText(PEOPLE_HEADERS, [good1, bad, good2]));
    const view = await finished(id);
    expect(view.status, JSON.stringify(view)).toBe('done');
    expect(view.result).toMatchObject({ created: 2, failed: 1 });
    const names = (await t.database.db.select({ name: people.name }).from(people)).map(
      (p) => p.name,
    );
    expect(names).toEqual(expect.arrayContaining(['龚良才', '龚良玉']));
    expect(names).not.toContain('龚良义');
    expect(await rowErrors(id)).toEqual([
      expect.objectContaining({
        row: 3,
        column: '技能特长',
        code: 'TEXT_CONTROL_CHARACTER',
        reason: '含有不可见的控制字符（如空字符），请删除后重新填写',
        value: '电焊␀钳工',
      }),
    ]);
  });

  it('reports an entity name with a NUL as its row’s error', async () => {
    const row = (name: string, n: number) => ({
      主体名称: name,
      统一社会信用代码: makeCreditCode(`92500236MA${String(9000 + n).padStart(7, '0')}`),
      主体类型: '个体工商户',
      行业代码: '13',
      所在地区划代码: XINGLONG,
      成立日期: '2022-05-01',
      主要产品: '腊肉',
    });
    const id = await uploadOk(
      officer,
      'entities',
      csvText(ENTITY_HEADERS, [row('兴隆镇腊肉\u0000加工厂', 1), row('兴隆镇腊肉二厂', 2)]),
    );
    const view = await finished(id);
    expect(view.result).toMatchObject({ created: 1, failed: 1 });
    expect(await rowErrors(id)).toEqual([
      expect.objectContaining({ row: 2, column: '主体名称', code: 'TEXT_CONTROL_CHARACTER' }),
    ]);
    const [e] = await t.database.db
      .select({ name: entities.name })
      .from(entities)
      .where(eq(entities.name, '兴隆镇腊肉二厂'));
    expect(e).toBeDefined();
  });
});

describe('an ID or mobile number in free text', () => {
  it('is a row error, however its digits are separated, and nothing of it is stored in clear', async () => {
    const id = uniqueId();
    const variants = [
      `身份证 ${id}`,
      `身份证${id.slice(0, 6)}/${id.slice(6)}`,
      `电话(137)1234.5678`,
      `联系 １３７－１２３４－５６７８`,
      `电话137\u200b1234\u200b5678`,
      `身份证五〇〇二三六一九八五〇三一五四五六五`,
    ];
    const rows = variants.map((skills, i) =>
      personCells({ 姓名: `冉家${'甲乙丙丁戊己'[i]}`, 技能特长: skills }),
    );
    const job = await uploadOk(
      officer,
      'people',
      csvText(PEOPLE_HEADERS, [...rows, personCells()]),
    );
    const view = await finished(job);
    expect(view.result).toMatchObject({ created: 1, failed: variants.length });
    const errors = await rowErrors(job);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual(
      variants.map((_, i) => [i + 2, '技能特长', 'PERSONAL_NUMBER_IN_TEXT']),
    );
    expect(errors[0]?.reason).toContain('“技能特长”中不能填写身份证号或手机号');
    for (const e of errors) expect(e.value).not.toMatch(/[\d〇一二三四五六七八九]{3}/);
    const skills = (await t.database.db.select({ s: people.skills }).from(people)).map((p) => p.s);
    expect(skills.join('\n')).not.toContain(id.slice(6, 14));
  });
});

describe('a CSV the parser cannot read', () => {
  it('fails the job with a coded zh-CN sentence naming the line, English on request', async () => {
    const good = csvText(PEOPLE_HEADERS, [personCells(), personCells()]);
    const broken = `${good}王五,"引号没有闭合,13800000000\r\n赵六,1,2\r\n`;
    const id = await uploadOk(officer, 'people', broken);
    const view = await finished(id);
    expect(view.status).toBe('failed');
    expect(view.error).toEqual({
      code: 'IMPORT_CSV_MALFORMED',
      message:
        'CSV 文件第 4 行格式有误（多为引号不成对），无法继续读取；请在 Excel 中打开后另存为 CSV 再导入',
    });
    const en = await officer.get(`/api/jobs/${id}`, { 'accept-language': 'en' });
    expect(en.json<JobViewT>().error?.message).toMatch(/^Line 4 of the CSV file is malformed/);
  });
});
