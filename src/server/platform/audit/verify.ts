import type { AuditKeys } from '../crypto/keys.js';
import type { Db } from '../db/client.js';
import { auditHash, GENESIS_HASH } from './chain.js';
import {
  checkpointName,
  readCheckpoints,
  sealCheckpoint,
  type AuditCheckpoint,
  type CheckpointStore,
} from './checkpoint.js';
import { auditBatch, auditRecord, lastAuditSeq, readHead, type AuditHead } from './repo.js';

export interface ChainProblem {
  seq: number;
  problem:
    | 'edited'
    | 'missing'
    | 'broken_link'
    | 'head_mismatch'
    | 'checkpoint_mismatch'
    | 'behind_checkpoint'
    | 'checkpoint_signature'
    | 'rekey_moved';
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** First sequence number sealed with the keyed HMAC; records before it use plain SHA-256. */
  keyedFrom: number;
  /** Retained checkpoints the chain was compared with. */
  checkpoints: number;
  problems: ChainProblem[];
}

export interface VerifyOptions {
  keys: AuditKeys;
  /** Checkpoints outside the database to hold the chain against (none: the chain alone). */
  checkpoints?: CheckpointStore | undefined;
  onProgress?: (checked: number, total: number) => void;
}

const MAX_PROBLEMS = 100;

type Note = (p: ChainProblem) => void;

interface Walk {
  lastSeq: number;
  lastHash: string;
  checked: number;
}

/**
 * Walks the records after `from` in chain order: every record's hash must match its fields
 * (HMAC from `keyedFrom` on, SHA-256 before), link to its predecessor, leave no gap, and equal
 * the hash of any checkpoint taken at its sequence number (`seen` collects those numbers).
 */
async function walk(
  db: Db,
  chainKey: Buffer,
  head: AuditHead,
  from: { seq: number; hash: string },
  byseq: Map<number, AuditCheckpoint[]>,
  seen: Set<number>,
  note: Note,
  onProgress?: (checked: number, total: number) => void,
): Promise<Walk> {
  let expectedSeq = from.seq + 1;
  let prevHash = from.hash;
  let checked = 0;
  for (;;) {
    const rows = await auditBatch(db, expectedSeq - 1, head.seq, 5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) note({ seq: expectedSeq, problem: 'missing' });
      if (r.prevHash !== prevHash) note({ seq: r.seq, problem: 'broken_link' });
      if (auditHash(r, r.seq >= head.keyedFrom ? chainKey : null) !== r.hash) {
        note({ seq: r.seq, problem: 'edited' });
      }
      const taken = byseq.get(r.seq);
      if (taken) {
        seen.add(r.seq);
        if (taken.some((c) => c.hash !== r.hash)) {
          note({ seq: r.seq, problem: 'checkpoint_mismatch' });
        }
      }
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      checked++;
    }
    onProgress?.(from.seq + checked, head.seq);
  }
  return { lastSeq: expectedSeq - 1, lastHash: prevHash, checked };
}

/** Checkpoints by sequence number. */
function bySeq(checkpoints: AuditCheckpoint[]): Map<number, AuditCheckpoint[]> {
  const m = new Map<number, AuditCheckpoint[]>();
  for (const c of checkpoints) m.set(c.seq, [...(m.get(c.seq) ?? []), c]);
  return m;
}

/**
 * Records past the head read at the start are appends made meanwhile — unless the head, read
 * again, still does not reach them: then they were slipped in behind its back.
 */
async function checkBeyondHead(db: Db, head: AuditHead, note: Note): Promise<void> {
  const last = await lastAuditSeq(db);
  if (last > head.seq && last > (await readHead(db)).seq) {
    note({ seq: last, problem: 'head_mismatch' });
  }
}

/** What the chain must agree with once walked: its head row and every checkpoint. */
function checkEnd(
  head: AuditHead,
  w: Walk,
  checkpoints: AuditCheckpoint[],
  seen: Set<number>,
  note: Note,
): void {
  if (w.lastSeq !== head.seq || w.lastHash !== head.hash) {
    note({ seq: head.seq, problem: 'head_mismatch' });
  }
  const reported = new Set<number>();
  for (const c of checkpoints) {
    if (c.keyedFrom !== head.keyedFrom && !reported.has(-1)) {
      reported.add(-1);
      note({ seq: head.keyedFrom, problem: 'rekey_moved' });
    }
    if (seen.has(c.seq) || reported.has(c.seq)) continue;
    reported.add(c.seq);
    // A checkpointed record the chain no longer has: cut off behind it, or removed from inside.
    note({ seq: c.seq, problem: c.seq > w.lastSeq ? 'behind_checkpoint' : 'checkpoint_mismatch' });
  }
}

