import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, TUXIANG, WUSHAN } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { MAX_NUMBERED_PAGE } from '../../platform/http/list-paging.js';
import { rowsOf } from '../../platform/db/rows.js';

/**
 * Lists at scale: totals exact from the counters (equal to a real count) or bounded ("10,000+",
 * here with a bound of 3), keyset paging with the `next` cursor while rows are written between
 * pages, the cap on numbered pages, and cursors that were altered or made for another list or
 * officer. Runs on PGlite and on PostgreSQL (TEST_DATABASE_URL).
 */

let t: TestApp;
let county: Agent;
let town: Agent;
let other: Agent;
let fresh = 0;

interface Page {
  items: { id: string; name: string }[];
  total: { value: number; exact: boolean };
  next: string | null;
}

const SEEDED = [
  { status: 'returned', categories: ['migrant_worker'] },
  { status: 'returned', categories: ['graduate', 'migrant_worker'] },
  { status: 'started', categories: ['graduate'] },
  { status: 'started', categories: ['migrant_worker'] },
  { status: 'abroad', categories: ['veteran'] },
  { status: 'intending', categories: ['migrant_worker'] },
  { status: 'returned', categories: ['veteran'] },
] as const;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [county, town, other] = await loginOfficers(t, 'fj_officer', 'tx_officer', 'ws_officer');
  let i = 0;
  for (const p of SEEDED) {
    await seedPerson(t, {
      name: `测试${String.fromCharCode(0x4e00 + i)}`,
      status: p.status,
      categories: [...p.categories],
      returnDate: p.status === 'abroad' || p.status === 'intending' ? null : '2024-03-01',
      skills: '脐橙种植',
      ...(p.status === 'started' ? { statusDates: { started: '2025-01-01' } } : {}),
    });
    i++;
  }
  await seedPerson(t, { name: '吐祥人', skills: '脐橙种植' }, TUXIANG);
  await seedPerson(t, { name: '巫山人' }, WUSHAN);
  for (let k = 0; k < 4; k++) await seedEntity(t, { name: `兴隆种植场${k}`, products: '种植' });
});

afterAll(async () => {
  t.deps.listCountBound = undefined;
  await t.close();
});

const list = async (agent: Agent, url: string): Promise<Page> => {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

async function realCount(where: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    t.database.db,
    sql.raw(
      `SELECT count(*)::int AS n FROM people WHERE merged_into IS NULL AND region_code LIKE '500236%' AND ${where}`,
    ),
  );
  return row?.n ?? -1;
}

describe('list totals', () => {
  it('takes exact totals from the counters, equal to a real count, whatever the bound', async () => {
    // A bound of 1 would make any counted total inexact: these come from the counters.
    t.deps.listCountBound = 1;
    const cases: [string, string][] = [
      ['', 'true'],
      ['status=returned', `status = 'returned'`],
      ['status=started', `status = 'started'`],
      ['status=abroad,intending', `status IN ('abroad', 'intending')`],
      ['status=returned,started', `status IN ('returned', 'started')`],
      ['category=migrant_worker', `'migrant_worker' = ANY(categories)`],
      ['category=graduate&status=returned', `'graduate' = ANY(categories) AND status = 'returned'`],
    ];
    for (const [q, where] of cases) {
      const page = await list(county, `/api/people?pageSize=2&${q}`);
      expect(page.total, q).toEqual({ value: await realCount(where), exact: true });
    }
    expect((await list(county, '/api/people')).total.value).toBe(8);
    expect((await list(town, '/api/people')).total).toEqual({ value: 1, exact: true });
    expect((await list(county, `/api/people?region=${TUXIANG}`)).total).toEqual({
      value: 1,
      exact: true,
    });
    // A region outside the scope lists nothing and counts nothing.
    const outside = await list(county, `/api/people?region=${WUSHAN.slice(0, 6)}000000`);
    expect(outside).toMatchObject({ items: [], total: { value: 0, exact: true } });
  });

  it('counts what the counters do not hold up to the bound: exact below it, "at least" above', async () => {
    t.deps.listCountBound = 3;
    // Abroad alone, two categories, a text search: not in the counters, so counted.
    expect((await list(county, '/api/people?pageSize=1&status=abroad')).total).toEqual({
      value: 1,
      exact: true,
    });
    expect((await list(county, '/api/people?pageSize=2&q=脐橙')).total).toEqual({
      value: 3,
      exact: false,
    });
    expect((await list(county, '/api/people?pageSize=2&category=graduate,veteran')).total).toEqual({
      value: 3,
      exact: false,
    });
    t.deps.listCountBound = 100;
    // Full pages (of 2), so these are counted, and exact below the bound.
    expect((await list(county, '/api/people?pageSize=2&q=脐橙')).total).toEqual({
      value: 8,
      exact: true,
    });
    expect((await list(county, '/api/entities?pageSize=2&q=种植')).total).toEqual({
      value: 4,
      exact: true,
    });
    t.deps.listCountBound = 2;
    expect((await list(county, '/api/entities?pageSize=1&q=种植')).total).toEqual({
      value: 2,
      exact: false,
    });
    // Entities by type come from the counters.
    expect((await list(county, '/api/entities?type=enterprise')).total).toEqual({
      value: 4,
      exact: true,
    });
  });

  it('takes the total from a page that came back short, counting nothing', async () => {
    // A bound of 1 would make any counted total "1+": these totals come from the page itself.
    t.deps.listCountBound = 1;
    expect((await list(county, '/api/people?q=脐橙')).total).toEqual({ value: 8, exact: true });
    const third = await list(county, '/api/people?q=脐橙&pageSize=3&page=3');
    expect(third.items).toHaveLength(2);
    expect(third.total).toEqual({ value: 8, exact: true });
    expect((await list(county, '/api/entities?q=种植')).total).toEqual({ value: 4, exact: true });
    // A full page, and an empty page past the end, prove nothing: those are counted.
    expect((await list(county, '/api/people?q=脐橙&pageSize=3')).total).toEqual({
      value: 1,
      exact: false,
    });
    const past = await list(county, '/api/people?q=脐橙&pageSize=3&page=5');
    expect(past).toMatchObject({ items: [], total: { value: 1, exact: false } });
  });
});

