import type { AuditEntry } from './repo.js';

/**
 * The action of the edge's record for a state change that succeeded although its service wrote
 * no audit record of its own: a defect (the service forgot `recordAudit`), recorded so that
 * nothing goes unaudited, logged as an error, and failed by the route matrix test.
 */
export const UNRECORDED_ACTION = 'request.unrecorded';

/** What the edge knows about a state-changing request that left no audit record. */
export interface UnrecordedRequest {
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  actorRoles: string;
  ip: string;
  method: string;
  /** The route's URL pattern (`/api/people/:id`), never the URL itself; null when none matched. */
  url: string | undefined;
  /** The action the route declares in its config, if any. */
  action: string | undefined;
  status: number;
  /** The error code the request ended with, if it failed. */
  errorCode: string | null;
}

/**
 * The edge's fallback record, marked `details.fallback = true` with the route and the status.
 * A refused or failed request keeps the route's action and names its error code as the result:
 * for it, the fallback is the record. A request that succeeded gets `request.unrecorded` and the
 * action it should have recorded, so the fallback can never pass for the change's own record.
 *
 * @example
 * fallbackAuditEntry({ method: 'PATCH', url: '/api/people/:id', action: 'person.update',
 *   status: 200, ... }).action // 'request.unrecorded'
 */
export function fallbackAuditEntry(r: UnrecordedRequest): AuditEntry {
  const route = `${r.method} ${r.url ?? 'unknown'}`;
  const succeeded = r.status < 400;
  return {
    at: r.at,
    actorId: r.actorId,
    actorLogin: r.actorLogin,
    actorRoles: r.actorRoles,
    ip: r.ip,
    action: succeeded ? UNRECORDED_ACTION : (r.action ?? route),
    result: succeeded ? 'success' : (r.errorCode ?? `http_${r.status}`),
    details: {
      fallback: true,
      route,
      status: r.status,
      ...(succeeded && r.action ? { expectedAction: r.action } : {}),
    },
  };
}

/** True for a record the edge wrote because the request's handler wrote none. */
export function isFallbackRecord(row: { details: Record<string, unknown> }): boolean {
  return row.details.fallback === true;
}
