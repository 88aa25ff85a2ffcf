import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../domain/errors/codes.js';
import { stableStringify } from '../audit/chain.js';
import type { Keys } from '../crypto/keys.js';

/**
 * The backup file: gzip'd JSON lines, the same whatever database wrote it.
 *
 *   {"format":"fanxiang-backup","version":1,...,"tables":[{"name":"regions","rows":3}]}   header
 *   {"table":"regions","columns":[{"name":"code","type":"character(12)"},...]}           per table
 *   ["500000000000",null,1,"重庆市",...]                                                 one per row
 *   {"end":true,"tables":{"regions":{"rows":3,"sha256":"…"}},"rows":3}                   trailer
 *
 * A row line is the row's canonical form (see canonical.ts): the checksum of a table is the
 * SHA-256 of its row lines, each followed by "\n", in primary-key order.
 */
export const BACKUP_FORMAT = 'fanxiang-backup';
export const BACKUP_VERSION = 1;

export const MigrationState = z.object({
  /** How many committed migrations the source had applied. */
  count: z.number().int().min(0),
  /** Their SHA-256 hashes (drizzle's `__drizzle_migrations.hash`), oldest first. */
  hashes: z.array(z.string()),
});
export type MigrationState = z.infer<typeof MigrationState>;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: MigrationState,
  /** Identifies the encryption key without revealing it; restore refuses another key. */
  keyCheck: z.string().nullable(),
  /** Tables in foreign-key dependency order, with the row counts seen when the backup began. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0) })),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const TableStart = z.object({
  table: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
});
export type TableStart = z.infer<typeof TableStart>;

export const TableSum = z.object({ rows: z.number().int().min(0), sha256: z.string() });
export type TableSum = z.infer<typeof TableSum>;

export const Trailer = z.object({
  end: z.literal(true),
  tables: z.record(z.string(), TableSum),
  rows: z.number().int().min(0),
});
export type Trailer = z.infer<typeof Trailer>;

/** Per-table row count and checksum, as in the trailer and as computed from a database. */
export type Checksums = Record<string, TableSum>;

/** Progress of a backup or restore: rows written or loaded, then rows verified. */
export interface BackupProgress {
  phase: 'rows' | 'verify';
  table: string;
  done: number;
  total: number;
}

/** Parses one metadata line against its schema, reporting a broken file as BACKUP_INVALID. */
export function parseLine<T>(schema: z.ZodType<T>, line: string | undefined, what: string): T {
  if (line === undefined) throw new AppError('BACKUP_INVALID', { reason: `${what}: missing` });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AppError('BACKUP_INVALID', { reason: `${what}: not JSON` });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('BACKUP_INVALID', { reason: `${what}: ${parsed.error.issues[0]?.message}` });
  }
  return parsed.data;
}

/** One row's canonical line: a JSON array, object keys sorted at every depth. */
export function rowLine(values: unknown[]): string {
  return stableStringify(values);
}

/**
 * A short tag of the deployment's master key (an HMAC under the blind-index key), so a restore
 * can tell that it runs with the key the encrypted columns need. Reveals nothing about the key.
 *
 * @example
 * keyCheck(deriveKeys(key)) // '3f9a…' (16 hex characters)
 */
export function keyCheck(keys: Keys): string {
  return createHmac('sha256', keys.blindIndex)
    .update('fanxiang/backup-key-check/v1')
    .digest('hex')
    .slice(0, 16);
}
