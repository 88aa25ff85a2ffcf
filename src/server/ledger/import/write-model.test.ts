import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  type TestApp,
  tempDataDir,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { recordHistory } from '../history/table.js';
import { idNumberIndex } from '../people/sealed.js';
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
    config: { dataDir: tempDataDir('fx-model-') },
  });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

describe('one write model', () => {
  it('stores the same row and the same history as the people API', async () => {
    const apiId = uniqueId();
    const fileId = uniqueId();
    const body = {
      name: '孙悟空',
      idNumber: apiId,
      mobile: '13900001111',
      hukouRegionCode: XINGLONG,
      currentRegionCode: TUXIANG,
      categories: ['migrant_worker', 'poverty_relief'],
      awayProvinceCode: '44',
      awayCityCode: '4403',
      monthsAway: 12,
      returnDate: '2024-05-06',
      education: 'senior',
      skills: '花果山水果种植',
      status: 'started',
    };
    const res = await officer.post('/api/people', body);
    expect(res.statusCode, res.body).toBe(201);
    const cells = personCells({
      姓名: body.name,
      身份证号: fileId,
      手机号: '13900002222',
      户籍地区划代码: XINGLONG,
      现居住地区划代码: TUXIANG,
      人员类别: '脱贫劳动力、农民工',
      外出务工月数: '12',
      返乡日期: '2024/5/6',
      文化程度: '高中/中专/技校',
      技能特长: body.skills,
      状态: '已创业',
    });
    await uploadOk(officer, 'people', csvText(PEOPLE_HEADERS, [cells]));
    await runJobs(t);
    const row = async (id: string) => {
      const [p] = await t.database.db
        .select()
        .from(people)
        .where(eq(people.idNumberBidx, idNumberIndex(t.deps.keys, id)));
      const [h] = await t.database.db
        .select()
        .from(recordHistory)
        .where(eq(recordHistory.objectId, p!.id));
      return { p: p!, h: h! };
    };
    const api = await row(apiId);
    const imported = await row(fileId);
    const differing = new Set([
      'id',
      'birthDate',
      'sex',
      'idNumberEnc',
      'idNumberBidx',
      'idNumberMask',
      'phoneEnc',
      'phoneBidx',
      'phoneMask',
    ]);
    for (const [k, v] of Object.entries(api.p))
      if (!differing.has(k)) expect(imported.p[k as keyof typeof api.p], k).toEqual(v);
    const fields = (h: typeof api.h) => h.changes.map((c) => c.field);
    expect(fields(imported.h)).toEqual(fields(api.h));
    const comparable = (h: typeof api.h) =>
      h.changes.filter((c) => !['idNumber', 'mobile', 'sex', 'birthDate'].includes(c.field));
    expect(comparable(imported.h)).toEqual(comparable(api.h));
    expect([api.h.action, imported.h.action]).toEqual(['create', 'import']);
  });
});
