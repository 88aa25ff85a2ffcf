import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/program.js';
import { ExitCode } from '../../cli/run.js';
import { openDatabase } from '../db/client.js';
import { TEST_BACKEND } from '../../test/database.js';

/**
 * `fanxiang stats verify` and `stats rebuild` as an operator runs them, in process, on an
 * embedded database in a temporary data directory: a tampered counter is reported with exit
 * code 1 and repaired by a rebuild.
 */

let dir: string;
const saved = { ...process.env };

async function fanxiang(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'fanxiang', ...args]);
    return { code: 0, out: lines.join('\n') };
  } catch (e) {
    if (e instanceof ExitCode) return { code: e.code, out: lines.join('\n') };
    throw e;
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

/** Runs SQL on the data directory's database between commands (one process at a time). */
async function onDatabase(
  f: (db: ReturnType<typeof openDatabase> extends Promise<infer D> ? D : never) => Promise<void>,
) {
  const database = await openDatabase({ embeddedDir: path.join(dir, 'pgdata') });
  try {
    await f(database);
  } finally {
    await database.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fx-stats-cli-'));
  for (const k of Object.keys(process.env))
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL') delete process.env[k];
  process.env.FANXIANG_DATA_DIR = dir;
  process.env.FANXIANG_LOG_LEVEL = 'silent';
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(TEST_BACKEND !== 'pglite')('fanxiang stats', () => {
  it('verifies a consistent ledger with exit code 0', async () => {
    const r = await fanxiang('stats', 'verify');
    expect(r.code).toBe(0);
    expect(r.out).toContain('counters match the ledger');
  }, 60_000);

  it('reports a tampered counter with exit code 1, and a rebuild repairs it', async () => {
    await onDatabase(async ({ db }) => {
      await db.execute(
        sql`INSERT INTO regions (code, parent_code, level, name, pinyin, initials, path_name) VALUES ('000000000000', NULL, 0, '全国', 'quanguo', 'qg', '')`,
      );
      await db.execute(
        sql`INSERT INTO stats.counters (source, region_code, month, value) VALUES ('people', '000000000000', '2021-05', ARRAY[7]::bigint[])`,
      );
    });
    const bad = await fanxiang('stats', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('people_started');
    const fixed = await fanxiang('stats', 'rebuild');
    expect(fixed.code).toBe(0);
    expect((await fanxiang('stats', 'verify')).code).toBe(0);
  }, 120_000);
});
