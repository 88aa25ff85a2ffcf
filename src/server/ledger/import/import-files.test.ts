import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  tempDataDir,
} from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import type { JobViewT } from '../../platform/jobs/contract.js';
import { people } from '../people/table.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  toGbk,
  upload,
  uploadOk,
} from './test-fixtures.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-files-') },
  });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

async function job(id: string): Promise<JobViewT> {
  const res = await officer.get(`/api/jobs/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JobViewT>();
}

describe('CSV encodings', () => {
  it('reads UTF-8 with a byte-order mark', async () => {
    const row = personCells({ 姓名: '欧阳修', 人员类别: 'veteran,migrant_worker' });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csvText(PEOPLE_HEADERS, [row])),
    ]);
    const id = await uploadOk(officer, 'people', bom);
    await runJobs(t);
    expect((await job(id)).result).toMatchObject({ created: 1, failed: 0 });
    const [p] = await t.database.db.select().from(people).where(eq(people.name, '欧阳修'));
    expect(p!.categories).toEqual(['migrant_worker', 'veteran']);
  });

  it('reads GBK, as Chinese Excel saves CSV', async () => {
    const row = personCells({
      姓名: '诸葛亮',
      技能特长: '脐橙种植、电商直播',
      文化程度: '高中/中专/技校',
      返乡日期: '2023年7月1日',
    });
    const id = await uploadOk(officer, 'people', toGbk(csvText(PEOPLE_HEADERS, [row])));
    await runJobs(t);
    expect((await job(id)).result).toMatchObject({ created: 1, failed: 0 });
    const [p] = await t.database.db.select().from(people).where(eq(people.name, '诸葛亮'));
    expect(p).toMatchObject({
      skills: '脐橙种植、电商直播',
      education: 'senior',
      returnDate: '2023-07-01',
    });
  });
});

describe('refusals', () => {
  it('refuses an empty body, an old .xls and a file without the required columns', async () => {
    expect((await upload(officer, 'people', '')).json().code).toBe('IMPORT_FILE_EMPTY');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const r = await upload(officer, 'people', xls, 'application/octet-stream');
    expect(r.statusCode).toBe(415);
    expect(r.json().code).toBe('IMPORT_FILE_NOT_SPREADSHEET');
    const id = await uploadOk(officer, 'people', '姓名,身份证号\n张三,500236199001011234\n');
    await runJobs(t);
    const view = await job(id);
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('IMPORT_HEADER_MISSING');
    expect(view.error?.message).toContain('手机号');
  });

  it('refuses a user without ledger.import, and one without a session', async () => {
    await t.createUser({ login: 'fj_dept', grants: [{ role: 'dept_staff', region: FENGJIE }] });
    const dept = await t.login('fj_dept');
    expect((await upload(dept, 'people', 'x')).statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/imports?kind=people',
      payload: 'x',
    });
    expect(res.statusCode).toBe(401);
  });
});
