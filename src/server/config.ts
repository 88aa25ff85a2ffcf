import { isIP } from 'node:net';
import { inspect } from 'node:util';
import path from 'node:path';
import { z } from 'zod';
import type { XlsxLimits } from './ledger/import/zip-guard.js';

/** proxy-addr's names for address ranges, accepted in FANXIANG_TRUST_PROXY. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/**
 * Which reverse proxies' X-Forwarded-For / -Proto are believed: `false` (none, the default), a
 * hop count (the number of proxies in front, e.g. `1`: the client is the address the last proxy
 * saw), or the proxies' addresses and CIDR ranges, comma-separated. `true` would believe a
 * client's own left-most X-Forwarded-For, so it is refused.
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') {
    ctx.addIssue({
      code: 'custom',
      message:
        '`true` would trust any client-supplied X-Forwarded-For; give the number of proxies in ' +
        'front (e.g. 1) or their addresses / CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16)',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 32) return hops;
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a hop count (1–32) or proxy addresses / CIDR ranges; not ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
}

/**
 * The one place that reads process.env. Everything else receives a typed {@link Config}.
 */
const EnvSchema = z.object({
  FANXIANG_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  FANXIANG_HOST: z.string().min(1).default('127.0.0.1'),
  FANXIANG_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  FANXIANG_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  FANXIANG_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  FANXIANG_EMBEDDED_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).default(16),
  FANXIANG_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)')
    .optional(),
  FANXIANG_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  FANXIANG_TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  FANXIANG_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  FANXIANG_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  FANXIANG_SMS: z.enum(['log', 'none']).optional(),
  FANXIANG_IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).max(16384).default(200),
  FANXIANG_IMPORT_MAX_RATIO: z.coerce.number().int().min(10).max(10000).default(100),
  FANXIANG_IMPORT_MAX_SHARED_STRINGS: z.coerce.number().int().min(1000).default(1_000_000),
  FANXIANG_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  FANXIANG_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  FANXIANG_JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  FANXIANG_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_048_576).default(64),
  FANXIANG_ATTACHMENTS: z.enum(['disk', 's3']).default('disk'),
  FANXIANG_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  FANXIANG_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 characters)')
    .optional(),
  FANXIANG_S3_REGION: z.string().min(1).default('us-east-1'),
  FANXIANG_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FANXIANG_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  FANXIANG_S3_PREFIX: z
    .string()
    .regex(
      /^([A-Za-z0-9!_.*'()-]+\/)*$/,
      'must be empty or path segments ending in / (e.g. fanxiang/)',
    )
    .default(''),
  FANXIANG_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/**
 * How the portal sends SMS verification codes: `log` writes each message to the log (mobile
 * masked, code hidden) and, in demo mode only, keeps it in the dev inbox at /api/portal/dev/sms;
 * `none` sends nothing (registration by SMS is refused) until a real gateway is configured.
 */
export type SmsMode = 'log' | 'none';

/** See {@link parseTrustProxy}. */
export type TrustProxy = false | number | string[];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL URL of the role that owns the schema and runs migrations; DATABASE_URL then names
   * a role that owns nothing (see `fanxiang db grant-app-role`). Absent: one role does both.
   */
  migrationDatabaseUrl: string | undefined;
  dbPoolSize: number;
  /**
   * The embedded database's shared buffers (PostgreSQL's page cache inside PGlite's memory),
   * in MB. Its files are read through the operating system's cache as well, so a county's
   * ledger needs little here; PostgreSQL's own default (128 MB) would sit in the process for good.
   */
  embeddedSharedBuffersMb: number;
  /** Base64 master key; when absent on the embedded database a key file is created in dataDir. */
  secretKey: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['FANXIANG_LOG_LEVEL'];
  /** false, a hop count, or the trusted proxies' addresses and CIDR ranges (Fastify trustProxy). */
  trustProxy: TrustProxy;
  secureCookies: 'auto' | 'always' | 'never';
  loginRatePerMinute: number;
  /** Default `log` in demo mode, `none` otherwise. */
  sms: SmsMode;
  /** What an uploaded .xlsx may inflate to (see src/server/ledger/import/zip-guard.ts). */
  importXlsxLimits: XlsxLimits;
  /** Directory of the signed audit checkpoints, outside the database; default `<dataDir>/audit-checkpoints`. */
  auditCheckpointDir: string;
  /** Minutes between checkpoints while serving; 0 turns the timer off (shutdown and verify still write). */
  auditCheckpointMinutes: number;
  /**
   * Seconds a worker's lease on a background job lasts (renewed every third of it while the
   * worker lives); a job whose instance died is resumed elsewhere once it has run out.
   */
  jobLeaseSeconds: number;
  /**
   * Free space the data directory must keep: below it the server refuses changes with
   * STORAGE_FULL instead of letting the database reach a full disk (0 turns the watch off).
   */
  minFreeMb: number;
  /**
   * Demo mode (`FANXIANG_DEMO=true` or `fanxiang serve --demo`): the first start loads the demo
   * organisations, accounts and ledger, and the dev SMS inbox exists. Off unless asked for.
   */
  demo: boolean;
  /** FANXIANG_ATTACHMENTS (disk, the default, or s3 with the FANXIANG_S3_* variables). */
  attachments: AttachmentsConfig;
}

/**
 * A secret value that never shows in logs, JSON or util.inspect (config dumps, error reports);
 * only {@link Secret.reveal} gives it out, to the code that signs with it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** Where case attachments are kept: the data directory, or an S3-compatible bucket. */
export type AttachmentsConfig =
  | { kind: 'disk' }
  | {
      kind: 's3';
      /** Base URL of the S3-compatible service (path-style: `<endpoint>/<bucket>/<key>`). */
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: Secret;
      /** Prepended to every object key, e.g. `fanxiang/`; empty by default. */
      prefix: string;
    };

export class ConfigError extends Error {}

const S3_REQUIRED = [
  'FANXIANG_S3_ENDPOINT',
  'FANXIANG_S3_BUCKET',
  'FANXIANG_S3_ACCESS_KEY_ID',
  'FANXIANG_S3_SECRET_ACCESS_KEY',
] as const;

function attachmentsConfig(e: z.infer<typeof EnvSchema>): AttachmentsConfig {
  if (e.FANXIANG_ATTACHMENTS === 'disk') return { kind: 'disk' };
  const missing = S3_REQUIRED.filter((k) => !e[k]);
  if (missing.length > 0) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n' +
        missing.map((k) => `  ${k}: required when FANXIANG_ATTACHMENTS=s3`).join('\n'),
    );
  }
  return {
    kind: 's3',
    endpoint: (e.FANXIANG_S3_ENDPOINT ?? '').replace(/\/+$/, ''),
    bucket: e.FANXIANG_S3_BUCKET ?? '',
    region: e.FANXIANG_S3_REGION,
    accessKeyId: e.FANXIANG_S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: new Secret(e.FANXIANG_S3_SECRET_ACCESS_KEY ?? ''),
    prefix: e.FANXIANG_S3_PREFIX,
  };
}

