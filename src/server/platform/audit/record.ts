import type { Permission } from '../../../domain/access/permissions.js';
import type { Executor } from '../db/client.js';
import { rolesFor, type RequestContext } from '../http/context.js';
import { appendAudit, type LockedHead } from './repo.js';

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId: string;
  /** The permission the change was made under; its grants' roles go into the record. */
  permission?: Permission;
  /** Never personal data: identifiers and field names only. */
  details?: Record<string, unknown>;
  /** Who acted, when the request has no staff session (login, the portal). */
  actor?: { userId: string; login: string };
  /** The actor's roles when they hold no staff grants (the portal's `entrepreneur`). */
  roles?: string;
}

/**
 * Writes the request's audit record inside the change's own transaction, so the change and its
 * record commit or vanish together. `locked`: the chain's head, when the caller locked it already
 * (see lockAuditHead).
 */
export async function recordAudit(
  tx: Executor,
  ctx: RequestContext,
  now: Date,
  event: AuditEvent,
  locked?: LockedHead,
): Promise<void> {
  await appendAudit(
    tx,
    ctx.auditKey,
    {
      at: now,
      actorId: event.actor?.userId ?? ctx.actor?.userId ?? null,
      actorLogin: event.actor?.login ?? ctx.actor?.login ?? ctx.attemptedLogin,
      actorRoles: event.roles ?? rolesFor(ctx.actor, event.permission),
      ip: ctx.ip,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      result: 'success',
      details: event.details ?? {},
    },
    locked,
  );
  ctx.audited = true;
}
