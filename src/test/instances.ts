import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../server/platform/auth/passwords.js';
import { newTotpSecret, totpCode } from '../server/platform/auth/totp.js';
import { deriveKeys, encrypt } from '../server/platform/crypto/keys.js';
import { openDatabase, type Database } from '../server/platform/db/client.js';
import { migrate } from '../server/platform/db/migrate.js';
import { importRegions } from '../server/platform/regions/import.js';
import { seedBuiltinRoles } from '../server/access/roles/seed.js';
import { roleAssignments, users } from '../server/access/users/table.js';

/**
 * Several real Fanxiang processes (`fanxiang serve`, from the TypeScript sources through tsx, so
 * no build is needed) on one fresh PostgreSQL database, for the multi-instance test and the load
 * and fault benches. Everything is on loopback; every process and the database are removed again
 * by {@link Cluster.close}.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');

export const CLUSTER_PASSWORD = 'Fanxiang#2026multi';

/** A staff account the cluster creates before the instances start. */
export interface ClusterUser {
  login: string;
  role: string;
  region: string;
  /** Enrol a TOTP second factor (administrators must have one). */
  totp?: boolean;
}

/** One running `fanxiang serve` process. */
export interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything it printed, for a failure message. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
}

export interface Cluster {
  /** Owner connection to the cluster's database, for checks. */
  db: Database;
  dbUrl: string;
  masterKey: string;
  dataRoot: string;
  instances: Instance[];
  userIds: Map<string, string>;
  totpSecrets: Map<string, string>;
  /** Starts one more instance (e.g. after a kill) and waits until it listens. */
  start(name: string, env?: Record<string, string>): Promise<Instance>;
  /** SIGKILL, waiting for the process to be gone. */
  kill(instance: Instance): Promise<void>;
  /** Runs a `fanxiang` command (e.g. `audit verify`) against the cluster's database. */
  cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** PostgreSQL server URL; a database `fx_multi_*` is created on it and dropped at close. */
  serverUrl: string;
  instances: number;
  users: ClusterUser[];
  /** Provinces of the division tree to import (default 重庆). */
  provinces?: string[];
  /** Extra environment for every instance. */
  env?: Record<string, string>;
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL' || k.startsWith('VITEST')) delete env[k];
  }
  delete env.NODE_ENV;
  return env;
}

