import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/client.js';
import { appendAuditStandalone } from './repo.js';
import { verifyAuditChain } from './verify.js';

/**
 * Tampering the way someone with database access would: the append-only trigger switched off,
 * a record changed or removed, the trigger switched on again. Each case gets a database of
 * its own, so they cannot interfere.
 */

async function withChain(n: number, run: (database: Database) => Promise<void>): Promise<void> {
  const database = await openTestDatabase();
  try {
    for (let i = 1; i <= n; i++) {
      await appendAuditStandalone(database.db, {
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
      const report = await verifyAuditChain(database.db, (checked) => progress.push(checked));
      expect(report).toEqual({ ok: true, checked: 5, headSeq: 5, problems: [] });
      expect(progress.at(-1)).toBe(5);
    });
  });

  it('raises no false alarm for details whose arrays hold undefined (stored as null)', async () => {
    await withChain(1, async (database) => {
      await appendAuditStandalone(database.db, {
        at: new Date(Date.UTC(2026, 10, 21, 3)),
        actorId: null,
        actorLogin: 'user2',
        actorRoles: '',
        ip: '10.0.0.1',
        action: 'user.update',
        result: 'success',
        details: { fields: [undefined, 'name'], note: undefined },
      });
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });
  });

  it('reports an edited record at its sequence number', async () => {
    await withChain(5, async (database) => {
      await tamper(database, `UPDATE audit_log SET action = 'auth.logout' WHERE seq = 3`);
      const report = await verifyAuditChain(database.db);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([{ seq: 3, problem: 'edited' }]);
    });
  });

  it('reports a deleted record in the middle as missing', async () => {
    await withChain(5, async (database) => {
      await tamper(database, 'DELETE FROM audit_log WHERE seq = 3');
      const report = await verifyAuditChain(database.db);
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual({ seq: 3, problem: 'missing' });
      expect(report.problems).toContainEqual({ seq: 4, problem: 'broken_link' });
    });
  });

  it('reports a deleted last record as a head mismatch', async () => {
    await withChain(5, async (database) => {
      await tamper(database, 'DELETE FROM audit_log WHERE seq = 5');
      const report = await verifyAuditChain(database.db);
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
      const report = await verifyAuditChain(database.db);
      expect(report.problems).toContainEqual({ seq: 2, problem: 'edited' });
      expect(report.problems).toContainEqual({ seq: 3, problem: 'broken_link' });
    });
  });
});
