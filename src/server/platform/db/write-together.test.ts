import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from './client.js';
import { rowsOf } from './rows.js';
import { writeTogether } from './write-together.js';

describe('writeTogether', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.execRaw(`
      CREATE TABLE wt_items (id int PRIMARY KEY, version int NOT NULL);
      CREATE TABLE wt_log (item int NOT NULL, note text NOT NULL);
      CREATE TABLE wt_head (id int PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL);
      INSERT INTO wt_items VALUES (1, 1), (2, 1);
      INSERT INTO wt_head VALUES (1, 41, 'abc');`);
  });
  afterAll(async () => {
    await database.execRaw('DROP TABLE wt_items; DROP TABLE wt_log; DROP TABLE wt_head;');
    await database.close();
  });

  const moveAndLog = (version: number) => [
    sql`UPDATE wt_items SET version = version + 1 WHERE id = 1 AND version = ${version}`,
    sql`INSERT INTO wt_log (item, note) VALUES (1, ${`moved from ${version}`})`,
    sql`DELETE FROM wt_log WHERE item = 99`,
  ];

  it('answers the rows each write touched, in order, and the row of the query sent with them', async () => {
    const sent = await database.db.transaction((tx) =>
      writeTogether(tx, moveAndLog(1), sql`SELECT seq, hash FROM wt_head WHERE id = 1 FOR UPDATE`),
    );
    expect(sent).toEqual({ counts: [1, 1, 0], then: { seq: 41, hash: 'abc' } });
    const [item] = await rowsOf<{ version: number }>(
      database.db,
      sql`SELECT version FROM wt_items WHERE id = 1`,
    );
    expect(item!.version).toBe(2);
  });

  it('touches nothing where a write matches nothing, and its companions go with a rollback', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        const { counts } = await writeTogether(tx, moveAndLog(1)); // version 1 is gone
        if (counts[0] !== 1) throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
    const log = await rowsOf<{ note: string }>(database.db, sql`SELECT note FROM wt_log`);
    expect(log.map((r) => r.note)).toEqual(['moved from 1']);
  });

  it('answers null for `then` without one, or when it finds no row', async () => {
    const none = await database.db.transaction((tx) =>
      writeTogether(tx, [sql`UPDATE wt_items SET version = version WHERE id = 2`]),
    );
    expect(none).toEqual({ counts: [1], then: null });
    const missing = await database.db.transaction((tx) =>
      writeTogether(tx, [], sql`SELECT seq FROM wt_head WHERE id = 2`),
    );
    expect(missing).toEqual({ counts: [], then: null });
  });
});
