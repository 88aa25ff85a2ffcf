import { isWithin } from '../regions/region-code.js';
import type {
  CaseActor,
  CaseFacts,
  CaseType,
  OwnerRule,
  TransitionCondition,
  TransitionDecl,
} from './case-type.js';

/**
 * The pure rules of a case type: may this actor fire that transition on this case now, and does
 * the case's current step belong to the actor (their work queue). No I/O.
 */

/** Why a transition was refused. */
export type FireDenial =
  /** The case type has no transition of that id. */
  | 'UNKNOWN_TRANSITION'
  /** The case is not in a state the transition leaves from. */
  | 'WRONG_STATE'
  /** The actor holds the transition's permission nowhere. */
  | 'NOT_PERMITTED'
  /** The actor holds it, but not for the organisation or region this step belongs to. */
  | 'NOT_YOUR_STEP'
  /** A condition on the case data does not hold (e.g. 代偿 before 90 days overdue). */
  | 'CONDITION';

export type FireDecision =
  { allowed: true; transition: TransitionDecl } | { allowed: false; reason: FireDenial };

/** The calendar days from an ISO date (YYYY-MM-DD) to `now`. */
function daysSince(isoDate: string, now: Date): number {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(then)) return Number.NEGATIVE_INFINITY;
  return Math.floor((now.getTime() - then) / 86_400_000);
}

function conditionHolds(c: TransitionCondition, data: CaseFacts['data'], now: Date): boolean {
  const v = data[c.field];
  if ('equals' in c) return v === c.equals;
  return typeof v === 'string' && daysSince(v, now) >= c.daysSince;
}

/** True when one of the actor's grants carrying `permission` satisfies `rule` for the case. */
export function matchesRule(
  rule: OwnerRule,
  actor: CaseActor,
  permission: string,
  c: Pick<CaseFacts, 'regionCode' | 'routing'>,
): boolean {
  return actor.grants.some((g) => {
    if (!g.permissions.has(permission)) return false;
    if (rule.kind === 'region') {
      return g.scopeType === 'region' && isWithin(c.regionCode, g.regionCode);
    }
    const orgId = c.routing[rule.route];
    return (
      g.scopeType === 'org' && orgId != null && g.orgId === orgId && g.orgType === rule.orgType
    );
  });
}

/** The rules that may fire `t`: its own, else the owner of the state it leaves. */
export function firingRules(type: CaseType, t: TransitionDecl, state: string): OwnerRule[] {
  return t.by ?? type.states[state]?.owner ?? [];
}

/**
 * Whether `actor` may fire transition `transitionId` on case `c` at `now`.
 *
 * @example
 * canFire(GUARANTEE_LOAN, loanCase, bankOfficer, 'bank_approve', new Date())
 * // { allowed: true, transition: {...} } or { allowed: false, reason: 'NOT_YOUR_STEP' }
 */
export function canFire(
  type: CaseType,
  c: CaseFacts,
  actor: CaseActor,
  transitionId: string,
  now: Date,
): FireDecision {
  const t = type.transitions.find((x) => x.id === transitionId);
  if (!t) return { allowed: false, reason: 'UNKNOWN_TRANSITION' };
  if (!t.from.includes(c.state)) return { allowed: false, reason: 'WRONG_STATE' };
  if (!actor.grants.some((g) => g.permissions.has(t.permission))) {
    return { allowed: false, reason: 'NOT_PERMITTED' };
  }
  const rules = firingRules(type, t, c.state);
  if (!rules.some((r) => matchesRule(r, actor, t.permission, c))) {
    return { allowed: false, reason: 'NOT_YOUR_STEP' };
  }
  if (!(t.when ?? []).every((w) => conditionHolds(w, c.data, now))) {
    return { allowed: false, reason: 'CONDITION' };
  }
  return { allowed: true, transition: t };
}

/**
 * The transitions `actor` may fire on `c` now, in declaration order (what a decision form offers).
 *
 * @example
 * allowedTransitions(GUARANTEE_LOAN, c, actor, now).map((t) => t.id) // ['accept', 'refuse', 'withdraw']
 */
export function allowedTransitions(
  type: CaseType,
  c: CaseFacts,
  actor: CaseActor,
  now: Date,
): TransitionDecl[] {
  return type.transitions.filter((t) => canFire(type, c, actor, t.id, now).allowed);
}

/**
 * True when the case's current step belongs to the actor (it is in their 待办 queue).
 *
 * @example
 * ownsStep(GUARANTEE_LOAN, c, bankOfficer, 'case.work') // true while the bank reviews
 */
export function ownsStep(
  type: CaseType,
  c: Pick<CaseFacts, 'state' | 'regionCode' | 'routing'>,
  actor: CaseActor,
  permission: string,
): boolean {
  const owner = type.states[c.state]?.owner ?? [];
  return owner.some((r) => matchesRule(r, actor, permission, c));
}

/**
 * How the owner of a state lands in the database row: the organisation that owns it through
 * routing (at most one per state) and whether region officers own it.
 *
 * @example
 * stepOwner(GUARANTEE_LOAN, 'bank_review', { bankOrgId: 'b1' }) // { orgId: 'b1', region: false }
 */
export function stepOwner(
  type: CaseType,
  state: string,
  routing: Readonly<Record<string, string | null>>,
): { orgId: string | null; region: boolean } {
  const owner = type.states[state]?.owner ?? [];
  const org = owner.find((r) => r.kind === 'org');
  return {
    orgId: org && org.kind === 'org' ? (routing[org.route] ?? null) : null,
    region: owner.some((r) => r.kind === 'region'),
  };
}
