import { and, asc, desc, eq, gt, gte, lte, max, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import { auditHead, auditLog } from './table.js';
import { auditHash } from './chain.js';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  actorRoles: string;
  ip: string;
  action: string;
  objectType?: string;
  objectId?: string;
  result: string;
  details?: Record<string, unknown>;
}

export type AuditRow = typeof auditLog.$inferSelect;

const p = (name: string) => sql.placeholder(name);
/** The record and the new head in one statement, compiled once. */
const APPEND = preparedStatement(sql`
  WITH appended AS (
    INSERT INTO ${auditLog} (seq, at, actor_id, actor_login, actor_roles, ip, action, object_type,
                             object_id, result, details, prev_hash, hash)
    VALUES (${p('seq')}, ${p('at')}::timestamptz, ${p('actorId')}::uuid, ${p('actorLogin')},
            ${p('actorRoles')}, ${p('ip')}, ${p('action')}, ${p('objectType')}, ${p('objectId')},
            ${p('result')}, ${p('details')}::jsonb, ${p('prevHash')}, ${p('hash')}))
  UPDATE ${auditHead} SET seq = ${p('seq')}, hash = ${p('hash')} WHERE id = 1`);

/** The chain's head as an append reads it (its row locked until COMMIT). */
export interface LockedHead {
  seq: number;
  hash: string;
}

/**
 * The query that locks the chain's head and reads it, for a caller that sends it together with
 * its own writes (writeTogether's `then`) and hands the row to {@link appendAudit}.
 */
export function lockAuditHead(): SQL {
  return sql`SELECT ${auditHead.seq} AS seq, ${auditHead.hash} AS hash FROM ${auditHead} WHERE ${auditHead.id} = 1 FOR UPDATE`;
}

/** The head row as {@link lockAuditHead} answered it through writeTogether (jsonb). */
export function lockedHead(row: Record<string, unknown>): LockedHead {
  return { seq: Number(row['seq']), hash: String(row['hash']) };
}

/**
 * Appends one record inside the caller's transaction, sealed with the audit chain key
 * (`AuditKeys.chain`). The head row is locked first (here, or by the caller with
 * {@link lockAuditHead}, passing the row as `locked`), so appends from every instance form one
 * gap-free chain in commit order.
 */
export async function appendAudit(
  tx: Executor,
  chainKey: Buffer,
  entry: AuditEntry,
  locked?: LockedHead,
): Promise<number> {
  const head =
    locked ?? (await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update'))[0];
  if (!head) throw new Error('audit_head row missing: migrations not applied');
  const seq = head.seq + 1;
  const row = {
    seq,
    at: entry.at,
    actorId: entry.actorId,
    actorLogin: entry.actorLogin,
    actorRoles: entry.actorRoles,
    ip: entry.ip,
    action: entry.action,
    objectType: entry.objectType ?? '',
    objectId: entry.objectId ?? '',
    result: entry.result,
    details: entry.details ?? {},
    prevHash: head.hash,
  };
  const hash = auditHash(row, chainKey);
  // One round trip for the record and the head: the head's lock is held until COMMIT, and every
  // audited change in the deployment waits for it.
  await APPEND.rows(tx, {
    ...row,
    at: row.at.toISOString(),
    details: JSON.stringify(row.details),
    hash,
  });
  return seq;
}

/** Appends in a transaction of its own (for records of refused or failed requests). */
export async function appendAuditStandalone(
  db: Db,
  chainKey: Buffer,
  entry: AuditEntry,
): Promise<number> {
  return db.transaction((tx) => appendAudit(tx, chainKey, entry));
}

export interface AuditFilter {
  actorLogin?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  result?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function filterWhere(f: AuditFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.actorLogin) c.push(eq(auditLog.actorLogin, f.actorLogin));
  if (f.action) c.push(eq(auditLog.action, f.action));
  if (f.objectType) c.push(eq(auditLog.objectType, f.objectType));
  if (f.objectId) c.push(eq(auditLog.objectId, f.objectId));
  if (f.result) c.push(eq(auditLog.result, f.result));
  if (f.from) c.push(gte(auditLog.at, f.from));
  if (f.to) c.push(lte(auditLog.at, f.to));
  return c.length ? and(...c) : undefined;
}

/** Newest first, paged. */
export async function listAudit(
  db: Executor,
  f: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = filterWhere(f);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await db.$count(auditLog, where);
  return { rows, total };
}

/**
 * Records in chain order after `afterSeq` and up to `upTo` (the head when verification began,
 * so records appended meanwhile wait for the next run), a batch at a time.
 */
export function auditBatch(
  db: Executor,
  afterSeq: number,
  upTo: number,
  size: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.seq, afterSeq), lte(auditLog.seq, upTo)))
    .orderBy(asc(auditLog.seq))
    .limit(size);
}

/** The highest sequence number in the trail (0 when empty). */
export async function lastAuditSeq(db: Executor): Promise<number> {
  const [r] = await db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return Number(r?.seq ?? 0);
}

export interface AuditHead {
  seq: number;
  hash: string;
  /** First sequence number sealed with the keyed HMAC. */
  keyedFrom: number;
}

export async function readHead(db: Executor): Promise<AuditHead> {
  const [head] = await db
    .select({ seq: auditHead.seq, hash: auditHead.hash, keyedFrom: auditHead.keyedFrom })
    .from(auditHead)
    .where(eq(auditHead.id, 1));
  if (!head) throw new Error('audit_head row missing');
  return head;
}

/** One record by its sequence number, or null. */
export async function auditRecord(db: Executor, seq: number): Promise<AuditRow | null> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  return row ?? null;
}
