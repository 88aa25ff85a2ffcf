import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PERSON_CATEGORY_CODES,
  PERSON_STATUS_CODES,
} from '../../../domain/ledger/person-categories.js';
import { ENTITY_TYPE_CODES } from '../../../domain/ledger/entity-types.js';
import { quarterRange, type MonthRange, yearToDate } from '../../../domain/indicators/periods.js';
import { SERIES_CODES } from '../../../domain/indicators/series.js';
import { openTestDatabase, TEST_BACKEND } from '../../../test/database.js';
import type { Database } from '../../platform/db/client.js';
import { importRegions } from '../../platform/regions/import.js';
import { counterTotals } from './repo.js';
import { ledgerSource } from './ledger-source.js';
import { type ExpectedTotals, LedgerModel } from './ledger-model.test-helper.js';
import { rowsOf } from '../../platform/db/rows.js';
import { type TotalsRow } from './source.js';
import { verifyCounters } from './verify.js';

/**
 * Random sequences of creates, edits (region, status, dates, categories, jobs, flags), merges
 * and deletes on people and entities, each a real SQL statement (several rows at once where
 * the services would): the counters must then equal a direct count of an in-memory model, for
 * random regions and periods.
 */

let database: Database;
let model: LedgerModel;
const PLACES = [
  '500236128000',
  '500236127000',
  '500236000000',
  '500237101000',
  '500101001000',
  '441900003000',
];
const CHECK_REGIONS = [
  '000000000000',
  '500000000000',
  '500200000000',
  '500236000000',
  '500236128000',
  '500237000000',
  '500100000000',
  '500101000000',
  '410000000000',
  '441900000000',
  '440000000000',
];

beforeAll(async () => {
  database = await openTestDatabase();
  await importRegions(database.db, { provinces: ['50', '44'] });
  model = new LedgerModel(database.db);
});
afterAll(() => database.close());

