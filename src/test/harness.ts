import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { NATION_CODE } from '../domain/regions/region-code.js';
import { UNRECORDED_ACTION } from '../server/platform/audit/fallback.js';
import { auditLog } from '../server/platform/audit/table.js';
import { buildApp, type RouteInfo } from '../server/app.js';
import type { Config } from '../server/config.js';
import { deriveAuditKeys, deriveKeys, encrypt } from '../server/platform/crypto/keys.js';
import type { Database } from '../server/platform/db/client.js';
import type { App, AppDeps } from '../server/platform/http/types.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import { newTotpSecret, totpCode, totpStepAt } from '../server/platform/auth/totp.js';
import { importRegions } from '../server/platform/regions/import.js';
import { seedBuiltinRoles } from '../server/access/roles/seed.js';
import { seedCalendarDays } from '../server/platform/calendar/service.js';
import { seedLoanProducts } from '../server/programme/loan-products/seed.js';
import { organisations } from '../server/access/orgs/table.js';
import { roleAssignments, users } from '../server/access/users/table.js';
import { DEFAULT_XLSX_LIMITS } from '../server/ledger/import/zip-guard.js';
import { openTestDatabase } from './database.js';

export const TEST_PASSWORD = 'Fanxiang#2026test';

/** A clock the test moves by hand. */
export class TestClock {
  now = new Date('2026-11-21T02:00:00.000Z');
  read = (): Date => new Date(this.now.getTime());
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export interface GrantSpec {
  role: string;
  region?: string;
  orgId?: string;
  scopeType?: 'region' | 'org' | 'park';
}

export interface UserSpec {
  login: string;
  grants?: GrantSpec[];
  region?: string;
  mustChangePassword?: boolean;
  totp?: boolean;
  disabled?: boolean;
}

/** A logged-in client: its cookie and CSRF token go on every request. */
export class Agent {
  constructor(
    private readonly app: App,
    public cookie: string,
    public csrf: string,
    public readonly ip = '127.0.0.1',
  ) {}

  request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...headers },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }
  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body: unknown = {}) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown = {}) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** Reads the session cookie's value out of a response's Set-Cookie. */
export function sessionCookie(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((x) => x.name === 'fx_sid');
  return c && c.value ? `fx_sid=${c.value}` : null;
}

export interface TestApp {
  app: App;
  deps: AppDeps;
  routes: RouteInfo[];
  database: Database;
  clock: TestClock;
  totpSecrets: Map<string, string>;
  /** The master key (base64) the app's keys derive from, for child processes on the same database. */
  masterKey: string;
  createUser(spec: UserSpec): Promise<string>;
  createOrg(name: string, type: string, region: string): Promise<string>;
  login(login: string, password?: string): Promise<Agent>;
  /**
   * Closes the app and the database. Fails when a state change succeeded without its own audit
   * record (the edge's `request.unrecorded`), unless the test provokes one on purpose.
   */
  close(opts?: { allowUnrecorded?: boolean }): Promise<void>;
}

/** A fresh, empty directory under the system's temporary one, for an app's uploads and exports. */
export function tempDataDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/tmp/fanxiang-test',
    databaseUrl: undefined,
    migrationDatabaseUrl: undefined,
    dbPoolSize: 5,
    embeddedSharedBuffersMb: 16,
    secretKey: undefined,
    logLevel: 'silent',
    trustProxy: false,
    secureCookies: 'never',
    loginRatePerMinute: 1000,
    sms: 'log',
    importXlsxLimits: DEFAULT_XLSX_LIMITS,
    // Never created unless a test writes a checkpoint; one per app, so keys never mix.
    auditCheckpointDir: `/tmp/fanxiang-test/audit-checkpoints-${randomBytes(6).toString('hex')}`,
    auditCheckpointMinutes: 0,
    jobLeaseSeconds: 60,
    minFreeMb: 0,
    demo: true,
    attachments: { kind: 'disk' },
    ...overrides,
  };
}

/**
 * A real application on a real database (PGlite in memory, or PostgreSQL with
 * TEST_DATABASE_URL), with 重庆 and 河南 regions imported and factories for users.
 */
