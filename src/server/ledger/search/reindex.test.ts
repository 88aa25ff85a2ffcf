import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitySearchTokens, personSearchTokens } from '../../../domain/text/name-tokens.js';
import { searchTokens } from '../../../domain/text/search-tokens.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { idNumberFor, seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { entities } from '../entities/table.js';
import { people } from '../people/table.js';
import { rowsOf } from '../../platform/db/rows.js';
import { reindexSearchTokens } from './reindex.js';

/**
 * The upgrade path of the pinyin tokens: rows written before them (tokens without pinyin) get
 * them through the migration's mark and the batched, resumable re-index, on PGlite and on
 * PostgreSQL (TEST_DATABASE_URL).
 */

let t: TestApp;
const NAMES = ['孙明强', '单田芳', '曾国藩', '张三', '李四'];

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  // Fresh database: the migration's mark is there; nothing to re-index yet.
  expect(await reindexSearchTokens(t.database.db)).toEqual({ entities: 0, people: 0 });
  for (const [i, name] of NAMES.entries()) {
    await seedPerson(t, {
      name,
      skills: '脐橙',
      idNumber: idNumberFor({ birth: `1980010${i + 1}` }),
    });
  }
  await seedEntity(t, { name: '兴隆脐橙合作社', products: '脐橙' });
  // As an older release wrote them: Chinese tokens only, no pinyin.
  for (const name of NAMES) {
    await t.database.db
      .update(people)
      .set({ searchTokens: searchTokens(`${name} 脐橙`) })
      .where(eq(people.name, name));
  }
  await t.database.db.update(entities).set({ searchTokens: searchTokens('兴隆脐橙合作社 脐橙') });
  await t.database.db.execute(
    sql`INSERT INTO search_reindex (table_name, after_id) VALUES ('people', NULL), ('entities', NULL)`,
  );
});
afterAll(() => t.close());

describe('re-indexing search tokens after an upgrade', () => {
  it('resumes from the committed cursor after a crash, and ends with the tokens every writer stores', async () => {
    let batches = 0;
    await expect(
      reindexSearchTokens(t.database.db, {
        batchSize: 2,
        afterBatch: () => {
          batches++;
          if (batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // Two batches of two people committed; the cursor says where to go on.
    const [mark] = await rowsOf<{ after_id: string | null }>(
      t.database.db,
      sql`SELECT after_id FROM search_reindex WHERE table_name = 'people'`,
    );
    expect(mark?.after_id).toMatch(/^[0-9a-f-]{36}$/);

    const counts = await reindexSearchTokens(t.database.db, { batchSize: 2 });
    expect(counts).toEqual({ people: 1, entities: 1 });
    const rows = await t.database.db
      .select({ name: people.name, skills: people.skills, tokens: people.searchTokens })
      .from(people);
    expect(rows).toHaveLength(NAMES.length);
    for (const r of rows) {
      expect(r.tokens).toEqual(personSearchTokens({ name: r.name, skills: r.skills }));
    }
    const [e] = await t.database.db.select().from(entities);
    expect(e?.searchTokens).toEqual(entitySearchTokens({ name: e!.name, products: e!.products }));
    expect(e?.searchTokens).toContain('xlqchzs');
    // Done: nothing marked, and a second run does nothing.
    expect(await rowsOf(t.database.db, sql`SELECT * FROM search_reindex`)).toEqual([]);
    expect(await reindexSearchTokens(t.database.db)).toEqual({});
  });

  it('lets the API find the upgraded rows by pinyin', async () => {
    await t.createUser({
      login: 'fj_officer',
      grants: [{ role: 'county_officer', region: '500236000000' }],
    });
    const officer = await t.login('fj_officer');
    const res = await officer.get(`/api/people?q=smq&sort=name`);
    expect(res.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toEqual(['孙明强']);
    const shan = await officer.get(`/api/people?q=shantianfang`);
    expect(shan.json<{ items: { name: string }[] }>().items.map((p) => p.name)).toEqual(['单田芳']);
  });
});
