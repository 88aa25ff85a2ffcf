import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { stableStringify } from './chain.js';

/**
 * A checkpoint of the audit chain's head, kept outside the database and signed with a key the
 * database never holds (`AuditKeys.checkpoint`). Whoever rewrites the database — even with the
 * chain key — cannot rewind, truncate or fork the chain behind a retained checkpoint without
 * `audit verify` noticing, and cannot forge a checkpoint without the master key.
 */
export interface AuditCheckpoint {
  v: 1;
  /** Sequence number of the head record. */
  seq: number;
  /** That record's hash. */
  hash: string;
  /** First sequence number sealed with the keyed HMAC (the re-key point). */
  keyedFrom: number;
  /** Records in the chain up to the head (the chain is gap-free, so equal to seq). */
  count: number;
  /** When the checkpoint was taken, ISO 8601. */
  at: string;
}

const SignedCheckpointSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyedFrom: z.number().int().min(1),
  count: z.number().int().min(0),
  at: z.string(),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Where checkpoints live. Names are write-once: one name per head, so several instances that
 * checkpoint the same head write the same name and the second write is a no-op. A file
 * directory implements it (checkpoint-file.ts); an S3-compatible bucket can too (a PUT with
 * `If-None-Match: *`).
 */
export interface CheckpointStore {
  /** Where the checkpoints are, for messages. */
  readonly location: string;
  /** Names of every retained checkpoint. */
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  /** Stores `body` under `name` unless that name exists; false when it did. */
  writeOnce(name: string, body: string): Promise<boolean>;
}

/** One name per head: the zero-padded sequence number (sorts in chain order) and the hash. */
export function checkpointName(c: Pick<AuditCheckpoint, 'seq' | 'hash'>): string {
  return `audit-${String(c.seq).padStart(16, '0')}-${c.hash}.json`;
}

const NAME = /^audit-\d{16}-[0-9a-f]{64}\.json$/;

/** Whether a name in the store is one of ours (other files are ignored). */
export function isCheckpointName(name: string): boolean {
  return NAME.test(name);
}

function signature(key: Buffer, c: AuditCheckpoint): string {
  const body = stableStringify([c.v, c.seq, c.hash, c.keyedFrom, c.count, c.at]);
  return createHmac('sha256', key).update(`fanxiang-audit-checkpoint\u0000${body}`).digest('hex');
}

/**
 * The checkpoint as stored: JSON with its HMAC-SHA-256 signature.
 *
 * @example
 * sealCheckpoint(auditKeys.checkpoint, { v: 1, seq: 42, hash, keyedFrom: 1, count: 42, at })
 */
export function sealCheckpoint(key: Buffer, c: AuditCheckpoint): string {
  return `${JSON.stringify({ ...c, sig: signature(key, c) }, null, 2)}\n`;
}

/**
 * Reads a stored checkpoint: the checkpoint when its signature holds, null when the text is
 * not a checkpoint or was signed with another key or changed after signing.
 */
export function openCheckpoint(key: Buffer, text: string): AuditCheckpoint | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const r = SignedCheckpointSchema.safeParse(parsed);
  if (!r.success) return null;
  const { sig, ...c } = r.data;
  const expected = Buffer.from(signature(key, c), 'hex');
  return timingSafeEqual(expected, Buffer.from(sig, 'hex')) ? c : null;
}

/** A retained checkpoint: the checkpoint when its signature holds, else null. */
export interface StoredCheckpoint {
  name: string;
  checkpoint: AuditCheckpoint | null;
}

/** Every retained checkpoint of the store, in chain order. */
export async function readCheckpoints(
  store: CheckpointStore,
  key: Buffer,
): Promise<StoredCheckpoint[]> {
  const names = (await store.list()).filter(isCheckpointName).sort();
  const out: StoredCheckpoint[] = [];
  for (const name of names) {
    out.push({ name, checkpoint: openCheckpoint(key, await store.read(name)) });
  }
  return out;
}
