import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { seedEntity } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';

/** Annual targets: set, split within the parent's value, and read beside the actual figures. */

let t: TestApp;
let fj: Agent;
let cq: Agent;
let reader: Agent;
const url = (region: string, year: number, indicator: string) =>
  `/api/targets/${region}/${year}/${indicator}`;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50', '41'] });
  await t.createUser({ login: 'fj_office', grants: [{ role: 'leading_office', region: FENGJIE }] });
  await t.createUser({
    login: 'cq_office',
    grants: [{ role: 'leading_office', region: '500000000000' }],
  });
  await t.createUser({ login: 'fj_staff', grants: [{ role: 'dept_staff', region: FENGJIE }] });
  fj = await t.login('fj_office');
  cq = await t.login('cq_office');
  reader = await t.login('fj_staff');
  for (let i = 0; i < 3; i++) await seedEntity(t, { isWorkshop: true, foundedOn: '2024-05-01' });
  await seedEntity(t, { isWorkshop: true, foundedOn: '2025-02-01', regionCode: TUXIANG });
});
afterAll(() => t.close());

describe('annual targets', () => {
  it('sets a target and audits it', async () => {
    const res = await fj.put(url(FENGJIE, 2025, 'workshops'), { value: 80 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      regionCode: FENGJIE,
      regionName: '奉节县',
      target: 80,
      version: 1,
      unitZh: '个',
      kind: 'stock',
    });
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'target.set'), eq(auditLog.objectId, `${FENGJIE}/2025/workshops`)),
      );
    expect(records).toHaveLength(1);
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    expect(
      (await fj.put(url(FENGJIE, 2025, 'workshops'), { value: 80, version: 1 })).statusCode,
    ).toBe(200);
    const stale = await fj.put(url(FENGJIE, 2025, 'workshops'), { value: 81, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('splits to the towns below, leaving the rest unallocated', async () => {
    const res = await fj.post(`${url(FENGJIE, 2025, 'workshops')}/split`, {
      children: [
        { regionCode: XINGLONG, value: 10 },
        { regionCode: TUXIANG, value: 12 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ target: 80, childrenSum: 22, unallocated: 58 });
    expect(
      body.children.find((c: { regionCode: string }) => c.regionCode === XINGLONG),
    ).toMatchObject({ target: 10, actual: 3, progressPct: 30 });
    expect(
      body.children.find((c: { regionCode: string }) => c.regionCode === TUXIANG),
    ).toMatchObject({ target: 12, actual: 1 });
  });

  it('refuses a split that adds up to more than the parent, saying by how much', async () => {
    const res = await fj.post(`${url(FENGJIE, 2025, 'workshops')}/split`, {
      children: [{ regionCode: XINGLONG, value: 75 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'TARGET_SPLIT_EXCEEDS',
      details: { parentValue: 80, allocated: 87, excess: 7 },
    });
  });

  it('refuses a child target that would push its siblings over the parent, and a parent below its children', async () => {
    const child = await fj.put(url(XINGLONG, 2025, 'workshops'), { value: 70 });
    expect(child.json()).toMatchObject({
      code: 'TARGET_SPLIT_EXCEEDS',
      details: { allocated: 82 },
    });
    const parent = await fj.put(url(FENGJIE, 2025, 'workshops'), { value: 20 });
    expect(parent.statusCode).toBe(422);
    expect(parent.json()).toMatchObject({
      code: 'TARGET_BELOW_CHILDREN',
      details: { childrenSum: 22 },
    });
  });

  it('splits only to regions directly below, and only a target that exists', async () => {
    const other = await fj.post(`${url(FENGJIE, 2025, 'workshops')}/split`, {
      children: [{ regionCode: '500237101000', value: 1 }],
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('TARGET_CHILD_INVALID');
    const none = await fj.post(`${url(FENGJIE, 2024, 'workshops')}/split`, {
      children: [{ regionCode: XINGLONG, value: 1 }],
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('TARGET_NOT_FOUND');
  });

  it('splits 重庆市 to its counties, skipping the 县 placeholder level', async () => {
    expect((await cq.put(url('500000000000', 2025, 'workshops'), { value: 500 })).statusCode).toBe(
      200,
    );
    const res = await cq.post(`${url('500000000000', 2025, 'workshops')}/split`, {
      children: [
        { regionCode: FENGJIE, value: 80 },
        { regionCode: WUSHAN, value: 30 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().children.some((c: { regionCode: string }) => c.regionCode === '500200000000'),
    ).toBe(false);
    const bad = await cq.post(`${url('500000000000', 2025, 'workshops')}/split`, {
      children: [{ regionCode: '500200000000', value: 1 }],
    });
    expect(bad.json().code).toBe('TARGET_CHILD_INVALID');
    const over = await fj.put(url(FENGJIE, 2025, 'workshops'), { value: 471 });
    expect(over.json()).toMatchObject({
      code: 'TARGET_SPLIT_EXCEEDS',
      details: { parentValue: 500, allocated: 501 },
    });
  });

  it('reports progress beside the time elapsed, so laggards stand out', async () => {
    await fj.put(url(FENGJIE, 2026, 'new_entrepreneurs'), { value: 10 });
    const res = await reader.get(`/api/targets?region=${FENGJIE}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json();
    expect(sheet.timeElapsedPct).toBe(89);
    expect(sheet.items[0]).toMatchObject({
      indicator: 'new_entrepreneurs',
      target: 10,
      actual: 0,
      progressPct: 0,
      behind: true,
    });
    const past = (
      await reader.get(`/api/targets?region=${FENGJIE}&year=2025&asOf=2025-06-30`)
    ).json();
    expect(past.timeElapsedPct).toBe(49.6);
    expect(
      past.items.find((i: { indicator: string }) => i.indicator === 'workshops'),
    ).toMatchObject({ target: 80, actual: 4, progressPct: 5, behind: true });
  });

  it('keeps offices and readers inside their scope', async () => {
    const write = await fj.put(url(NANYANG, 2021, 'new_entrepreneurs'), { value: 11200 });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('SCOPE_OUTSIDE_OWN');
    expect((await reader.get(`/api/targets?region=${NANYANG}&year=2021`)).statusCode).toBe(404);
    expect((await reader.put(url(FENGJIE, 2025, 'workshops'), { value: 80 })).statusCode).toBe(403);
    expect(
      (await fj.put(url(FENGJIE, 2025, 'training_participants'), { value: 1 })).statusCode,
    ).toBe(400);
  });
});

describe('splitting in proportion to last year’s actual or the current base', () => {
  type Child = { regionCode: string; target: number | null; lastYearActual: number; base: number };
  const child = (body: { children: Child[] }, code: string) =>
    body.children.find((c) => c.regionCode === code);
  const total = (body: { children: Child[] }) =>
    body.children.reduce((n, c) => n + (c.target ?? 0), 0);

  beforeAll(async () => {
    // 兴隆镇 has 3 entities founded in 2024; 吐祥镇 one in 2024 and one in 2025.
    await seedEntity(t, { foundedOn: '2024-03-01', regionCode: TUXIANG });
  });

  it('shows each region’s last-year actual and current base beside its target', async () => {
    await fj.put(url(FENGJIE, 2025, 'entities'), { value: 13 });
    const sheet = (await reader.get(`/api/targets?region=${FENGJIE}&year=2025`)).json();
    const item = sheet.items.find((i: { indicator: string }) => i.indicator === 'entities');
    expect(child(item, XINGLONG)).toMatchObject({ lastYearActual: 3, base: 3 });
    expect(child(item, TUXIANG)).toMatchObject({ lastYearActual: 1, base: 2 });
  });

  it('splits by last year’s actual with largest-remainder rounding, summing exactly to the whole', async () => {
    const res = await fj.post(`${url(FENGJIE, 2025, 'entities')}/split`, {
      children: [],
      basis: 'last_year',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // 13 × 3/4 = 9.75 and 13 × 1/4 = 3.25: the one left over goes to the larger remainder.
    expect(child(body, XINGLONG)?.target).toBe(10);
    expect(child(body, TUXIANG)?.target).toBe(3);
    expect(total(body)).toBe(13);
    expect(body).toMatchObject({ childrenSum: 13, unallocated: 0 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'target.split'), eq(auditLog.objectId, `${FENGJIE}/2025/entities`)),
      );
    expect(audit?.details).toMatchObject({ basis: 'last_year', allocated: 13, unallocated: 0 });
  });

  it('keeps typed values and targets already set, and splits only the remainder by the current base', async () => {
    await fj.put(url(FENGJIE, 2027, 'entities'), { value: 20 });
    await fj.post(`${url(FENGJIE, 2027, 'entities')}/split`, {
      children: [{ regionCode: '500236001000', value: 4 }],
    });
    const res = await fj.post(`${url(FENGJIE, 2027, 'entities')}/split`, {
      children: [{ regionCode: XINGLONG, value: 5 }],
      basis: 'base',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(child(body, XINGLONG)?.target).toBe(5);
    expect(child(body, '500236001000')?.target).toBe(4);
    // The remainder 11 goes by base: 吐祥镇 holds the only other entities.
    expect(child(body, TUXIANG)?.target).toBe(11);
    expect(total(body)).toBe(20);
  });

  it('refuses a split with neither children nor a basis', async () => {
    const res = await fj.post(`${url(FENGJIE, 2025, 'entities')}/split`, { children: [] });
    expect(res.statusCode).toBe(400);
  });
});
