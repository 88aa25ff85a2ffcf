import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import type { ImportErrorPreviewT, ImportJobListT } from './import-jobs-contract.js';
import { csvText, PEOPLE_HEADERS, personCells, runJobs } from './test-fixtures.js';

let t: TestApp;
let county: Agent;
let township: Agent;
let office: Agent;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-import-jobs-') },
  });
  [county, township, office] = await loginOfficers(t, 'fj_officer', 'xl_officer', 'fj_office');
});
afterAll(() => t.close());

async function uploadNamed(agent: Agent, kind: 'people' | 'entities', name: string, body: string) {
  const url = `/api/ledger/imports?kind=${kind}&fileName=${encodeURIComponent(name)}`;
  const res = await agent.request('POST', url, body, { 'content-type': 'text/csv' });
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ jobId: string }>().jobId;
}

describe('the console’s import job list and error preview', () => {
  const good = personCells({ 姓名: '陈列表' });
  const bad = personCells({ 姓名: '' });
  const missingRegion = personCells({ 户籍地区划代码: '500236999000' });
  let peopleJob: string;
  let cleanJob: string;

  beforeAll(async () => {
    peopleJob = await uploadNamed(
      township,
      'people',
      '兴隆镇返乡人员.csv',
      csvText(PEOPLE_HEADERS, [good, bad, missingRegion]),
    );
    t.clock.advance(60_000);
    cleanJob = await uploadNamed(
      township,
      'people',
      '第二批.csv',
      csvText(PEOPLE_HEADERS, [personCells({ 姓名: '周二批' })]),
    );
    await runJobs(t);
  });

  it('lists the caller’s own imports newest first, with file name, size and counts', async () => {
    const res = await township.get('/api/ledger/imports');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<ImportJobListT>();
    expect(items.map((i) => i.id)).toEqual([cleanJob, peopleJob]);
    expect(items[1]).toMatchObject({
      importKind: 'people',
      kind: 'ledger.import.people',
      fileName: '兴隆镇返乡人员.csv',
      status: 'done',
      percent: 100,
      result: { total: 3, created: 1, failed: 2 },
      errorReportUrl: `/api/ledger/imports/${peopleJob}/errors.xlsx`,
    });
    expect(items[1]!.bytes).toBeGreaterThan(100);
    expect(items[0]).toMatchObject({ fileName: '第二批.csv', errorReportUrl: null });
    // Nothing of the stored file or the scope leaks into the list.
    expect(res.body).not.toContain(t.deps.config.dataDir);
    expect(res.body).not.toContain('scopes');
    expect(res.body).not.toContain('access');
    const limited = await township.get('/api/ledger/imports?limit=1');
    expect(limited.json<ImportJobListT>().items.map((i) => i.id)).toEqual([cleanJob]);
  });

  it('shows nobody else’s imports in the list, not even to a county officer above', async () => {
    const res = await county.get('/api/ledger/imports');
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportJobListT>().items).toEqual([]);
  });

  it('refuses the list without ledger.import and without a session', async () => {
    const refused = await office.get('/api/ledger/imports');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/ledger/imports' });
    expect(anonymous.statusCode).toBe(401);
    const tooMany = await township.get('/api/ledger/imports?limit=500');
    expect(tooMany.statusCode).toBe(400);
  });

  it('previews the first problems with row, column and the Chinese reason', async () => {
    const res = await township.get(`/api/ledger/imports/${peopleJob}/errors`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<ImportErrorPreviewT>();
    expect(preview.total).toBe(2);
    expect(preview.items).toEqual([
      {
        row: 3,
        subject: '',
        column: '姓名',
        severity: 'error',
        reason: '此项不能为空',
        value: '',
        code: expect.any(String),
      },
      {
        row: 4,
        subject: expect.any(String),
        column: '户籍地区划代码',
        severity: 'error',
        reason: '行政区划代码 500236999000 不存在',
        value: '500236999000',
        code: expect.any(String),
      },
    ]);
    const first = await township.get(`/api/ledger/imports/${peopleJob}/errors?limit=1`);
    expect(first.json<ImportErrorPreviewT>()).toMatchObject({ total: 2, items: [{ row: 3 }] });
    const english = await township.get(`/api/ledger/imports/${peopleJob}/errors`, {
      'accept-language': 'en',
    });
    expect(english.json<ImportErrorPreviewT>().items[0]!.reason).not.toBe('此项不能为空');
  });

  it('lets the county officer above read the preview, and hides it from the out-of-scope', async () => {
    const above = await county.get(`/api/ledger/imports/${peopleJob}/errors`);
    expect(above.statusCode).toBe(200);
    await t.createUser({
      login: 'tx_officer',
      grants: [{ role: 'township_officer', region: '500236127000' }],
    });
    const other = await t.login('tx_officer');
    const res = await other.get(`/api/ledger/imports/${peopleJob}/errors`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    const missing = await township.get(
      '/api/ledger/imports/00000000-0000-4000-8000-000000000000/errors',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('gives an empty preview for an import without problems', async () => {
    const res = await township.get(`/api/ledger/imports/${cleanJob}/errors`);
    expect(res.json<ImportErrorPreviewT>()).toEqual({ total: 0, items: [] });
  });
});
