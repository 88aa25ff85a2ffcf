import type { Permission } from '../../../domain/access/permissions.js';
import type { ScopeType } from '../../../domain/access/roles.js';
import type { Locale } from '../../../domain/errors/messages.js';

/** One role assignment as the access checks see it. */
export interface Grant {
  roleCode: string;
  permissions: ReadonlySet<string>;
  scopeType: ScopeType;
  /** Region subtree the grant reaches: the scope region, or the region of the scoped organisation. */
  regionCode: string;
  /** Set for organisation and park scopes. */
  orgId: string | null;
  /** The type of that organisation, when the grant was read with it (sessions are). */
  orgType?: string | null;
}

/** The authenticated user behind a request. */
export interface Actor {
  userId: string;
  login: string;
  displayName: string;
  sessionId: string;
  grants: Grant[];
  /** Union of every grant's permissions. */
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
  mfaState: 'ok' | 'totp' | 'enrol';
}

/** What a service needs to know about the request: who, from where, and the audit bookkeeping. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  userAgent: string;
  locale: Locale;
  /** The audit chain key (AuditKeys.chain) that seals this request's audit records. */
  auditKey: Buffer;
  /** Set once an audit record for this request has been written inside a transaction. */
  audited: boolean;
  /** Why a presented session cookie was not accepted, reported when the route needs a session. */
  sessionProblem: 'SESSION_EXPIRED' | null;
  /** The error code the request ended with, for the failure audit record. */
  errorCode: string | null;
  /** Login name tried on an unauthenticated request (login), for its audit record. */
  attemptedLogin: string | null;
  /** A session token minted during this request, to be set as the cookie. */
  newSessionToken: string | null;
  /** Set when the session ended during this request (logout), to clear the cookie. */
  clearSession: boolean;
}

/** Roles of the grants carrying `permission`, for the audit record's role column. */
export function rolesFor(actor: Actor | null, permission?: Permission): string {
  if (!actor) return '';
  const codes = actor.grants
    .filter((g) => !permission || g.permissions.has(permission))
    .map((g) => g.roleCode);
  return [...new Set(codes)].join(',');
}
