import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';

/**
 * A PostgreSQL connection that dies while a request holds it (the server restarted, a backend
 * terminated) must fail that request only, never end the process: bench/pg-restart.ts found both
 * instances gone after a restart before the pool's clients had an error listener of their own.
 */

const server = process.env.TEST_DATABASE_URL;
if (!server) {
  console.warn('connection-loss.test.ts skipped: TEST_DATABASE_URL is not set (PostgreSQL only)');
}

describe.skipIf(!server)('a PostgreSQL connection lost while checked out', () => {
  it('fails only what used it; the process and the pool go on', async () => {
    const database = await openTestDatabase();
    try {
      const client = await database.pool!.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => client.once('end', resolve));
      await database.execRaw(`SELECT pg_terminate_backend(${rows[0]!.pid})`);
      await ended;
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      const again = await database.pool!.query<{ one: number }>('SELECT 1 AS one');
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
