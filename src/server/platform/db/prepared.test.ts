import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from './client.js';
import { preparedStatement, rowsOfPrepared } from './prepared.js';

describe('prepared statements', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.execRaw(`
      CREATE TABLE ps_items (id int PRIMARY KEY, at timestamptz, meta jsonb);
      INSERT INTO ps_items VALUES (1, NULL, NULL), (2, NULL, NULL);`);
  });
  afterAll(async () => {
    await database.execRaw('DROP TABLE ps_items;');
    await database.close();
  });

  it('runs the same text with other values, on the pool and inside transactions', async () => {
    const ids = async (min: number) =>
      (
        await rowsOfPrepared<{ id: number }>(
          database.db,
          sql`SELECT id FROM ps_items WHERE id >= ${min} ORDER BY id`,
        )
      ).map((r) => r.id);
    // Ten calls: more than the pool's connections, so several connections prepare the same name.
    for (let i = 0; i < 10; i++) {
      expect(await ids(1)).toEqual([1, 2]);
      expect(await ids(2)).toEqual([2]);
    }
    await database.db.transaction(async (tx) => {
      expect(
        await rowsOfPrepared<{ id: number }>(
          tx,
          sql`SELECT id FROM ps_items WHERE id >= ${2} ORDER BY id`,
        ),
      ).toEqual([{ id: 2 }]);
    });
  });

  it('fills placeholders per call, cast in the SQL', async () => {
    const stamp = preparedStatement(sql`
      UPDATE ps_items SET at = ${sql.placeholder('at')}::timestamptz,
        meta = ${sql.placeholder('meta')}::jsonb
      WHERE id = ${sql.placeholder('id')} RETURNING id, at, meta`);
    const at = new Date('2026-12-08T03:00:00.123Z');
    for (const id of [1, 2]) {
      const [row] = await stamp.rows<{ id: number; at: Date; meta: unknown }>(database.db, {
        id,
        at: at.toISOString(),
        meta: JSON.stringify({ id, tags: ['a'] }),
      });
      expect(row!.id).toBe(id);
      expect(new Date(row!.at).toISOString()).toBe(at.toISOString());
      expect(row!.meta).toEqual({ id, tags: ['a'] });
    }
  });
});
