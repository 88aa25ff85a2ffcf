import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';

describe('embedded database memory', () => {
  it('starts PGlite with the configured shared buffers instead of PostgreSQL’s 128 MB', async () => {
    const database = await openDatabase({ embeddedDir: 'memory://', embeddedSharedBuffersMb: 24 });
    try {
      const r = await database.pglite!.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(r.rows[0]?.shared_buffers).toBe('24MB');
    } finally {
      await database.close();
    }
  }, 120_000);
});