describe('keyset paging', () => {
  for (const sort of ['updatedAt', 'name', 'returnDate', 'birthDate'] as const) {
    it(`walks the whole list by ${sort} with no row twice or missing while rows are added`, async () => {
      const before = (await list(county, `/api/people?pageSize=100&sort=${sort}`)).items.map(
        (p) => p.id,
      );
      const seen: string[] = [];
      let page = await list(county, `/api/people?pageSize=2&sort=${sort}`);
      for (;;) {
        seen.push(...page.items.map((p) => p.id));
        if (!page.next) break;
        t.clock.advance(1000);
        await seedPerson(t, {
          name: `新增${String.fromCharCode(0x4e50 + fresh++)}`,
          returnDate: null,
        });
        page = await list(
          county,
          `/api/people?pageSize=2&sort=${sort}&page=2&after=${encodeURIComponent(page.next)}`,
        );
      }
      expect(new Set(seen).size, 'no row twice').toBe(seen.length);
      for (const id of before) expect(seen, 'no row missing').toContain(id);
    });
  }

  it('pages entities after the cursor too', async () => {
    const first = await list(county, '/api/entities?pageSize=3&sort=name');
    expect(first.next).not.toBeNull();
    const second = await list(
      county,
      `/api/entities?pageSize=3&sort=name&after=${encodeURIComponent(first.next ?? '')}`,
    );
    expect([...first.items, ...second.items].map((e) => e.name)).toEqual([
      '兴隆种植场0',
      '兴隆种植场1',
      '兴隆种植场2',
      '兴隆种植场3',
    ]);
    expect(second.next).toBeNull();
  });

  it(`answers LIST_PAGE_TOO_DEEP past page ${MAX_NUMBERED_PAGE} by number`, async () => {
    const res = await county.get(`/api/people?page=${MAX_NUMBERED_PAGE + 1}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'LIST_PAGE_TOO_DEEP' });
    expect(res.json().message).toContain('下一页');
    expect((await county.get(`/api/people?page=${MAX_NUMBERED_PAGE}`)).statusCode).toBe(200);
  });

  it('refuses an altered cursor, and one made for another filter, sort or officer', async () => {
    const { next } = await list(county, '/api/people?pageSize=2');
    expect(next).not.toBeNull();
    const cursor = next as string;
    // One character of the tag changed (the one before the last, whose bits all count; the last
    // carries padding): always a different character, whatever the random IV made the cursor.
    const flipped = cursor.slice(0, -2) + (cursor.at(-2) === 'A' ? 'B' : 'A') + cursor.slice(-1);
    expect(flipped).not.toBe(cursor);
    for (const [agent, url] of [
      [county, `/api/people?pageSize=2&after=${encodeURIComponent(flipped)}`],
      [county, '/api/people?pageSize=2&after=not-a-cursor'],
      [county, `/api/people?pageSize=2&status=returned&after=${encodeURIComponent(cursor)}`],
      [county, `/api/people?pageSize=2&sort=name&after=${encodeURIComponent(cursor)}`],
      [other, `/api/people?pageSize=2&after=${encodeURIComponent(cursor)}`],
      [county, `/api/entities?pageSize=2&after=${encodeURIComponent(cursor)}`],
    ] as const) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'LIST_CURSOR_INVALID' });
    }
    expect(
      (await county.get(`/api/people?pageSize=2&after=${encodeURIComponent(cursor)}`)).statusCode,
    ).toBe(200);
  });
});
