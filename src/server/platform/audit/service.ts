import type { RequestContext } from '../http/context.js';
import { toPage, type Paged } from '../http/paging.js';
import type { AppDeps } from '../http/types.js';
import { requireNationWide } from '../../access/scope/scope.js';
import type { AuditListQueryT, AuditRecordViewT, VerifyViewT } from './contract.js';
import { presentAuditRecord, presentVerifyReport } from './presenter.js';
import { listAudit } from './repo.js';
import { checkpointStoreFor } from './checkpoint-file.js';
import { verifyAuditChain } from './verify.js';

/**
 * The audit trail, newest first, filtered and paged. Only the audit administrator reads it,
 * and with nation-wide scope: records carry no region, so a county's grant cannot be narrowed
 * to them (requireNationWide checks audit.read first, then the scope).
 */
export async function listAuditRecords(
  deps: AppDeps,
  ctx: RequestContext,
  query: AuditListQueryT,
): Promise<Paged<AuditRecordViewT>> {
  requireNationWide(ctx, 'audit.read');
  const { rows, total } = await listAudit(
    deps.db,
    {
      actorLogin: query.actorLogin,
      action: query.action,
      objectType: query.objectType,
      objectId: query.objectId,
      result: query.result,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    },
    query.page,
    query.pageSize,
  );
  return toPage(rows, total, query, presentAuditRecord);
}

/**
 * Walks the whole hash chain and holds it against the signed checkpoints outside the database;
 * reports edited, missing, truncated or rewound records and forged checkpoints.
 */
export async function verifyAuditTrail(deps: AppDeps, ctx: RequestContext): Promise<VerifyViewT> {
  requireNationWide(ctx, 'audit.read');
  return presentVerifyReport(
    await verifyAuditChain(deps.db, {
      keys: deps.auditKeys,
      checkpoints: checkpointStoreFor(deps.config),
    }),
  );
}
