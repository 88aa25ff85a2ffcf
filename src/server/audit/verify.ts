import type { Db } from '../db/client.js';
import { auditHash, GENESIS_HASH } from './chain.js';
import { auditBatch, readHead } from './repo.js';

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'missing' | 'broken_link' | 'head_mismatch';
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  problems: ChainProblem[];
}

/**
 * Walks the whole chain: every record's hash must match its fields, link to its predecessor,
 * the sequence must have no gaps, and the last record must match the head row. Reports the
 * first 100 problems.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyReport> {
  const head = await readHead(db);
  const problems: ChainProblem[] = [];
  const note = (p: ChainProblem) => {
    if (problems.length < 100) problems.push(p);
  };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await auditBatch(db, expectedSeq - 1, 5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) note({ seq: expectedSeq, problem: 'missing' });
      if (r.prevHash !== prevHash) note({ seq: r.seq, problem: 'broken_link' });
      if (auditHash(r) !== r.hash) note({ seq: r.seq, problem: 'edited' });
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      checked++;
    }
    onProgress?.(checked, head.seq);
  }
  if (expectedSeq - 1 !== head.seq || prevHash !== head.hash) {
    note({ seq: head.seq, problem: 'head_mismatch' });
  }
  return { ok: problems.length === 0, checked, headSeq: head.seq, problems };
}
