import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Agent, createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { personBody } from '../../../test/ledger-factories.js';
import { auditLog } from '../audit/table.js';
import { FreeSpaceWatch } from '../storage/free-space.js';

/**
 * Below the data directory's minimum free space the server refuses changes with a coded 507
 * (before any service runs) and keeps answering reads, logins and health checks; with room
 * again it accepts changes at once. The free space is simulated.
 */

const MB = 1024 * 1024;
let free = 10_000 * MB;
const logged: string[] = [];
const watch = new FreeSpaceWatch(
  '/unused',
  64 * MB,
  {
    error: (_o, msg) => logged.push(`error ${msg}`),
    info: (_o, msg) => logged.push(`info ${msg}`),
  },
  () => Promise.resolve(free),
  60_000,
);
let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], deps: { freeSpace: watch } });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  officer = await t.login('fj_officer');
});
afterAll(() => t.close());

describe('the free-space guard', () => {
  it('refuses changes with STORAGE_FULL while the space is low, and nothing else', async () => {
    expect((await officer.post('/api/people', personBody())).statusCode).toBe(201);

    free = 10 * MB;
    await watch.check();
    const refused = await officer.post('/api/people', personBody({ name: '李四' }));
    expect(refused.statusCode).toBe(507);
    expect(refused.json()).toMatchObject({
      code: 'STORAGE_FULL',
      message: '服务器存储空间已满，本次操作未保存，请联系系统管理员',
      details: { freeMb: 10, minFreeMb: 64 },
    });
    // the refusal is audited like any other
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.create'), eq(auditLog.result, 'STORAGE_FULL')));
    expect(records).toHaveLength(1);
    // reads, sign-in and the health checks go on; a stranger still gets 401 first
    expect((await officer.get('/api/people')).statusCode).toBe(200);
    expect((await t.login('fj_officer')).constructor.name).toBe('Agent');
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    const stranger = await t.app.inject({ method: 'POST', url: '/api/people', payload: {} });
    expect(stranger.statusCode).toBe(401);
    await expect(watch.assertRoom()).rejects.toMatchObject({ code: 'STORAGE_FULL' });

    free = 10_000 * MB;
    await watch.check();
    expect((await officer.post('/api/people', personBody({ name: '王五' }))).statusCode).toBe(201);
    // each change of state logged once, in Chinese
    await watch.check();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^error 数据目录剩余空间不足/);
    expect(logged[1]).toMatch(/^info 数据目录剩余空间已恢复/);
  });
});
