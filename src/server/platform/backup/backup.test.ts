import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../domain/errors/codes.js';
import { openTestDatabase } from '../../../test/database.js';
import { createTestApp, FENGJIE, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { verifyAuditChain } from '../audit/verify.js';
import { deriveKeys } from '../crypto/keys.js';
import { backupDatabase } from './backup.js';
import { computeChecksums } from './canonical.js';
import { queryRows } from './catalog.js';
import { restoreDatabase } from './restore.js';

let t: TestApp;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({ login: 'auditor', grants: [{ role: 'audit_admin' }], totp: true });
  await t.login('officer');
  await t.login('auditor');
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'officer', password: 'wrong-password' },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'fanxiang-backup-'));
  file = path.join(dir, 'county.fxbak');
  await backupDatabase(t.database, file, { keys: t.deps.keys });
});

afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rejectionCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('backup and restore', () => {
  it('restores into a fresh database with identical row counts and checksums for every table', async () => {
    const target = await openTestDatabase();
    try {
      const phases = new Set<string>();
      const summary = await restoreDatabase(target, file, {
        keys: t.deps.keys,
        onProgress: (p) => phases.add(p.phase),
      });
      const source = await computeChecksums(t.database);
      const restored = await computeChecksums(target);
      expect(restored).toEqual(source);
      expect(summary.checksums).toEqual(source);
      expect(phases).toEqual(new Set(['rows', 'verify']));
      expect(source.users?.rows).toBe(2);
      expect(source.sessions?.rows).toBe(2);
      expect(source.regions?.rows).toBeGreaterThan(2000);
      expect(source.audit_log?.rows).toBeGreaterThanOrEqual(4);
      expect((await verifyAuditChain(target.db, { keys: t.deps.auditKeys })).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('leaves a restored database that serves logins and continues the audit chain', async () => {
    const target = await openTestDatabase();
    try {
      await restoreDatabase(target, file, { keys: t.deps.keys });
      const [seq] = await queryRows<{ n: number }>(
        target.db,
        sql`SELECT nextval('audit_log_seq_seq')::int AS n`,
      );
      expect(seq?.n).toBe((await computeChecksums(t.database)).audit_log!.rows + 1);
      const { app } = await buildApp({ ...t.deps, database: target, db: target.db });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'officer', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      await app.close();
      const report = await verifyAuditChain(target.db, { keys: t.deps.auditKeys });
      expect(report.ok).toBe(true);
      expect(report.checked).toBe((await computeChecksums(t.database)).audit_log!.rows + 1);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that already holds data', async () => {
    const before = await computeChecksums(t.database);
    expect(await rejectionCode(restoreDatabase(t.database, file, { keys: t.deps.keys }))).toBe(
      'RESTORE_TARGET_NOT_EMPTY',
    );
    expect(await computeChecksums(t.database)).toEqual(before);
  });

  it('refuses a backup made under another encryption key', async () => {
    const target = await openTestDatabase();
    try {
      const other = deriveKeys(randomBytes(32).toString('base64'));
      expect(await rejectionCode(restoreDatabase(target, file, { keys: other }))).toBe(
        'BACKUP_KEY_MISMATCH',
      );
    } finally {
      await target.close();
    }
  });

  it('rolls the whole restore back when a row in the file was altered, and can then succeed', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"奉节县"'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace('"奉节县"', '"奉节县（改）"');
    const forged = path.join(dir, 'forged.fxbak');
    writeFileSync(forged, gzipSync(lines.join('\n')));
    const target = await openTestDatabase();
    try {
      expect(await rejectionCode(restoreDatabase(target, forged, { keys: t.deps.keys }))).toBe(
        'BACKUP_CHECKSUM_MISMATCH',
      );
      expect((await computeChecksums(target)).regions?.rows).toBe(0);
      await restoreDatabase(target, file, { keys: t.deps.keys });
      expect(await computeChecksums(target)).toEqual(await computeChecksums(t.database));
    } finally {
      await target.close();
    }
  });

  it('reports a truncated, foreign or inconsistent file as an invalid backup', async () => {
    const cut = path.join(dir, 'cut.fxbak');
    const whole = gunzipSync(readFileSync(file));
    writeFileSync(cut, gzipSync(whole.subarray(0, Math.floor(whole.length / 2))));
    const lines = whole.toString('utf8').split('\n');
    const users = lines.findIndex((l) => l.startsWith('{"table":"users"'));
    const u = lines.findIndex((l, i) => i > users && l.includes('"officer"'));
    expect(lines[u]).toContain('"500236000000"');
    lines[u] = lines[u]!.replace('"500236000000"', '"999999999999"');
    const dangling = path.join(dir, 'dangling.fxbak');
    writeFileSync(dangling, gzipSync(lines.join('\n')));
    const junk = path.join(dir, 'junk.fxbak');
    writeFileSync(junk, 'not a backup');
    const target = await openTestDatabase();
    try {
      expect(await rejectionCode(restoreDatabase(target, cut))).toBe('BACKUP_INVALID');
      expect(await rejectionCode(restoreDatabase(target, junk))).toBe('BACKUP_INVALID');
      expect(await rejectionCode(restoreDatabase(target, dangling))).toBe('BACKUP_INVALID');
      expect(await rejectionCode(restoreDatabase(target, path.join(dir, 'none')))).toBe(
        'BACKUP_INVALID',
      );
    } finally {
      await target.close();
    }
  });
});
