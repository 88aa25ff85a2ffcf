import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { parseIdNumber } from '../../domain/identity/id-number.js';
import { PersonCreate } from '../../domain/ledger/person-schema.js';
import { openTestDatabase } from '../../test/database.js';
import { deriveKeys } from '../platform/crypto/keys.js';
import type { Database } from '../platform/db/client.js';
import { personRow } from '../ledger/people/row.js';
import { unseal } from '../ledger/people/sealed.js';
import { importRegions } from '../platform/regions/import.js';
import { rowsOf } from '../platform/db/rows.js';
import { verifyCounters } from '../statistics/stats/verify.js';
import { generateLedger } from './generate.js';
import { generatedPersonRow } from './generate-unit.js';
import { Random } from './random.js';
import { startedPlan, synthPerson } from './synth-person.js';

/** `demo generate` on the real division tree, both ways of keeping the counters. */

let database: Database;
const keys = deriveKeys(Buffer.alloc(32, 7).toString('base64'));

beforeAll(async () => {
  database = await openTestDatabase();
  await importRegions(database.db, { provinces: ['50', '41'] });
}, 300_000);
afterAll(() => database.close());

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(database.db, query);

describe('demo generate', () => {
  it('streams people, entities and founder links with the counters kept by the triggers', async () => {
    const r = await generateLedger(database, keys, {
      people: 3_000,
      entities: 1_300,
      province: '50',
      mode: 'triggers',
      threads: 0,
      unitPeople: 700,
      today: '2026-11-21',
    });
    expect(r).toMatchObject({ people: 3_000, entities: 1_300 });
    expect(r.units).toBeGreaterThan(3);
    expect(r.links).toBeGreaterThan(500);
    const [counts] = await q<{
      p: number;
      e: number;
      outside: number;
    }>(sql`SELECT (SELECT count(*)::int FROM people) AS p, (SELECT count(*)::int FROM entities) AS e,
      (SELECT count(*)::int FROM people WHERE region_code NOT LIKE '50%') AS outside`);
    expect(counts).toMatchObject({ p: 3_000, e: 1_300, outside: 0 });
    expect((await verifyCounters(database.db)).differences).toBe(0);
  });

  it('copies with triggers off and rebuilds the counters at the end in bulk mode, across provinces by weight', async () => {
    const r = await generateLedger(database, keys, {
      people: 4_000,
      entities: 1_800,
      mode: 'bulk',
      threads: 1,
      seed: 'bulk',
      today: '2026-11-21',
    });
    expect(r.rebuildSeconds).toBeGreaterThanOrEqual(0);
    expect((await verifyCounters(database.db)).differences).toBe(0);
    const byProvince = await q<{ p: string; n: number }>(
      sql`SELECT left(region_code, 2) AS p, count(*)::int AS n FROM people GROUP BY 1`,
    );
    const n = Object.fromEntries(byProvince.map((x) => [x.p, x.n]));
    expect(n['41']).toBeGreaterThan((n['50'] ?? 0) - 3_000);
  });

  it('writes valid identifiers, unique across runs, and ~6.5 jobs per entity', async () => {
    const ids = await q<{ enc: string }>(
      sql`SELECT id_number_enc AS enc FROM people ORDER BY random() LIMIT 300`,
    );
    for (const { enc } of ids) expect(parseIdNumber(unseal(keys, enc)).ok).toBe(true);
    const [dup] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT id_number_bidx FROM people GROUP BY 1 HAVING count(*) > 1) d`,
    );
    expect(dup?.n).toBe(0);
    const codes = await q<{ code: string }>(
      sql`SELECT credit_code AS code FROM entities ORDER BY random() LIMIT 300`,
    );
    for (const { code } of codes) {
      const parsed = parseCreditCode(code);
      expect(parsed.ok && parsed.value.checksumValid, code).toBe(true);
    }
    const [jobs] = await q<{ avg: number }>(
      sql`SELECT avg(jobs_created)::float8 AS avg FROM entities`,
    );
    expect(jobs!.avg).toBeGreaterThan(5);
    expect(jobs!.avg).toBeLessThan(8);
  });

  it('builds the same rows as personRow() from the parsed create body', () => {
    const r = new Random('same-rows');
    for (let i = 0; i < 300; i++) {
      const s = synthPerson(
        r,
        { township: '500236128000', county: '500236', serial: i, phoneSerial: i },
        startedPlan(r, '2022-05-05'),
      );
      const parsed = PersonCreate.parse(s.input);
      const { id, ...fast } = generatedPersonRow(keys, s);
      const api = {
        ...personRow(parsed, keys, { actorId: null, now: s.createdAt }),
        statusDates: s.statusDates,
      };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const plain = (row: typeof api) => ({
        ...row,
        idNumberEnc: unseal(keys, row.idNumberEnc),
        phoneEnc: unseal(keys, row.phoneEnc ?? ''),
      });
      expect(plain(fast as typeof api)).toEqual(plain(api));
    }
  });
});
