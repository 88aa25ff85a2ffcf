import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import { deriveAuditKeys } from '../crypto/keys.js';
import type { Database } from '../db/client.js';
import { MIGRATIONS_DIR } from '../db/migrate.js';
import { auditHash } from './chain.js';
import { FileCheckpointStore } from './checkpoint-file.js';
import { appendAuditStandalone, readHead } from './repo.js';
import { auditHead, auditLog } from './table.js';
import { verifyAuditChain, writeAuditCheckpoint } from './verify.js';

/**
 * Tampering the way someone with database access would: the append-only trigger switched off,
 * a record changed or removed, the trigger switched on again. Each case gets a database of
 * its own, so they cannot interfere.
 */

const KEYS = deriveAuditKeys(Buffer.alloc(32, 9).toString('base64'));
const NOW = new Date(Date.UTC(2026, 10, 21, 6));

function append(database: Database, i: number): Promise<number> {
  return appendAuditStandalone(database.db, KEYS.chain, {
    at: new Date(Date.UTC(2026, 10, 21, 2, i)),
    actorId: null,
    actorLogin: `user${i}`,
    actorRoles: 'county_officer',
    ip: '10.0.0.1',
    action: 'auth.login',
    objectType: 'session',
    objectId: `s${i}`,
    result: 'success',
    details: { i },
  });
}

async function withChain(n: number, run: (database: Database) => Promise<void>): Promise<void> {
  const database = await openTestDatabase();
  try {
    for (let i = 1; i <= n; i++) {
      await appendAuditStandalone(database.db, KEYS.chain, {
        at: new Date(Date.UTC(2026, 10, 21, 2, i)),
        actorId: null,
        actorLogin: `user${i}`,
        actorRoles: 'county_officer',
        ip: '10.0.0.1',
        action: 'auth.login',
        objectType: 'session',
        objectId: `s${i}`,
        result: 'success',
        details: { i },
      });
    }
    await run(database);
  } finally {
    await database.close();
  }
}

function tamper(database: Database, statement: string): Promise<void> {
  return database.execRaw(
    `ALTER TABLE audit_log DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_log ENABLE TRIGGER USER;`,
  );
}

describe('verifyAuditChain', () => {
  it('finds an untouched chain intact', async () => {
    await withChain(5, async (database) => {
      const progress: number[] = [];
      const report = await verifyAuditChain(database.db, {
        keys: KEYS,
        onProgress: (checked) => progress.push(checked),
      });
      expect(report).toEqual({
        ok: true,
        checked: 5,
        headSeq: 5,
        keyedFrom: 1,
        checkpoints: 0,
        problems: [],
      });
      expect(progress.at(-1)).toBe(5);
    });
  });

  it('raises no false alarm for details whose arrays hold undefined (stored as null)', async () => {
    await withChain(1, async (database) => {
      await appendAuditStandalone(database.db, KEYS.chain, {
        at: new Date(Date.UTC(2026, 10, 21, 3)),
        actorId: null,
        actorLogin: 'user2',
        actorRoles: '',
        ip: '10.0.0.1',
        action: 'user.update',
        result: 'success',
        details: { fields: [undefined, 'name'], note: undefined },
      });
      expect((await verifyAuditChain(database.db, { keys: KEYS })).ok).toBe(true);
    });
  });

  it('reports an edited record at its sequence number', async () => {
    await withChain(5, async (database) => {
      await tamper(database, `UPDATE audit_log SET action = 'auth.logout' WHERE seq = 3`);
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([{ seq: 3, problem: 'edited' }]);
    });
  });

  it('reports a deleted record in the middle as missing', async () => {
    await withChain(5, async (database) => {
      await tamper(database, 'DELETE FROM audit_log WHERE seq = 3');
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual({ seq: 3, problem: 'missing' });
      expect(report.problems).toContainEqual({ seq: 4, problem: 'broken_link' });
    });
  });

  it('reports a deleted last record as a head mismatch', async () => {
    await withChain(5, async (database) => {
      await tamper(database, 'DELETE FROM audit_log WHERE seq = 5');
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.ok).toBe(false);
      expect(report.checked).toBe(4);
      expect(report.problems).toEqual([{ seq: 5, problem: 'head_mismatch' }]);
    });
  });

  it('reports a record re-hashed to hide an edit as a broken link', async () => {
    await withChain(4, async (database) => {
      await tamper(
        database,
        `UPDATE audit_log SET hash = repeat('a', 64), action = 'x' WHERE seq = 2`,
      );
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.problems).toContainEqual({ seq: 2, problem: 'edited' });
      expect(report.problems).toContainEqual({ seq: 3, problem: 'broken_link' });
    });
  });
});

