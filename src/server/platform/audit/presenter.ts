import type { AuditRecordViewT, VerifyViewT } from './contract.js';
import type { AuditRow } from './repo.js';
import type { ChainProblem, VerifyReport } from './verify.js';

/** One audit record as the API shows it, field by field. */
export function presentAuditRecord(row: AuditRow): AuditRecordViewT {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLogin: row.actorLogin,
    actorRoles: row.actorRoles.split(',').filter((r) => r !== ''),
    ip: row.ip,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    result: row.result,
    details: row.details,
    hash: row.hash,
  };
}

/** The chain verification report. */
export function presentVerifyReport(report: VerifyReport): VerifyViewT {
  return {
    ok: report.ok,
    checked: report.checked,
    headSeq: report.headSeq,
    keyedFrom: report.keyedFrom,
    checkpoints: report.checkpoints,
    problems: report.problems.map((p) => ({ seq: p.seq, problem: p.problem })),
  };
}

/** What each kind of chain problem means, for operators (zh-CN and English). */
export const CHAIN_PROBLEM_LABELS: Record<ChainProblem['problem'], { zh: string; en: string }> = {
  edited: { zh: '记录内容被修改', en: 'record edited' },
  missing: { zh: '记录缺失（序号不连续）', en: 'record missing (gap in sequence)' },
  broken_link: { zh: '与前一条记录的链接断开', en: 'link to the previous record broken' },
  head_mismatch: {
    zh: '链尾与链头不符（末尾记录被删除或链头被改）',
    en: 'chain end does not match the head (tail deleted or head altered)',
  },
  checkpoint_mismatch: {
    zh: '与库外检查点不符（已签入检查点的记录被改写或删除）',
    en: 'does not match the checkpoint outside the database (a checkpointed record was rewritten or removed)',
  },
  behind_checkpoint: {
    zh: '链头落后于库外检查点（链被截断或回退）',
    en: 'chain head is behind a checkpoint outside the database (chain truncated or rewound)',
  },
  checkpoint_signature: {
    zh: '检查点签名无效（检查点文件被篡改或非本系统密钥签发）',
    en: 'checkpoint signature invalid (file tampered with or not signed with this key)',
  },
  rekey_moved: {
    zh: '启用密钥的起点与检查点记载不符（升级前记录的范围被改动）',
    en: 'the re-key point differs from the checkpoints (range of pre-upgrade records altered)',
  },
};
