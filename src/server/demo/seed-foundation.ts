import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../platform/audit/repo.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { newTotpSecret } from '../platform/auth/totp.js';
import { encrypt, type Keys } from '../platform/crypto/keys.js';
import type { Db } from '../platform/db/client.js';
import { organisations } from '../access/orgs/table.js';
import { roles } from '../access/roles/table.js';
import { roleAssignments, users } from '../access/users/table.js';
import { loanCreditParks } from '../programme/loans/table.js';
import { DEMO_ACCOUNTS, DEMO_CREDIT_PARKS, DEMO_ORGS, DEMO_PASSWORD } from './foundation-data.js';

export interface DemoLogin {
  login: string;
  description: string;
  totpSecret: string | null;
}

/**
 * Loads the demo organisations and accounts into a database that has no users yet, in one
 * transaction with one audit record. Administrators are pre-enrolled in TOTP; their secrets are
 * written to `<dataDir>/demo-logins.json` so start-up can print them every time.
 */
export async function seedDemoFoundation(
  db: Db,
  keys: Keys,
  now: Date,
  chainKey: Buffer,
): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const roleRows = await db
    .select({ code: roles.code, requireTotp: roles.requireTotp })
    .from(roles);
  const totpRoles = new Set(roleRows.filter((r) => r.requireTotp).map((r) => r.code));
  const logins: DemoLogin[] = [];
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGS) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          type: o.type,
          regionCode: o.region,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: organisations.id });
      if (row) orgIds.set(o.key, row.id);
    }
    for (const key of DEMO_CREDIT_PARKS) {
      const parkOrgId = orgIds.get(key);
      if (!parkOrgId) continue;
      await tx.insert(loanCreditParks).values({
        parkOrgId,
        listedOn: '2025-01-01',
        document: '演示值：奉节县信用园区支持白名单（种子资料 S2 绿色通道）',
        createdAt: now,
      });
    }
    for (const a of DEMO_ACCOUNTS) {
      const secret = totpRoles.has(a.role) ? newTotpSecret() : null;
      const [u] = await tx
        .insert(users)
        .values({
          login: a.login,
          displayName: a.displayName,
          passwordHash,
          regionCode: a.region,
          // Staff of an organisation receive its notices (a case arriving at its step).
          orgId: 'org' in a.scope ? (orgIds.get(a.scope.org) ?? null) : null,
          mustChangePassword: false,
          totpSecretEnc: secret ? encrypt(keys, secret) : null,
          totpEnabled: secret !== null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      if (!u) throw new Error(`demo user ${a.login} not created`);
      const org = 'org' in a.scope ? orgIds.get(a.scope.org) : undefined;
      await tx.insert(roleAssignments).values({
        userId: u.id,
        roleCode: a.role,
        scopeType: 'region' in a.scope ? 'region' : a.scope.type,
        scopeRegion: 'region' in a.scope ? a.scope.region : null,
        scopeOrgId: org ?? null,
        grantedAt: now,
      });
      logins.push({ login: a.login, description: a.description, totpSecret: secret });
    }
    await appendAudit(tx, chainKey, {
      at: now,
      actorId: null,
      actorLogin: 'system:demo',
      actorRoles: '',
      ip: 'local',
      action: 'demo.load_foundation',
      objectType: 'deployment',
      objectId: '',
      result: 'success',
      details: { organisations: DEMO_ORGS.length, accounts: DEMO_ACCOUNTS.length },
    });
  });
  return logins;
}

export function demoLoginsFile(dataDir: string): string {
  return path.join(dataDir, 'demo-logins.json');
}

export function saveDemoLogins(dataDir: string, logins: DemoLogin[]): void {
  writeFileSync(demoLoginsFile(dataDir), JSON.stringify(logins, null, 2), { mode: 0o600 });
}

export function readDemoLogins(dataDir: string): DemoLogin[] | null {
  const file = demoLoginsFile(dataDir);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[];
}

/** True when the database has no accounts yet (first start). */
export async function hasNoUsers(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row === undefined;
}

/** Lines to print: each demo login with its role, and TOTP secrets for administrators. */
export function describeDemoLogins(logins: DemoLogin[]): string[] {
  const lines = [`演示账号（密码均为 ${DEMO_PASSWORD}）/ demo logins (password ${DEMO_PASSWORD}):`];
  for (const l of logins) {
    const extra = l.totpSecret ? `  TOTP 密钥 / secret ${l.totpSecret}` : '';
    lines.push(`  ${l.login.padEnd(11)} ${l.description}${extra}`);
  }
  lines.push(
    '  管理员需动态验证码：把密钥加入验证器 App，或运行 `fanxiang demo totp <login>` 查看当前验证码',
  );
  return lines;
}