/**
 * Walks the whole chain: every record's hash must match its fields, link to its predecessor,
 * the sequence must have no gaps, and the last record must match the head row. With a
 * checkpoint store, every retained checkpoint must carry a valid signature, and the chain must
 * still hold each checkpointed record unchanged with the same re-key point. Reports the first
 * 100 problems.
 */
export async function verifyAuditChain(db: Db, opts: VerifyOptions): Promise<VerifyReport> {
  const head = await readHead(db);
  const problems: ChainProblem[] = [];
  const note: Note = (p) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const valid: AuditCheckpoint[] = [];
  if (opts.checkpoints) {
    for (const s of await readCheckpoints(opts.checkpoints, opts.keys.checkpoint)) {
      if (s.checkpoint) valid.push(s.checkpoint);
      else note({ seq: Number(s.name.slice(6, 22)), problem: 'checkpoint_signature' });
    }
  }
  const seen = new Set<number>();
  const w = await walk(
    db,
    opts.keys.chain,
    head,
    { seq: 0, hash: GENESIS_HASH },
    bySeq(valid),
    seen,
    note,
    opts.onProgress,
  );
  checkEnd(head, w, valid, seen, note);
  await checkBeyondHead(db, head, note);
  return {
    ok: problems.length === 0,
    checked: w.checked,
    headSeq: head.seq,
    keyedFrom: head.keyedFrom,
    checkpoints: valid.length,
    problems,
  };
}

export type CheckpointResult =
  | { written: boolean; name: string; checkpoint: AuditCheckpoint }
  | { written: false; name: null; problems: ChainProblem[] };

/**
 * Writes a signed checkpoint of the current head, after checking the records since the latest
 * valid checkpoint (or since the first record) the way {@link verifyAuditChain} does: a head
 * behind a checkpoint, a changed checkpointed record or a broken segment is refused rather
 * than signed. Nothing is written for an empty chain; an existing name is left as it is.
 */
export async function writeAuditCheckpoint(
  db: Db,
  keys: AuditKeys,
  store: CheckpointStore,
  now: Date,
): Promise<CheckpointResult> {
  const head = await readHead(db);
  const problems: ChainProblem[] = [];
  const note: Note = (p) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const valid = (await readCheckpoints(store, keys.checkpoint)).flatMap((s) =>
    s.checkpoint ? [s.checkpoint] : [],
  );
  const latest = valid.reduce<AuditCheckpoint | null>(
    (a, c) => (a === null || c.seq > a.seq ? c : a),
    null,
  );
  let from = { seq: 0, hash: GENESIS_HASH };
  if (latest) {
    const row = latest.seq <= head.seq ? await auditRecord(db, latest.seq) : null;
    if (latest.seq > head.seq) note({ seq: latest.seq, problem: 'behind_checkpoint' });
    else if (!row || row.hash !== latest.hash) {
      note({ seq: latest.seq, problem: 'checkpoint_mismatch' });
    }
    if (latest.keyedFrom !== head.keyedFrom) note({ seq: head.keyedFrom, problem: 'rekey_moved' });
    from = { seq: latest.seq, hash: latest.hash };
  }
  if (problems.length === 0) {
    const seen = new Set<number>();
    const w = await walk(db, keys.chain, head, from, new Map(), seen, note);
    checkEnd(head, w, [], seen, note);
    await checkBeyondHead(db, head, note);
  }
  if (problems.length > 0) return { written: false, name: null, problems };
  const checkpoint: AuditCheckpoint = {
    v: 1,
    seq: head.seq,
    hash: head.hash,
    keyedFrom: head.keyedFrom,
    count: head.seq,
    at: now.toISOString(),
  };
  const name = checkpointName(checkpoint);
  if (head.seq === 0) return { written: false, name, checkpoint };
  const written = await store.writeOnce(name, sealCheckpoint(keys.checkpoint, checkpoint));
  return { written, name, checkpoint };
}