/**
 * Rewrites the chain from `fromSeq` on the way its owner could: trigger off, rows changed by
 * `edit` (or removed when it returns null), every hash from there recomputed with `key` (null:
 * plain SHA-256, the old unkeyed chain), the head reset to the new end, trigger on.
 */
async function rebuild(
  database: Database,
  fromSeq: number,
  key: Buffer | null,
  edit: (row: typeof auditLog.$inferSelect) => typeof auditLog.$inferSelect | null = (r) => r,
  keyedFrom?: number,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    const rows = await tx
      .select()
      .from(auditLog)
      .where(gte(auditLog.seq, fromSeq))
      .orderBy(asc(auditLog.seq));
    const [prev] = await tx
      .select()
      .from(auditLog)
      .where(eq(auditLog.seq, fromSeq - 1));
    await tx.delete(auditLog).where(gte(auditLog.seq, fromSeq));
    let prevHash = prev?.hash ?? '0'.repeat(64);
    let seq = fromSeq - 1;
    for (const original of rows) {
      const r = edit(original);
      if (!r) continue;
      const row = { ...r, seq: seq + 1, prevHash };
      row.hash = auditHash(row, key);
      await tx.insert(auditLog).values(row);
      prevHash = row.hash;
      seq = row.seq;
    }
    await tx
      .update(auditHead)
      .set({ seq, hash: prevHash, ...(keyedFrom === undefined ? {} : { keyedFrom }) })
      .where(eq(auditHead.id, 1));
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  });
}

describe('verifying a live chain', () => {
  it('takes records appended during the walk for what they are, not for tampering', async () => {
    await withChain(5, async (database) => {
      let appended: Promise<number> | undefined;
      const report = await verifyAuditChain(database.db, {
        keys: KEYS,
        onProgress: () => {
          appended ??= append(database, 6);
        },
      });
      await appended;
      expect(report).toMatchObject({ ok: true, checked: 5, headSeq: 5 });
      expect((await verifyAuditChain(database.db, { keys: KEYS })).checked).toBe(6);
    });
  });

  it('reports a record slipped in past the head without moving it', async () => {
    await withChain(3, async (database) => {
      await database.db.insert(auditLog).values({
        seq: 4,
        at: new Date(Date.UTC(2026, 10, 21, 3)),
        actorRoles: '',
        ip: '',
        action: 'auth.login',
        result: 'success',
        prevHash: (await readHead(database.db)).hash,
        hash: 'f'.repeat(64),
      });
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.problems).toEqual([{ seq: 4, problem: 'head_mismatch' }]);
    });
  });
});

describe('the keyed chain (HMAC-SHA-256)', () => {
  it('catches a chain its owner rebuilt with recomputed unkeyed SHA-256 hashes', async () => {
    await withChain(5, async (database) => {
      await rebuild(database, 3, null, (r) => (r.seq === 3 ? { ...r, action: 'auth.logout' } : r));
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        { seq: 3, problem: 'edited' },
        { seq: 4, problem: 'edited' },
        { seq: 5, problem: 'edited' },
      ]);
    });
  });

  it('catches a chain rebuilt under another key', async () => {
    await withChain(3, async (database) => {
      const other = deriveAuditKeys(Buffer.alloc(32, 1).toString('base64'));
      await rebuild(database, 1, other.chain);
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report.problems.map((p) => p.problem)).toEqual(['edited', 'edited', 'edited']);
    });
  });

  it('keeps an upgraded chain verifying: SHA-256 records up to the re-key point, HMAC after it', async () => {
    await withChain(3, async (database) => {
      // The chain as the unkeyed version wrote it, then the upgrade's migration marks the point.
      await rebuild(database, 1, null, (r) => r, 1);
      const [file] = readdirSync(MIGRATIONS_DIR).filter((f) =>
        f.endsWith('_audit_keyed_from_existing.sql'),
      );
      await database.execRaw(readFileSync(path.join(MIGRATIONS_DIR, file!), 'utf8'));
      expect((await readHead(database.db)).keyedFrom).toBe(4);
      await append(database, 4);
      await append(database, 5);
      const report = await verifyAuditChain(database.db, { keys: KEYS });
      expect(report).toMatchObject({ ok: true, checked: 5, keyedFrom: 4, problems: [] });
      // A keyed record rewritten as if it predated the upgrade is still caught.
      await rebuild(database, 5, null, (r) => ({ ...r, action: 'auth.logout' }));
      expect((await verifyAuditChain(database.db, { keys: KEYS })).problems).toEqual([
        { seq: 5, problem: 'edited' },
      ]);
    });
  });
});

