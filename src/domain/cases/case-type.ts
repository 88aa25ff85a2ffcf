import type { z } from 'zod';
import type { Permission } from '../access/permissions.js';
import type { OrgType } from '../orgs/org-types.js';

/**
 * The vocabulary every case type (workflow) is declared in. A case type is data: its states,
 * the transitions between them, who may fire each one, the fields each one requires and each
 * state's time limit in working days. Guarantee loans declare one (guarantee-loan.ts); policies,
 * parks, services and 督办 declare theirs the same way and reuse the engine in src/server/programme/cases.
 */

/**
 * Who works a step or may fire a transition. Alternatives are OR-ed.
 *
 * - `region`: officers whose region-scoped grant carrying the permission covers the case's region
 *   (乡镇 / 县 service officers). Organisation-scoped grants never match this rule.
 * - `org`: the one organisation named by the case's routing field `route` (resolved when the case
 *   is created: the bank chosen on the file, the guarantee agency of the case's region), reached
 *   through an organisation-scoped grant carrying the permission; the organisation must be of
 *   type `orgType`.
 */
export type OwnerRule = { kind: 'region' } | { kind: 'org'; orgType: OrgType; route: string };

/**
 * How a routing field gets its organisation when a case is created.
 *
 * - `fileField`: the applicant or officer names it on the file (e.g. the bank chosen).
 * - `regionOrg`: the organisation of that type nearest above the case's region (the county's
 *   guarantee agency); null when the region has none.
 */
export type RoutingRule = { fileField: string; orgType: OrgType } | { regionOrg: OrgType };

export interface StateDecl {
  zh: string;
  en: string;
  /** Time limit of the step in working days on the official calendar; null for no limit. */
  limitDays: number | null;
  /** Where the limit comes from (issuing document, or 演示值 for an illustrative value). */
  limitSource?: string;
  terminal: boolean;
  /** Who works cases in this state: their queue shows them. Empty for terminal states. */
  owner: OwnerRule[];
}

/**
 * A condition on the case's data that must hold for a transition to be offered.
 * `equals`: `data[field] === value`; `daysSince`: at least `days` calendar days between the date
 * in `data[field]` (YYYY-MM-DD) and now.
 */
export type TransitionCondition =
  { field: string; equals: string | number | boolean } | { field: string; daysSince: number };

export interface TransitionDecl {
  /** Stable id, e.g. `accept`. */
  id: string;
  from: readonly string[];
  to: string;
  zh: string;
  en: string;
  permission: Permission;
  /** Who may fire it; defaults to the owner of the state it leaves. */
  by?: OwnerRule[];
  /** Fields the transition requires; their values are recorded and merged into the case data. */
  fields?: z.ZodObject;
  /** Refusal and withdrawal: a written reason is required. */
  needsReason?: boolean;
  /** All must hold. */
  when?: TransitionCondition[];
}

export interface CaseType {
  code: string;
  zh: string;
  en: string;
  initial: string;
  states: Readonly<Record<string, StateDecl>>;
  transitions: readonly TransitionDecl[];
  /** Routing fields by name, resolved at creation. */
  routing: Readonly<Record<string, RoutingRule>>;
  /** The states a step bar shows, in order: the usual path of a case (side states left out). */
  stepBar: readonly string[];
  /** Display names of the data fields (creation and transition fields), for forms and detail. */
  fieldNames: Readonly<Record<string, { zh: string; en: string }>>;
  /** The data a new case must carry (validated at creation). */
  createFields: z.ZodObject;
}

/** The case as the rules see it. */
export interface CaseFacts {
  state: string;
  regionCode: string;
  routing: Readonly<Record<string, string | null>>;
  data: Readonly<Record<string, unknown>>;
}

/** One grant of the acting user, with the type of its organisation when organisation-scoped. */
export interface CaseGrant {
  permissions: ReadonlySet<string>;
  scopeType: 'region' | 'org' | 'park';
  regionCode: string;
  orgId: string | null;
  orgType: string | null;
}

export interface CaseActor {
  grants: readonly CaseGrant[];
}
