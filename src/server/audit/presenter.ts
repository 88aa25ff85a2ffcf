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
};
