import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import type { App } from '../http/types.js';
import { importRegions } from '../regions/import.js';
import { roleAssignments } from '../../access/users/table.js';
import { SessionCache } from './session-cache.js';
import type { SessionBundle } from './repo.js';

/**
 * The session cache and the division tree in memory, on two instances of the application over
 * one database (two pools and a notice connection each on PostgreSQL): a change made through
 * one instance, or written straight into the database, reaches the other within a second.
 */

let t: TestApp;
let other: App;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  ({ app: other } = await buildApp(t.deps));
  await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  await t.createUser({ login: 'nation', grants: [{ role: 'county_officer' }] });
  admin = await t.login('fj_sys');
});
afterAll(async () => {
  await other.close();
  await t.close();
});

/** The same client (cookie and CSRF token) talking to the other instance. */
function onOther(agent: Agent): Agent {
  return new Agent(other, agent.cookie, agent.csrf);
}

/** Polls `check` until it holds; false when it still does not after `ms`. */
/**
 * How long a change may take to reach the other instance: the notice arrives in milliseconds; the
 * window leaves room for a loaded CI machine and stays well under the cache's 5 s lifetime, so
 * only the notice can make these tests pass.
 */
const NOTICE_WINDOW_MS = 2_500;

async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function officer(login: string): Promise<{ id: string; agent: Agent }> {
  const id = await t.createUser({ login, grants: [{ role: 'county_officer', region: FENGJIE }] });
  const agent = await t.login(login);
  // Read once on both instances, so both hold the session in memory.
  expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
  expect((await onOther(agent).get('/api/auth/session')).statusCode).toBe(200);
  expect((await onOther(agent).get('/api/auth/session')).statusCode).toBe(200);
  return { id, agent };
}

describe('session cache across instances', () => {
  it('ends a session logged out on one instance on the other within moments', async () => {
    const { agent } = await officer('cache_logout');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      await within(
        NOTICE_WINDOW_MS,
        async () => (await onOther(agent).get('/api/auth/session')).statusCode === 401,
      ),
    ).toBe(true);
  });

  it('ends the sessions of a user disabled on one instance on the other within moments', async () => {
    const { id, agent } = await officer('cache_disable');
    expect((await admin.post(`/api/users/${id}/disable`)).statusCode).toBe(200);
    expect(
      await within(
        NOTICE_WINDOW_MS,
        async () => (await onOther(agent).get('/api/orgs')).statusCode === 401,
      ),
    ).toBe(true);
  });

  it('applies a grant removed straight in the database on both instances within moments', async () => {
    const { id, agent } = await officer('cache_grant');
    expect((await onOther(agent).get('/api/orgs')).statusCode).toBe(200);
    await t.database.db.delete(roleAssignments).where(eq(roleAssignments.userId, id));
    for (const a of [agent, onOther(agent)]) {
      expect(
        await within(NOTICE_WINDOW_MS, async () => (await a.get('/api/orgs')).statusCode === 403),
      ).toBe(true);
    }
  });

  it('keeps no read that started before a change', async () => {
    const cache = new SessionCache();
    cache.setLive(true);
    const bundle = {
      session: { id: 's1' },
      user: { id: 'u1' },
      grants: [],
    } as unknown as SessionBundle;
    let release!: () => void;
    const slow = cache.get('h', () => new Promise((resolve) => (release = () => resolve(bundle))));
    cache.notice('u:u1');
    release();
    expect(await slow).toBeDefined();
    expect(cache.size).toBe(0);
    await cache.get('h', () => Promise.resolve(bundle));
    expect(cache.size).toBe(1);
    cache.notice('s:s1');
    expect(cache.size).toBe(0);
  });
});

describe('division tree in memory', () => {
  it('reloads on every instance after a regions import', async () => {
    const nation = await t.login('nation');
    const children = async (a: Agent) =>
      (await a.get('/api/regions/000000000000/children?pageSize=200'))
        .json<{ items: Array<{ code: string }> }>()
        .items.map((r) => r.code);
    expect(await children(nation)).toEqual(['500000000000']);
    expect(await children(onOther(nation))).toEqual(['500000000000']);
    await importRegions(t.database.db, { provinces: ['11'], depth: 'county' });
    for (const a of [nation, onOther(nation)]) {
      expect(
        await within(5_000, async () => (await children(a)).join() === '110000000000,500000000000'),
      ).toBe(true);
    }
    const path = await nation.get('/api/regions/110101000000/path');
    expect(path.json().pathName).toBe('北京市 / 东城区');
  });
});
