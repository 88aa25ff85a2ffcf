import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_BACKEND } from '../../../test/database.js';
import { appendAuditStandalone } from '../audit/repo.js';
import { verifyAuditChain } from '../audit/verify.js';
import { hashPassword } from '../auth/passwords.js';
import { deriveAuditKeys } from '../crypto/keys.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { importRegions } from '../regions/import.js';
import { seedBuiltinRoles } from '../../access/roles/seed.js';
import { roleAssignments, users } from '../../access/users/table.js';
import { backupDatabase } from './backup.js';
import { computeChecksums } from './canonical.js';
import { queryRows } from './catalog.js';
import { dependencyOrder } from './table-order.js';
import { restoreDatabase } from './restore.js';

const AUDIT_KEYS = deriveAuditKeys(Buffer.alloc(32, 5).toString('base64'));

/**
 * The path a county takes to a server: a backup of the embedded database restored into
 * another backend. Without TEST_DATABASE_URL both ends are PGlite; with it the target is
 * PostgreSQL, and a second hop brings the data back into PGlite.
 */

// A table of the awkward types, created on both ends: exact round trips, a self-reference
// whose child sorts before its parent, and a table without a primary key.
const ODD_TYPES = `
  CREATE TABLE fx_odd (
    id bigserial PRIMARY KEY,
    parent_id bigint REFERENCES fx_odd(id),
    big bigint, amount numeric(20, 6), ratio double precision, day date,
    at_us timestamptz, local_ts timestamp, span interval, raw bytea,
    tags text[], counts int8[], doc jsonb, flag boolean, code char(4), note text
  );
  CREATE TABLE fx_nokey (label text, n integer);`;

const ODD_ROWS = `
  INSERT INTO fx_odd (id, parent_id, big, amount, ratio, day, at_us, local_ts, span, raw, tags,
                      counts, doc, flag, code, note) OVERRIDING SYSTEM VALUE VALUES
    (2, NULL, 9007199254740993, 12345678901234.123456, 0.1, '2026-02-28',
     '2026-11-21 10:00:00.123456+08', '2026-11-21 10:00:00.5', '1 day 02:03:04', '\\x00ff10',
     '{a,"b c",NULL,"引号\\"q"}', '{1,9007199254740993}', '{"z": 1, "a": [true, null, "x"]}',
     true, 'ab', E'多行\\n文本'),
    (1, 2, -1, 0, 'NaN', '0001-01-01', 'infinity', '-infinity', '0', '\\x', '{}', NULL,
     '"just a string"', false, NULL, '');
  INSERT INTO fx_nokey VALUES ('dup', 1), ('dup', 1), ('另一', NULL);`;

let dir: string;
let source: Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fanxiang-cross-'));
  source = await openDatabase({ embeddedDir: 'memory://' });
  await migrate(source);
  await seedBuiltinRoles(source.db);
  await importRegions(source.db, { provinces: ['50'] });
  const [u] = await source.db
    .insert(users)
    .values({
      login: 'fj_officer',
      displayName: '奉节县服务专员',
      passwordHash: await hashPassword('Kuimen#Gate2026'),
      regionCode: '500236000000',
    })
    .returning({ id: users.id });
  await source.db.insert(roleAssignments).values({
    userId: u!.id,
    roleCode: 'county_officer',
    scopeType: 'region',
    scopeRegion: '500236000000',
  });
  for (const action of ['user.create', 'auth.login', 'auth.logout']) {
    await appendAuditStandalone(source.db, AUDIT_KEYS.chain, {
      at: new Date('2026-11-21T02:00:00.123Z'),
      actorId: u!.id,
      actorLogin: 'fj_officer',
      actorRoles: 'county_officer',
      ip: '10.0.0.8',
      action,
      result: 'success',
      details: { b: 2, a: { y: [1, 2], x: '奉节' } },
    });
  }
  await source.execRaw(ODD_TYPES + ODD_ROWS);
});

afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

async function hop(from: Database, to: Database, name: string): Promise<void> {
  const file = path.join(dir, name);
  await backupDatabase(from, file);
  await to.execRaw(ODD_TYPES);
  await restoreDatabase(to, file);
}

describe('backup across backends', () => {
  it('moves the embedded database to the test backend with identical checksums', async () => {
    const target = await openTestDatabase();
    try {
      await hop(source, target, 'to-target.fxbak');
      expect(await computeChecksums(target)).toEqual(await computeChecksums(source));
      expect((await verifyAuditChain(target.db, { keys: AUDIT_KEYS })).ok).toBe(true);
      const rows = await queryRows(
        target.db,
        sql`SELECT big::text AS big, amount::text AS amount, doc, tags, to_char(at_us AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS t
            FROM fx_odd ORDER BY id`,
      );
      const r = rows[1]!;
      expect(r.big).toBe('9007199254740993');
      expect(r.amount).toBe('12345678901234.123456');
      expect(r.t).toBe('02:00:00.123456');
      expect(r.tags).toEqual(['a', 'b c', null, '引号"q']);
      expect(r.doc).toEqual({ a: [true, null, 'x'], z: 1 });

      if (TEST_BACKEND === 'postgres') {
        const back = await openDatabase({ embeddedDir: 'memory://' });
        try {
          await hop(target, back, 'back.fxbak');
          expect(await computeChecksums(back)).toEqual(await computeChecksums(source));
        } finally {
          await back.close();
        }
      }
    } finally {
      await target.close();
    }
  });
});

describe('dependencyOrder', () => {
  it('puts every table after the tables it references, ignoring self-references', () => {
    const order = dependencyOrder([
      { name: 'sessions', references: ['users'] },
      { name: 'users', references: ['regions', 'organisations'] },
      { name: 'organisations', references: ['regions', 'organisations'] },
      { name: 'regions', references: [] },
      { name: 'a_cycle', references: ['b_cycle'] },
      { name: 'b_cycle', references: ['a_cycle'] },
    ]).map((t) => t.name);
    expect(order).toEqual(['regions', 'organisations', 'users', 'sessions', 'a_cycle', 'b_cycle']);
  });
});
