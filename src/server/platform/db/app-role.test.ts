import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppRoleTestDatabase, type AppRoleTestDatabase } from '../../../test/database.js';
import { TEST_PASSWORD, testConfig } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { appendAuditStandalone } from '../audit/repo.js';
import { verifyAuditChain } from '../audit/verify.js';
import { hashPassword } from '../auth/passwords.js';
import { loadConfig } from '../../config.js';
import { generateMasterKey } from '../crypto/keys.js';
import { importRegions } from '../regions/import.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { rebuildCounters } from '../../statistics/stats/verify.js';
import { roleAssignments, users } from '../../access/users/table.js';
import { AppRoleError, canAlterAudit, grantAppRole } from './app-role.js';

/**
 * The application under a PostgreSQL role that owns nothing, migrations under the owner
 * (FANXIANG_MIGRATION_DATABASE_URL): the audit trail can be appended to and read, never
 * changed, emptied or unprotected, and everything else the application writes still works.
 * PostgreSQL only: the embedded database has a single role.
 */
const server = process.env.TEST_DATABASE_URL;
if (!server) {
  console.warn(
    'app-role.test.ts skipped: TEST_DATABASE_URL is not set (PostgreSQL roles cannot be tested on PGlite)',
  );
}

describe.skipIf(!server)('the application role on PostgreSQL', () => {
  let t: AppRoleTestDatabase;
  let runtime: Runtime;
  let dataDir: string;

  beforeAll(async () => {
    t = await openAppRoleTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'fx-app-role-'));
    const config = loadConfig({
      DATABASE_URL: t.appUrl,
      FANXIANG_MIGRATION_DATABASE_URL: t.ownerUrl,
      FANXIANG_SECRET_KEY: generateMasterKey(),
      FANXIANG_DATA_DIR: dataDir,
    });
    // Start-up migrates as the owner and grants the application's role what it needs.
    runtime = await openRuntime(config);
  });
  afterAll(async () => {
    await runtime?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const asApp = (statement: string) => runtime.database.execRaw(statement);

  it('runs as a role that cannot alter the audit table, and says nothing to warn about', async () => {
    expect(await canAlterAudit(runtime.database)).toBe(false);
    expect(await canAlterAudit(t.owner)).toBe(true);
    expect(runtime.notes.join('\n')).not.toMatch(/warning/);
  });

  it('appends and verifies audit records under the application role', async () => {
    for (const i of [1, 2, 3]) {
      await appendAuditStandalone(runtime.database.db, runtime.auditKeys.chain, {
        at: new Date(Date.UTC(2026, 10, 21, 2, i)),
        actorId: null,
        actorLogin: `user${i}`,
        actorRoles: '',
        ip: '10.0.0.1',
        action: 'auth.login',
        result: 'success',
      });
    }
    const report = await verifyAuditChain(runtime.database.db, { keys: runtime.auditKeys });
    expect(report).toMatchObject({ ok: true, headSeq: 3 });
  });

  it.each([
    ['disabling the trigger', 'ALTER TABLE audit_log DISABLE TRIGGER USER'],
    ['dropping the trigger', 'DROP TRIGGER audit_log_no_update ON audit_log'],
    ['updating a record', "UPDATE audit_log SET action = 'x' WHERE seq = 1"],
    ['deleting a record', 'DELETE FROM audit_log WHERE seq = 3'],
    ['truncating the trail', 'TRUNCATE audit_log'],
    ['moving the re-key point', 'UPDATE audit_head SET keyed_from = 99'],
  ])('refuses %s to the application role by privilege', async (_what, statement) => {
    // The privilege check, not the append-only trigger (which the owner could switch off).
    await expect(asApp(statement)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('still serves logins, writes sessions and rebuilds the statistics under the role', async () => {
    const db = runtime.database.db;
    await importRegions(db, { provinces: ['50'] });
    const [u] = await db
      .insert(users)
      .values({
        login: 'fj_officer',
        displayName: 'fj_officer',
        passwordHash: await hashPassword(TEST_PASSWORD),
        regionCode: '500236000000',
        mustChangePassword: false,
      })
      .returning({ id: users.id });
    await db.insert(roleAssignments).values({
      userId: u!.id,
      roleCode: 'county_officer',
      scopeType: 'region',
      scopeRegion: '500236000000',
    });
    const { app } = await buildApp({
      config: testConfig(),
      database: runtime.database,
      db,
      keys: runtime.keys,
      auditKeys: runtime.auditKeys,
      clock: runtime.clock,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'fj_officer', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    await rebuildCounters(db);
    expect((await verifyAuditChain(db, { keys: runtime.auditKeys })).ok).toBe(true);
  });

  it('refuses to grant a superuser, whom no privilege restrains', async () => {
    const superuser = new URL(t.ownerUrl).username;
    await expect(grantAppRole(t.owner, superuser)).rejects.toBeInstanceOf(AppRoleError);
    await expect(grantAppRole(t.owner, 'no_such_role_x')).rejects.toBeInstanceOf(AppRoleError);
  });
});
