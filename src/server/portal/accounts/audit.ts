import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { ChangeMeta } from '../../ledger/history/service.js';

/** Who acts on the portal, as audit records and ledger history name them. */
export interface PortalActor {
  accountId: string;
  label: string;
}

/**
 * Writes the request's audit record inside the change's transaction, with the entrepreneur as the
 * actor (role `entrepreneur`). Details never carry personal data.
 */
export async function recordPortalAudit(
  tx: Executor,
  ctx: RequestContext,
  now: Date,
  actor: PortalActor | null,
  event: {
    action: string;
    objectType: string;
    objectId: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(tx, ctx, now, {
    ...event,
    roles: 'entrepreneur',
    ...(actor ? { actor: { userId: actor.accountId, login: actor.label } } : {}),
  });
}

/** Ledger history's "who": the entrepreneur's account. */
export function portalChangeMeta(actor: PortalActor, now: Date): ChangeMeta {
  return { actorId: actor.accountId, actorLogin: actor.label, now };
}
