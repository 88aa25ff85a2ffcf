import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../cli/program.js';
import { ExitCode } from '../../../cli/run.js';
import { auditLog } from '../../platform/audit/table.js';
import { type Database, openDatabase } from '../../platform/db/client.js';
import { openTestDatabase, TEST_BACKEND } from '../../../test/database.js';

/**
 * `fanxiang stats verify` and `stats rebuild` as an operator runs them, in process: on an
 * embedded database in a temporary data directory, or, with TEST_DATABASE_URL, on this file's
 * own PostgreSQL database (DATABASE_URL), where the counters are kept by the same triggers: a
 * tampered counter is reported with exit code 1 and repaired by a rebuild.
 */

let dir: string;
/** This file's PostgreSQL database, when the suite runs on PostgreSQL. */
let server: (Database & { url?: string }) | null = null;
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

/**
 * Runs SQL on the commands' database between commands: the server database directly, or the
 * data directory's embedded one (one process at a time).
 */
async function onDatabase(f: (db: Database) => Promise<void>) {
  if (server) return f(server);
  const database = await openDatabase({ embeddedDir: path.join(dir, 'pgdata') });
  try {
    await f(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fx-stats-cli-'));
  for (const k of Object.keys(process.env))
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL') delete process.env[k];
  process.env.FANXIANG_DATA_DIR = dir;
  process.env.FANXIANG_LOG_LEVEL = 'silent';
  if (TEST_BACKEND === 'postgres') {
    server = await openTestDatabase();
    process.env.DATABASE_URL = server.url;
    process.env.FANXIANG_SECRET_KEY = randomBytes(32).toString('base64');
  }
}, 60_000);
afterAll(async () => {
  process.env = saved;
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`fanxiang stats on ${TEST_BACKEND}`, () => {
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
    // The commands worked on this backend's database: the rebuild's audit record is there.
    await onDatabase(async ({ db, kind }) => {
      expect(kind).toBe(TEST_BACKEND);
      expect(await db.$count(auditLog, eq(auditLog.action, 'stats.rebuild'))).toBe(1);
    });
  }, 120_000);
});
