import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { entityBody, personBody } from '../../../test/ledger-factories.js';
import { counterSource } from './repo.js';
import { ledgerSource } from './ledger-source.js';
import { SERIES_CODES } from '../../../domain/indicators/series.js';
import { rebuildCounters, verifyCounters } from './verify.js';

/**
 * The counters follow every write the ledger API makes, in the same transaction: the next read
 * shows it, and a recount of the ledger finds nothing to correct.
 */

let t: TestApp;
let officer: Agent;
let office: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  await t.createUser({
    login: 'cn_office',
    grants: [{ role: 'leading_office', region: '000000000000' }],
  });
  officer = await t.login('fj_officer');
  office = await t.login('cn_office');
});
afterAll(() => t.close());

/** Headline figures of a region for 2026 (the test clock's year), by indicator. */
async function figures(
  region: string,
): Promise<Record<string, { inPeriod: number; cumulative: number }>> {
  const res = await office.get(`/api/dashboards/${region}?year=2026`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{
    headline: { indicator: string; inPeriod: number; cumulative: number }[];
  }>();
  return Object.fromEntries(body.headline.map((h) => [h.indicator, h]));
}

async function create(path: string, body: object): Promise<{ id: string; version: number }> {
  const res = await officer.post(path, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('counters under API writes', () => {
  let a: { id: string; version: number };
  let b: { id: string; version: number };

  it('refuse a dashboard outside the reader’s scope as not found', async () => {
    expect((await officer.get('/api/dashboards/500000000000')).statusCode).toBe(404);
    expect((await officer.get(`/api/dashboards/${FENGJIE}`)).statusCode).toBe(200);
  });

  it('show a new entrepreneur at every level the moment the record is created', async () => {
    a = await create(
      '/api/people',
      personBody({ status: 'started', categories: ['migrant_worker', 'veteran'] }),
    );
    for (const region of [XINGLONG, FENGJIE, '500000000000', '000000000000']) {
      const f = await figures(region);
      expect(f.new_entrepreneurs?.inPeriod, region).toBe(1);
      expect(f.entrepreneurs?.cumulative, region).toBe(1);
    }
    expect((await figures(TUXIANG)).entrepreneurs?.cumulative).toBe(0);
  });

  it('move a person between series on a status change, and between regions on a move', async () => {
    b = await create('/api/people', personBody({ status: 'abroad' }));
    expect((await figures(XINGLONG)).talent_pool?.cumulative).toBe(1);
    const up = await officer.patch(`/api/people/${b.id}`, {
      version: b.version,
      status: 'started',
    });
    expect(up.statusCode, up.body).toBe(200);
    b = up.json();
    let f = await figures(XINGLONG);
    expect(f.talent_pool?.cumulative).toBe(0);
    expect(f.entrepreneurs?.cumulative).toBe(2);
    const moved = await officer.patch(`/api/people/${b.id}`, {
      version: b.version,
      ledgerRegionCode: TUXIANG,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    b = moved.json();
    expect((await figures(XINGLONG)).entrepreneurs?.cumulative).toBe(1);
    expect((await figures(TUXIANG)).entrepreneurs?.cumulative).toBe(1);
    f = await figures(FENGJIE);
    expect(f.entrepreneurs?.cumulative).toBe(2);
  });

  it('stop counting a duplicate once merged', async () => {
    const res = await officer.post(`/api/people/${a.id}/merge`, {
      duplicateId: b.id,
      version: a.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await figures(FENGJIE)).entrepreneurs?.cumulative).toBe(1);
    expect((await figures(TUXIANG)).entrepreneurs?.cumulative).toBe(0);
  });

  it('sum jobs and count 规上 as entity figures change', async () => {
    let e = await create(
      '/api/entities',
      entityBody({
        foundedOn: '2026-03-01',
        jobsCreated: 10,
        jobsPoverty: 2,
        annualRevenueWan: 500,
      }),
    );
    let f = await figures(FENGJIE);
    expect(f).toMatchObject({
      new_entities: { inPeriod: 1 },
      jobs_created: { cumulative: 10 },
      jobs_poverty: { cumulative: 2 },
      above_scale: { cumulative: 0 },
    });
    const res = await officer.patch(`/api/entities/${e.id}`, {
      version: e.version,
      annualRevenueWan: 2600,
      jobsCreated: 14,
    });
    expect(res.statusCode, res.body).toBe(200);
    e = res.json();
    f = await figures(FENGJIE);
    expect(f).toMatchObject({
      jobs_created: { cumulative: 14 },
      above_scale: { cumulative: 1 },
      entities: { cumulative: 1 },
    });
    const dash = (await officer.get(`/api/dashboards/${FENGJIE}?year=2026`)).json();
    const industries = dash.breakdowns.find(
      (b: { dimension: string }) => b.dimension === 'industry_section',
    );
    expect(industries.rows).toEqual([
      expect.objectContaining({
        code: 'C',
        values: expect.objectContaining({ entities: 1, jobs_created: 14 }),
      }),
    ]);
    const cats = dash.breakdowns.find((b: { dimension: string }) => b.dimension === 'category');
    expect(cats.rows.find((r: { code: string }) => r.code === 'veteran').values.entrepreneurs).toBe(
      1,
    );
  });

  it('leave nothing for a recount to find, and agree with a GROUP BY over the ledger', async () => {
    expect((await verifyCounters(t.database.db)).differences).toBe(0);
    const q = {
      regions: [FENGJIE, XINGLONG],
      series: [...SERIES_CODES],
      withDims: true,
      period: { from: '2026-01', to: '2026-12' },
      year: 2026,
      to: '2026-11',
    };
    const sort = (rows: { regionCode: string; series: string; dim: string }[]) =>
      rows
        .filter((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0))
        .sort((x, y) =>
          `${x.regionCode}${x.series}${x.dim}`.localeCompare(`${y.regionCode}${y.series}${y.dim}`),
        );
    const fast = sort(await counterSource(t.database.db).totals({ ...q, regions: [FENGJIE] }));
    const slow = sort(await ledgerSource(t.database.db).totals({ ...q, regions: [FENGJIE] }));
    expect(fast).toEqual(slow);
  });

  it('rebuild to the same counters', async () => {
    const before = await counterSource(t.database.db).totals({
      regions: [FENGJIE],
      series: [...SERIES_CODES],
      withDims: true,
      period: { from: '2026-01', to: '2026-12' },
      year: 2026,
      to: '2026-12',
    });
    const { counters } = await rebuildCounters(t.database.db);
    expect(counters).toBeGreaterThan(0);
    const after = await counterSource(t.database.db).totals({
      regions: [FENGJIE],
      series: [...SERIES_CODES],
      withDims: true,
      period: { from: '2026-01', to: '2026-12' },
      year: 2026,
      to: '2026-12',
    });
    const nz = (rows: typeof before) =>
      rows
        .filter((r) => r.cumulative !== 0)
        .map((r) => `${r.series}|${r.dim}|${r.cumulative}`)
        .sort();
    expect(nz(after)).toEqual(nz(before));
    expect((await verifyCounters(t.database.db)).differences).toBe(0);
  });
});