export async function createTestApp(
  opts: {
    provinces?: string[];
    config?: Partial<Config>;
    /** Dependencies handed in instead of the defaults (for example a free-space watch). */
    deps?: Pick<AppDeps, 'freeSpace'>;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  await seedBuiltinRoles(database.db);
  await seedCalendarDays(database.db);
  await seedLoanProducts(database.db);
  await importRegions(database.db, { provinces: opts.provinces ?? ['50', '41'] });
  const clock = new TestClock();
  const master = randomBytes(32).toString('base64');
  const keys = deriveKeys(master);
  const deps: AppDeps = {
    config: testConfig(opts.config),
    database,
    db: database.db,
    keys,
    auditKeys: deriveAuditKeys(master),
    clock: clock.read,
    ...opts.deps,
  };
  const { app, routes } = await buildApp(deps);
  const totpSecrets = new Map<string, string>();
  const passwordHash = await hashPassword(TEST_PASSWORD);

  /**
   * A code is accepted once (its time step must be later than the last one used), so repeated
   * logins of one account at the same test time use the codes of the steps either side, and only
   * then move the clock on by a step.
   */
  const usedSteps = new Map<string, number>();
  const nextTotpMoment = (login: string): Date => {
    const last = usedSteps.get(login) ?? -Infinity;
    for (;;) {
      const now = totpStepAt(clock.read());
      const step = [now - 1, now, now + 1].find((s) => s > last);
      if (step !== undefined) {
        usedSteps.set(login, step);
        return new Date(step * 30_000);
      }
      clock.advance(30_000);
    }
  };

  const t: TestApp = {
    app,
    deps,
    routes,
    database,
    clock,
    totpSecrets,
    masterKey: master,
    async createUser(spec) {
      const secret = spec.totp ? newTotpSecret() : null;
      const [u] = await database.db
        .insert(users)
        .values({
          login: spec.login,
          displayName: spec.login,
          passwordHash,
          regionCode: spec.region ?? spec.grants?.[0]?.region ?? NATION_CODE,
          mustChangePassword: spec.mustChangePassword ?? false,
          disabled: spec.disabled ?? false,
          totpSecretEnc: secret ? encrypt(keys, secret) : null,
          totpEnabled: secret !== null,
        })
        .returning({ id: users.id });
      if (!u) throw new Error('user insert failed');
      if (secret) totpSecrets.set(spec.login, secret);
      for (const g of spec.grants ?? []) {
        const scopeType = g.scopeType ?? (g.orgId ? 'org' : 'region');
        await database.db.insert(roleAssignments).values({
          userId: u.id,
          roleCode: g.role,
          scopeType,
          scopeRegion: scopeType === 'region' ? (g.region ?? NATION_CODE) : null,
          scopeOrgId: scopeType === 'region' ? null : (g.orgId ?? null),
        });
      }
      return u.id;
    },
    async createOrg(name, type, region) {
      const [o] = await database.db
        .insert(organisations)
        .values({ name, type, regionCode: region })
        .returning({ id: organisations.id });
      if (!o) throw new Error('org insert failed');
      return o.id;
    },
    async login(login, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      const body = res.json<{ csrfToken: string; next: string }>();
      const agent = new Agent(app, sessionCookie(res) ?? '', body.csrfToken);
      if (body.next === 'totp') {
        const secret = totpSecrets.get(login);
        if (!secret) throw new Error(`no TOTP secret for ${login}`);
        const r2 = await agent.post('/api/auth/totp/verify', {
          code: totpCode(secret, nextTotpMoment(login)),
        });
        if (r2.statusCode !== 200) throw new Error(`totp ${login} failed: ${r2.body}`);
        agent.cookie = sessionCookie(r2) ?? agent.cookie;
      }
      return agent;
    },
    async close(opts = {}) {
      try {
        if (!opts.allowUnrecorded) await assertNoUnrecordedChange(database);
      } finally {
        await app.close();
        await database.close();
      }
    },
  };
  return t;
}

/** Throws when the edge had to record a successful state change its service did not record. */
async function assertNoUnrecordedChange(database: Database): Promise<void> {
  const rows = await database.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.action, UNRECORDED_ACTION));
  if (rows.length === 0) return;
  const routes = [...new Set(rows.map((r) => String(r.details.route)))].join(', ');
  throw new Error(
    `${rows.length} state change(s) succeeded without their own audit record (${UNRECORDED_ACTION}): ${routes}`,
  );
}

/** Codes used across tests: 奉节县 and two of its towns, and a county elsewhere. */
export const FENGJIE = '500236000000';
export const XINGLONG = '500236128000';
export const TUXIANG = '500236127000';
export const WUSHAN = '500237000000';
export const NANYANG = '411300000000';