function spawnFanxiang(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Creates the database and accounts, then starts `opts.instances` processes side by side. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const name = `fx_multi_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(opts.serverUrl);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const dataRoot = mkdtempSync(path.join(tmpdir(), 'fanxiang-multi-'));
  const masterKey = randomBytes(32).toString('base64');
  const keys = deriveKeys(masterKey);

  const db = await openDatabase({ url: dbUrl, poolSize: 4 });
  await migrate(db);
  await seedBuiltinRoles(db.db);
  await importRegions(db.db, { provinces: opts.provinces ?? ['50'] });
  const passwordHash = await hashPassword(CLUSTER_PASSWORD);
  const userIds = new Map<string, string>();
  const totpSecrets = new Map<string, string>();
  for (const spec of opts.users) {
    const secret = spec.totp ? newTotpSecret() : null;
    const [row] = await db.db
      .insert(users)
      .values({
        login: spec.login,
        displayName: spec.login,
        passwordHash,
        regionCode: spec.region,
        mustChangePassword: false,
        totpSecretEnc: secret ? encrypt(keys, secret) : null,
        totpEnabled: secret !== null,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert failed');
    await db.db.insert(roleAssignments).values({
      userId: row.id,
      roleCode: spec.role,
      scopeType: 'region',
      scopeRegion: spec.region,
    });
    userIds.set(spec.login, row.id);
    if (secret) totpSecrets.set(spec.login, secret);
  }

  const baseEnv = {
    ...cleanEnv(),
    DATABASE_URL: dbUrl,
    FANXIANG_SECRET_KEY: masterKey,
    FANXIANG_PORT: '0',
    FANXIANG_HOST: '127.0.0.1',
    FANXIANG_LOG_LEVEL: 'warn',
    FANXIANG_DB_POOL: '5',
    FANXIANG_LOGIN_RATE_PER_MINUTE: '100000',
    FANXIANG_SECURE_COOKIES: 'never',
    FANXIANG_AUDIT_CHECKPOINT_DIR: path.join(dataRoot, 'audit-checkpoints'),
    ...opts.env,
  };

  const instances: Instance[] = [];
  const all: Instance[] = [];
  const start = async (instName: string, env: Record<string, string> = {}): Promise<Instance> => {
    const child = spawnFanxiang(['serve', '--no-demo'], {
      ...baseEnv,
      FANXIANG_DATA_DIR: path.join(dataRoot, instName),
      ...env,
    });
    let out = '';
    const exited = new Promise<string>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? String(code))),
    );
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d.toString('utf8');
        const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then((how) =>
        reject(new Error(`instance ${instName} ended (${how}) before listening:\n${out}`)),
      );
    });
    const inst: Instance = { name: instName, url, child, output: () => out, exited };
    all.push(inst);
    return inst;
  };
  const started = await Promise.all(
    Array.from({ length: opts.instances }, (_, i) => start(`i${i + 1}`)),
  );
  instances.push(...started);

  return {
    db,
    dbUrl,
    masterKey,
    dataRoot,
    instances,
    userIds,
    totpSecrets,
    start,
    async kill(inst) {
      inst.child.kill('SIGKILL');
      await inst.exited;
    },
    cli(args) {
      const child = spawnFanxiang(args, {
        ...baseEnv,
        FANXIANG_DATA_DIR: path.join(dataRoot, 'cli'),
        FANXIANG_LOG_LEVEL: 'silent',
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      return new Promise((resolve) =>
        child.on('close', (code) => resolve({ code, stdout, stderr })),
      );
    },
    async close() {
      for (const inst of all) {
        if (inst.child.exitCode === null && inst.child.signalCode === null) {
          inst.child.kill('SIGTERM');
          const timer = setTimeout(() => inst.child.kill('SIGKILL'), 5000);
          await inst.exited;
          clearTimeout(timer);
        }
      }
      await db.close();
      const a = new pg.Client({ connectionString: opts.serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

/** An HTTP answer: status and parsed JSON (or text). */
export interface Answer {
  status: number;
  body: unknown;
  json<T>(): T;
}

/**
 * A browser-like client of one account: a session cookie and CSRF token, usable against any
 * instance (the session lives in the database).
 */
export class Client {
  cookie = '';
  csrf = '';
  /** A request without an answer after this long fails (a hung server must not hang the caller). */
  timeoutMs = 60_000;

  async request(base: string, method: string, url: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: string | Buffer | undefined;
    if (Buffer.isBuffer(body)) {
      headers['content-type'] = 'text/csv';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(base + url, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    for (const c of res.headers.getSetCookie()) {
      const m = /^(fx_sid|fx_psid)=([^;]*)/.exec(c);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : '';
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, json: <T>() => parsed as T };
  }
  get(base: string, url: string) {
    return this.request(base, 'GET', url);
  }
  post(base: string, url: string, body: unknown = {}) {
    return this.request(base, 'POST', url, body);
  }
  patch(base: string, url: string, body: unknown = {}) {
    return this.request(base, 'PATCH', url, body);
  }

  /** Password login (and the TOTP step when `totpSecret` is given); throws unless it succeeds. */
  async login(base: string, login: string, totpSecret?: string, at = new Date()): Promise<void> {
    const res = await this.post(base, '/api/auth/login', { login, password: CLUSTER_PASSWORD });
    if (res.status !== 200)
      throw new Error(`login ${login}: ${res.status} ${JSON.stringify(res.body)}`);
    const b = res.json<{ csrfToken: string; next: string }>();
    this.csrf = b.csrfToken;
    if (b.next === 'totp') {
      if (!totpSecret) throw new Error(`${login} needs a TOTP secret`);
      const r2 = await this.post(base, '/api/auth/totp/verify', { code: totpCode(totpSecret, at) });
      if (r2.status !== 200)
        throw new Error(`totp ${login}: ${r2.status} ${JSON.stringify(r2.body)}`);
    }
  }
}

/**
 * Polls `check` every 50 ms until it returns true or `ms` have passed; returns how long it took,
 * or null when it never did.
 */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number | null> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}