describe('checkpoints outside the database', () => {
  const dirs: string[] = [];
  const store = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fx-checkpoints-'));
    dirs.push(dir);
    return new FileCheckpointStore(dir);
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes one signed checkpoint per head, write-once, and verifies against all of them', async () => {
    await withChain(3, async (database) => {
      const s = store();
      const first = await writeAuditCheckpoint(database.db, KEYS, s, NOW);
      expect(first).toMatchObject({
        written: true,
        checkpoint: { seq: 3, count: 3, keyedFrom: 1 },
      });
      // The same head again (another instance, or the next tick): same name, nothing written.
      expect(await writeAuditCheckpoint(database.db, KEYS, s, NOW)).toMatchObject({
        written: false,
        name: first.name,
      });
      await append(database, 4);
      expect(await writeAuditCheckpoint(database.db, KEYS, s, NOW)).toMatchObject({
        written: true,
      });
      expect((await s.list()).sort()).toEqual([
        expect.stringMatching(/^audit-0000000000000003-[0-9a-f]{64}\.json$/),
        expect.stringMatching(/^audit-0000000000000004-[0-9a-f]{64}\.json$/),
      ]);
      const report = await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s });
      expect(report).toMatchObject({ ok: true, checked: 4, checkpoints: 2, problems: [] });
    });
  });

  it('catches a chain rebuilt with the key but truncated behind the checkpoint', async () => {
    await withChain(5, async (database) => {
      const s = store();
      await writeAuditCheckpoint(database.db, KEYS, s, NOW);
      // Records 4 and 5 removed, the head reset: every HMAC and link is valid again.
      await rebuild(database, 4, KEYS.chain, () => null);
      expect((await verifyAuditChain(database.db, { keys: KEYS })).ok).toBe(true);
      const report = await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s });
      expect(report.problems).toEqual([{ seq: 5, problem: 'behind_checkpoint' }]);
      // Nor is the rewound head signed as the new truth.
      expect(await writeAuditCheckpoint(database.db, KEYS, s, NOW)).toMatchObject({
        written: false,
        problems: [{ seq: 5, problem: 'behind_checkpoint' }],
      });
    });
  });

  it('catches a chain rewritten with the key behind the checkpoint (rewound and re-grown)', async () => {
    await withChain(5, async (database) => {
      const s = store();
      await writeAuditCheckpoint(database.db, KEYS, s, NOW);
      await rebuild(database, 2, KEYS.chain, (r) => (r.seq === 2 ? { ...r, action: 'x' } : r));
      expect((await verifyAuditChain(database.db, { keys: KEYS })).ok).toBe(true);
      const report = await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s });
      expect(report.problems).toEqual([{ seq: 5, problem: 'checkpoint_mismatch' }]);
    });
  });

  it('catches records passed off as pre-upgrade by moving the re-key point', async () => {
    await withChain(3, async (database) => {
      const s = store();
      await writeAuditCheckpoint(database.db, KEYS, s, NOW);
      await rebuild(database, 1, null, (r) => (r.seq === 2 ? { ...r, action: 'x' } : r), 4);
      const report = await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s });
      expect(report.problems).toContainEqual({ seq: 4, problem: 'rekey_moved' });
      expect(report.problems).toContainEqual({ seq: 3, problem: 'checkpoint_mismatch' });
    });
  });

  it('catches a tampered checkpoint file and one signed with another key', async () => {
    await withChain(3, async (database) => {
      const s = store();
      const { name } = await writeAuditCheckpoint(database.db, KEYS, s, NOW);
      const file = path.join(s.location, name!);
      const text = readFileSync(file, 'utf8');
      expect((await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s })).ok).toBe(true);
      writeFileSync(file, text.replace('"count": 3', '"count": 2'));
      expect(
        (await verifyAuditChain(database.db, { keys: KEYS, checkpoints: s })).problems,
      ).toEqual([{ seq: 3, problem: 'checkpoint_signature' }]);
      const other = deriveAuditKeys(Buffer.alloc(32, 1).toString('base64'));
      writeFileSync(file, text);
      expect(
        (await verifyAuditChain(database.db, { keys: other, checkpoints: s })).problems,
      ).toContainEqual({ seq: 3, problem: 'checkpoint_signature' });
    });
  });
});