const day = fc
  .date({
    min: new Date('2018-12-15T00:00:00Z'),
    max: new Date('2027-01-15T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
/** Instants clustered around month ends, where China time is already the next month. */
const instant = fc.oneof(
  fc.date({
    min: new Date('2019-01-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc
    .tuple(
      fc.integer({ min: 2019, max: 2026 }),
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 14, max: 17 }),
    )
    .map(([y, m, h]) => new Date(Date.UTC(y, m + 1, 0, h, 30))),
);
const place = fc.constantFrom(...PLACES);
const categories = fc.subarray([...PERSON_CATEGORY_CODES], { minLength: 1, maxLength: 3 });
const statusDates = fc.record(
  { started: day, returned: day },
  { requiredKeys: [], noNullPrototype: true },
);
const person = fc.record({
  regionCode: place,
  status: fc.constantFrom(...PERSON_STATUS_CODES),
  statusDates,
  categories,
  createdAt: instant,
});
const industry = fc.constantFrom('A', '01', '13', '29', 'F', '51', '65', 'Z9', null);
const jobs = fc
  .integer({ min: 0, max: 40 })
  .chain((j) =>
    fc.record({ jobsCreated: fc.constant(j), jobsPoverty: fc.integer({ min: 0, max: j }) }),
  );
const entity = fc
  .record({
    regionCode: place,
    type: fc.constantFrom(...ENTITY_TYPE_CODES),
    industryCode: industry,
    foundedOn: fc.option(day, { freq: 5 }),
    aboveScale: fc.boolean(),
    isWorkshop: fc.boolean(),
    isEcommerce: fc.boolean(),
    createdAt: instant,
    jobs,
  })
  .map(({ jobs: j, ...e }) => ({ ...e, ...j }));
const personEdit = fc.record(
  { regionCode: place, status: fc.constantFrom(...PERSON_STATUS_CODES), statusDates, categories },
  { requiredKeys: [], noNullPrototype: true },
);
const entityEdit = fc
  .record(
    {
      regionCode: place,
      type: fc.constantFrom(...ENTITY_TYPE_CODES),
      industryCode: industry,
      foundedOn: fc.option(day),
      aboveScale: fc.boolean(),
      isWorkshop: fc.boolean(),
      isEcommerce: fc.boolean(),
      jobs,
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .map(({ jobs: j, ...e }) => ({ ...e, ...(j ?? {}) }));

const op = fc.oneof(
  fc.record({
    kind: fc.constant('addPeople' as const),
    rows: fc.array(person, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('addEntities' as const),
    rows: fc.array(entity, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('editPerson' as const), at: fc.nat(), set: personEdit }),
  fc.record({ kind: fc.constant('editPeopleIn' as const), region: place, set: personEdit }),
  fc.record({ kind: fc.constant('editEntity' as const), at: fc.nat(), set: entityEdit }),
  fc.record({ kind: fc.constant('mergePerson' as const), at: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('mergeEntity' as const), at: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('deletePerson' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteEntity' as const), at: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(list: T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

async function apply(o: Op): Promise<void> {
  const livePeople = model.people.filter((p) => p.mergedInto === null);
  const liveEntities = model.entities.filter((e) => e.mergedInto === null);
  switch (o.kind) {
    case 'addPeople':
      return model.addPeople(o.rows);
    case 'addEntities':
      return model.addEntities(o.rows);
    case 'editPerson': {
      const p = pick(model.people, o.at);
      return p ? model.updatePeople([p.id], o.set) : undefined;
    }
    case 'editPeopleIn':
      return model.updatePeople(
        model.people.filter((p) => p.regionCode === o.region).map((p) => p.id),
        o.set,
      );
    case 'editEntity': {
      const e = pick(model.entities, o.at);
      return e ? model.updateEntities([e.id], o.set) : undefined;
    }
    case 'mergePerson': {
      const [a, b] = [pick(livePeople, o.at), pick(livePeople, o.into)];
      return a && b && a !== b ? model.updatePeople([a.id], { mergedInto: b.id }) : undefined;
    }
    case 'mergeEntity': {
      const [a, b] = [pick(liveEntities, o.at), pick(liveEntities, o.into)];
      return a && b && a !== b ? model.updateEntities([a.id], { mergedInto: b.id }) : undefined;
    }
    case 'deletePerson': {
      const p = pick(model.people, o.at);
      return p ? model.deletePeople([p.id]) : undefined;
    }
    case 'deleteEntity': {
      const e = pick(model.entities, o.at);
      return e ? model.deleteEntities([e.id]) : undefined;
    }
  }
}

const window = fc.record({
  region: fc.constantFrom(...CHECK_REGIONS),
  year: fc.integer({ min: 2019, max: 2026 }),
  asOf: day,
  period: fc.oneof(
    fc.constant('ytd' as const),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 5, max: 16 }),
  ),
  direct: fc.boolean(),
});

function periodOf(year: number, asOf: string, p: 'ytd' | number): MonthRange {
  if (p === 'ytd') return yearToDate(year, asOf);
  if (p <= 4) return quarterRange(year, p);
  const m = `${year}-${String(p - 4).padStart(2, '0')}`;
  return { from: m, to: m };
}

function asMap(rows: TotalsRow[]): ExpectedTotals {
  return new Map(
    rows.map((r) => [
      `${r.series}|${r.dim}`,
      { period: r.period, ytd: r.ytd, cumulative: r.cumulative },
    ]),
  );
}

function nonZero(m: ExpectedTotals): Record<string, unknown> {
  return Object.fromEntries(
    [...m].filter(([, t]) => t.period !== 0 || t.ytd !== 0 || t.cumulative !== 0).sort(),
  );
}

describe(`counters under random ledger writes (${TEST_BACKEND})`, () => {
  it('equal a direct count for random regions and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 10 }),
        fc.array(window, { minLength: 1, maxLength: 3 }),
        async (ops, checks) => {
          await model.clear();
          const [left] = await rowsOf<{ n: number }>(
            database.db,
            sql`SELECT count(*)::int AS n FROM stats.counters WHERE NOT (value <@ ARRAY[0::bigint])`,
          );
          expect(left?.n).toBe(0);
          for (const o of ops) await apply(o);
          for (const c of checks) {
            const to = yearToDate(c.year, c.asOf).to;
            const period = periodOf(c.year, c.asOf, c.period);
            const q = {
              regions: [c.region],
              series: [...SERIES_CODES],
              withDims: true,
              period,
              year: c.year,
              to,
            };
            const want = nonZero(model.expected(c.region, period, c.year, to));
            expect(nonZero(asMap(await counterTotals(database.db, q)))).toEqual(want);
            if (c.direct)
              expect(nonZero(asMap(await ledgerSource(database.db).totals(q)))).toEqual(want);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves nothing for stats verify to find', async () => {
    const report = await verifyCounters(database.db);
    expect(report.differences).toBe(0);
    expect(report.checked).toBeGreaterThanOrEqual(0);
  });
});