/**
 * Parses the environment once at start. A wrong value throws {@link ConfigError} naming the
 * variable, so start-up stops with a message that says what to fix.
 *
 * `flags.demo` (from `fanxiang serve --demo` / `--no-demo`) overrides FANXIANG_DEMO.
 *
 * @example
 * loadConfig({ FANXIANG_PORT: '8080' }).port // 8080
 * loadConfig({}, { demo: true }).sms // 'log'
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  flags: { demo?: boolean } = {},
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.FANXIANG_SECRET_KEY) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  FANXIANG_SECRET_KEY: required when DATABASE_URL is set ' +
        '(every instance must share one key; generate one with `fanxiang keygen`)',
    );
  }
  if (e.FANXIANG_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  FANXIANG_MIGRATION_DATABASE_URL: only with DATABASE_URL ' +
        '(the embedded database has a single role)',
    );
  }
  const dataDir = path.resolve(e.FANXIANG_DATA_DIR);
  const demo = flags.demo ?? e.FANXIANG_DEMO;
  return {
    port: e.FANXIANG_PORT,
    host: e.FANXIANG_HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.FANXIANG_MIGRATION_DATABASE_URL,
    dbPoolSize: e.FANXIANG_DB_POOL,
    embeddedSharedBuffersMb: e.FANXIANG_EMBEDDED_SHARED_BUFFERS_MB,
    secretKey: e.FANXIANG_SECRET_KEY,
    logLevel: e.FANXIANG_LOG_LEVEL,
    trustProxy: e.FANXIANG_TRUST_PROXY,
    secureCookies: e.FANXIANG_SECURE_COOKIES,
    loginRatePerMinute: e.FANXIANG_LOGIN_RATE_PER_MINUTE,
    sms: e.FANXIANG_SMS ?? (demo ? 'log' : 'none'),
    demo,
    importXlsxLimits: {
      maxUncompressedBytes: e.FANXIANG_IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024,
      maxRatio: e.FANXIANG_IMPORT_MAX_RATIO,
      maxSharedStrings: e.FANXIANG_IMPORT_MAX_SHARED_STRINGS,
    },
    auditCheckpointDir: path.resolve(
      e.FANXIANG_AUDIT_CHECKPOINT_DIR ?? path.join(dataDir, 'audit-checkpoints'),
    ),
    auditCheckpointMinutes: e.FANXIANG_AUDIT_CHECKPOINT_MINUTES,
    jobLeaseSeconds: e.FANXIANG_JOB_LEASE_SECONDS,
    minFreeMb: e.FANXIANG_MIN_FREE_MB,
    attachments: attachmentsConfig(e),
  };
}
