import { eq } from 'drizzle-orm';
import { encrypt } from '../server/platform/crypto/keys.js';
import { grantRequests } from '../server/access/grant-requests/table.js';
import { roleAssignments, users } from '../server/access/users/table.js';
import { FENGJIE, TEST_PASSWORD, type TestApp } from './harness.js';
import { entityLinks } from '../server/ledger/entities/table.js';
import { personConsents } from '../server/ledger/people/table.js';
import {
  creditCodeFor,
  entityBody,
  idNumberFor,
  mobileFor,
  personBody,
} from './ledger-factories.js';

/**
 * The route-permission matrix: every API route with the roles that may use it and what a
 * holder of such a role gets outside their scope. The matrix test fails when a route exists
 * without an entry here, or an entry names a route that no longer exists.
 */

export type OutOfScope =
  /** The record is reported as not existing. */
  | 404
  /** A write aimed outside the actor's scope is refused with SCOPE_OUTSIDE_OWN. */
  | 403
  /** A list: the out-of-scope user gets 200 without the in-scope record. */
  | 'filtered'
  /** No scoped data behind the route; the reason is written down. */
  | { none: string };

export interface Fixture {
  t: TestApp;
  counter: number;
  /** A fresh organisation in 奉节县, version 1. */
  newOrg(): Promise<string>;
  /** A fresh account in 奉节县. */
  newUser(): Promise<string>;
  inScopeOrgId: string;
  inScopeUserId: string;
  /** A fresh person in 兴隆镇 (奉节县), version 1. */
  newPerson(): Promise<string>;
  /** A fresh market entity in 兴隆镇, tenant of the in-scope park, version 1. */
  newEntity(): Promise<string>;
  /** A person in 兴隆镇 whose name and skills hold the list marker 矩阵标记. */
  inScopePersonId: string;
  /** An entity in 兴隆镇 and the in-scope park whose products hold the marker 矩阵标记. */
  inScopeEntityId: string;
  /** The in-scope bank: the bank_reviewer's organisation, chosen on guarantee-loan files. */
  caseBankOrgId: string;
  /** A fresh guarantee-loan case in 兴隆镇 routed to the in-scope bank, at `state`, version 1. */
  newCase(state?: string): Promise<{ id: string; version: number }>;
  /** A fresh case (as newCase) with one stored PDF material. */
  newCaseAttachment(): Promise<{ caseId: string; attachmentId: string }>;
}

export interface RouteCase {
  /** `METHOD /api/url` exactly as registered. */
  route: string;
  /**
   * Roles allowed in scope; 'public' for no session, 'session' for any logged-in user,
   * 'entrepreneur' for the portal's own session only (every staff session is refused with 401).
   */
  roles: string[] | 'public' | 'session' | 'entrepreneur';
  /**
   * Builds one in-scope request (called afresh for each attempt). `role` is the role of the
   * caller when known: a route whose success depends on who asks (a case step belongs to one
   * organisation) builds the request that role may make.
   */
  request: (fx: Fixture, role?: string) => Promise<{ url: string; body?: unknown }>;
  outOfScope: OutOfScope;
  /** For 'filtered': a string that must not appear in the out-of-scope answer. */
  marker?: (fx: Fixture) => string;
  /**
   * The audit record a successful request leaves (its service's own, never the edge's fallback).
   * Required for every state-changing route; a GET that writes one (an export) declares it too.
   */
  audit?: ExpectedAudit;
}

/** What the matrix knows about one successful request, to name the audited object's id. */
export interface SentRequest {
  /** The route's path parameters, decoded from the URL. */
  params: Record<string, string>;
  // The request and response bodies as JSON: each entry reads the fields it knows are there.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  response: any;
}

/** The audit record a successful request must leave. */
export interface ExpectedAudit {
  /** The record's action (a pattern where the service picks one, e.g. create or update). */
  action: string | RegExp;
  /** The record's object type. */
  object: string;
  /** The audited object's id, where the route targets or creates one. */
  id?: (r: SentRequest) => string | undefined;
  /** Fields the record names as changed (`details.fields`, or the keys of `details.changed`). */
  fields?: string[];
}

const ALL = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'leading_office',
  'county_officer',
  'township_officer',
  'dept_staff',
  'finance_staff',
  'guarantee_reviewer',
  'bank_reviewer',
  'park_operator',
  'mentor',
  'entrepreneur',
];
const ORG_READERS = [
  'sys_admin',
  'leading_office',
  'county_officer',
  'township_officer',
  'dept_staff',
  'finance_staff',
  'guarantee_reviewer',
  'bank_reviewer',
  'park_operator',
];
const fixed = (url: string, body?: unknown) => () => Promise.resolve({ url, body });
/** Fresh years and start dates for the calendar and loan-product writes (each may succeed once). */
let calendarYearSeq = 0;
let productDateSeq = 0;
const nextCalendarYear = () => 2030 + (calendarYearSeq++ % 70);
const nextProductDate = () =>
  new Date(Date.UTC(2030, 0, 1) + 86_400_000 * productDateSeq++).toISOString().slice(0, 10);

/** Queues a people import job in 奉节县's scope and requests the URL `url` builds from its id. */
const withImportJob =
  (url: (jobId: string) => string): RouteCase['request'] =>
  async (fx) => {
    const { insertJob } = await import('../server/platform/jobs/repo.js');
    const access = { permission: 'ledger.import', scopeRoots: [FENGJIE] };
    const id = await insertJob(fx.t.database.db, {
      kind: 'ledger.import.people',
      params: { access },
      createdBy: null,
      now: fx.t.clock.read(),
    });
    return { url: url(id) };
  };
const PERSON_READERS = ['leading_office', 'county_officer', 'township_officer', 'dept_staff'];
const ENTITY_READERS = [...PERSON_READERS, 'park_operator'];
const LEDGER_WRITERS = ['county_officer', 'township_officer'];
/** Text in the in-scope person's and entity's search fields, so lists can be narrowed to them. */
const MARKER = encodeURIComponent('矩阵标记');
const own = { none: 'acts on the caller’s own session only' };
const catalog = { none: 'a catalog with no scoped data' };
const portalOwn = { none: 'the entrepreneur’s own account and records only' };

const CASE_READERS = [
  'leading_office',
  'county_officer',
  'township_officer',
  'dept_staff',
  'guarantee_reviewer',
  'bank_reviewer',
];
/** Who files and moves cases in the matrix: region officers (受理), the routed guarantee agency and bank. */
const CASE_WORKERS = [
  'county_officer',
  'township_officer',
  'dept_staff',
  'guarantee_reviewer',
  'bank_reviewer',
];
const CASE_FILERS = ['county_officer', 'township_officer', 'dept_staff'];
/**
 * A transition the role may fire on a fresh case: the bank approves a file at its step, region
 * officers (and anyone else, who is refused before the case matters) accept one at intake.
 */
const caseStepFor = async (fx: Fixture, role?: string) => {
  if (role === 'guarantee_reviewer') {
    const c = await fx.newCase('guarantee_review');
    return {
      url: `/api/cases/${c.id}/transitions`,
      body: { transition: 'guarantee_approve', version: c.version, comment: '同意担保' },
    };
  }
  if (role === 'bank_reviewer') {
    const c = await fx.newCase('bank_review');
    return {
      url: `/api/cases/${c.id}/transitions`,
      body: {
        transition: 'bank_approve',
        version: c.version,
        fields: { approvedAmountFen: 10_000_000, approvedTermMonths: 24 },
        comment: '同意',
      },
    };
  }
  const c = await fx.newCase('submitted');
  return {
    url: `/api/cases/${c.id}/transitions`,
    body: { transition: 'accept', version: c.version, comment: '材料齐全' },
  };
};

const SUBSIDY_READERS = ['leading_office', 'dept_staff', 'finance_staff'];
/** Who sees the guarantee fund (fund.read): the office, members, finance and the guarantee agency. */
const FUND_READERS = ['leading_office', 'dept_staff', 'finance_staff', 'guarantee_reviewer'];
let claimQuarterSeq = 0;

/** A fresh 贴息 claim of 奉节县 for the in-scope bank (due 10,000 fen, one line). */
async function newClaim(fx: Fixture): Promise<string> {
  const { subsidyClaims, subsidyClaimLines } = await import('../server/programme/loans/table.js');
  const caseId = await newLoan(fx, 'repaying');
  const db = fx.t.database.db;
  const [c] = await db
    .insert(subsidyClaims)
    .values({
      quarter: `${2100 + fx.counter++}-Q1`,
      regionCode: FENGJIE,
      bankOrgId: fx.caseBankOrgId,
      dueFen: 10_000,
      createdAt: fx.t.clock.read(),
    })
    .returning({ id: subsidyClaims.id });
  await db.insert(subsidyClaimLines).values({
    claimId: c!.id,
    caseId,
    regionCode: '500236128000',
    dueFen: 10_000,
  });
  return c!.id;
}

/** A console loan application for `personId` (10万, 24 months, declared 城镇登记失业人员). */
export function loanApplicationBody(personId: string, bankOrgId: string) {
  return {
    kind: 'individual',
    personId,
    amountFen: 10_000_000,
    termMonths: 24,
    purpose: '扩大柑橘种植',
    collateral: 'forest_rights',
    declarations: { confirmed: true, otherLoans: [], declaredGroups: ['urban_unemployed'] },
    bankOrgId,
  };
}

/** A fresh guarantee-loan case at `state` with its application and (once disbursed) a schedule. */
async function newLoan(fx: Fixture, state: string): Promise<string> {
  const { loanApplications, loanSchedules } = await import('../server/programme/loans/table.js');
  const { repaymentSchedule } = await import('../domain/loans/schedule.js');
  const { id } = await fx.newCase(state);
  const db = fx.t.database.db;
  const now = fx.t.clock.read();
  await db.insert(loanApplications).values({
    caseId: id,
    kind: 'individual',
    amountFen: 10_000_000,
    termMonths: 24,
    purpose: '扩大柑橘种植',
    collateral: 'forest_rights',
    declarations: { confirmed: true, otherLoans: [], declaredGroups: [] },
    eligibility: {
      eligible: true,
      conditions: [],
      counterGuarantee: { required: true, ground: 'product_rule', zh: '', en: '' },
    },
    greenChannel: false,
    bankOrgId: fx.caseBankOrgId,
    productDate: '2026-01-15',
    createdAt: now,
  });
  if (state === 'repaying' || state === 'overdue') {
    const installments = repaymentSchedule({
      principalFen: 10_000_000,
      annualRateBp: 345,
      subsidyBp: 150,
      termMonths: 24,
      startDate: '2026-01-15',
      method: 'bullet',
    });
    await db.insert(loanSchedules).values({
      caseId: id,
      revision: 1,
      reason: 'disbursement',
      principalFen: 10_000_000,
      annualRateBp: 345,
      subsidyBp: 150,
      startDate: '2026-01-15',
      maturityOn: installments.at(-1)!.dueDate,
      installments,
      createdAt: now,
    });
  }
  return id;
}

/** A fresh portal account's pending claim on a fresh person in 兴隆镇 (奉节县). */
async function newPortalRequest(fx: Fixture): Promise<string> {
  const { sealPhone } = await import('../server/ledger/people/sealed.js');
  const { portalAccounts } = await import('../server/portal/accounts/table.js');
  const { portalRequests } = await import('../server/portal/requests/table.js');
  const db = fx.t.database.db;
  const now = fx.t.clock.read();
  const phone = sealPhone(fx.t.deps.keys, mobileFor());
  const [account] = await db
    .insert(portalAccounts)
    .values({
      mobileEnc: phone.enc,
      mobileBidx: phone.bidx,
      mobileMask: phone.mask,
      passwordHash: 'x',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: portalAccounts.id });
  const [request] = await db
    .insert(portalRequests)
    .values({
      accountId: account!.id,
      objectType: 'person',
      kind: 'claim',
      objectId: await fx.newPerson(),
      regionCode: '500236128000',
      proposed: { name: '矩阵认领' },
      createdAt: now,
    })
    .returning({ id: portalRequests.id });
  return request!.id;
}

/**
 * Security settings that differ from every earlier request's (refused ones included), so each
 * successful save changes a field.
 */
let settingsCount = 0;
const SETTINGS = () => {
  settingsCount += 1;
  return {
    lockoutThreshold: 5,
    idleMinutes: 30,
    absoluteHours: 12,
    passwordMinLength: 8,
    passwordMinClasses: 3,
    lockoutMinutes: 31 + (settingsCount % 1400),
  };
};

/** A fresh account in 奉节县 with its own mobile number on record, so a reset can reach it. */
async function newUserWithMobile(fx: Fixture): Promise<string> {
  const id = await fx.newUser();
  await fx.t.database.db
    .update(users)
    .set({ mobileEnc: encrypt(fx.t.deps.keys, '13800000000'), mobileMask: '138****0000' })
    .where(eq(users.id, id));
  return id;
}

/** A fresh pending request to make a fresh 奉节县 account a county officer of 奉节县. */
async function newGrantRequest(fx: Fixture): Promise<string> {
  const userId = await fx.newUser();
  const [r] = await fx.t.database.db
    .insert(grantRequests)
    .values({
      userId,
      roleCode: 'county_officer',
      scopeType: 'region',
      scopeRegion: FENGJIE,
      regionCode: FENGJIE,
      requestedBy: fx.inScopeUserId,
      requestedAt: fx.t.clock.read(),
    })
    .returning({ id: grantRequests.id });
  return r!.id;
}

/** The request the list must show in scope and hide outside it: one per fixture. */
const LISTED_REQUESTS = new WeakMap<Fixture, string>();
async function listedGrantRequest(fx: Fixture): Promise<void> {
  if (!LISTED_REQUESTS.has(fx)) LISTED_REQUESTS.set(fx, await newGrantRequest(fx));
}

export const ROUTE_CASES: RouteCase[] = [
  {
    route: 'GET /api/openapi.json',
    roles: 'public',
    request: fixed('/api/openapi.json'),
    outOfScope: catalog,
  },
  { route: 'GET /api/health', roles: 'public', request: fixed('/api/health'), outOfScope: catalog },
  { route: 'GET /api/ready', roles: 'public', request: fixed('/api/ready'), outOfScope: catalog },
  { route: 'GET /api/meta', roles: 'public', request: fixed('/api/meta'), outOfScope: catalog },
  {
    route: 'POST /api/auth/login',
    roles: 'public',
    request: fixed('/api/auth/login', { login: 'nobody', password: 'x' }),
    audit: { action: 'auth.login', object: 'session' },
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/logout',
    roles: 'session',
    request: fixed('/api/auth/logout'),
    audit: { action: 'auth.logout', object: 'session' },
    outOfScope: own,
  },
  {
    route: 'GET /api/auth/session',
    roles: 'session',
    request: fixed('/api/auth/session'),
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/password',
    roles: 'session',
    request: fixed('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Kuimen#Gate2026',
    }),
    audit: { action: 'auth.password_change', object: 'user' },
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/mobile',
    roles: 'session',
    request: fixed('/api/auth/mobile', { mobile: '13800000000', currentPassword: TEST_PASSWORD }),
    audit: { action: 'auth.mobile_change', object: 'user' },
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/setup',
    roles: 'session',
    request: fixed('/api/auth/totp/setup', { currentPassword: TEST_PASSWORD }),
    audit: { action: 'auth.totp_setup', object: 'user' },
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/confirm',
    roles: 'session',
    request: fixed('/api/auth/totp/confirm', { code: '000000' }),
    audit: { action: 'auth.totp_enable', object: 'user' },
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/verify',
    roles: 'session',
    request: fixed('/api/auth/totp/verify', { code: '000000' }),
    audit: { action: 'auth.totp_verify', object: 'session' },
    outOfScope: own,
  },

  {
    route: 'GET /api/regions',
    roles: ALL,
    request: fixed('/api/regions?q=奉节'),
    outOfScope: 'filtered',
    marker: () => FENGJIE,
  },
  {
    route: 'GET /api/regions/:code',
    roles: ALL,
    request: fixed(`/api/regions/${FENGJIE}`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/regions/:code/children',
    roles: ALL,
    request: fixed(`/api/regions/${FENGJIE}/children`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/regions/:code/path',
    roles: ALL,
    request: fixed(`/api/regions/${FENGJIE}/path`),
    outOfScope: 404,
  },

  {
    route: 'GET /api/org-types',
    roles: ORG_READERS,
    request: fixed('/api/org-types'),
    outOfScope: catalog,
  },
  {
    route: 'GET /api/orgs',
    roles: ORG_READERS,
    request: fixed('/api/orgs?pageSize=200'),
    outOfScope: 'filtered',
    marker: (fx) => fx.inScopeOrgId,
  },
  {
    route: 'GET /api/orgs/:id',
    roles: ORG_READERS,
    request: async (fx) => ({ url: `/api/orgs/${fx.inScopeOrgId}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/orgs',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: '/api/orgs',
      body: { name: `奉节县测试机构${++fx.counter}`, type: 'department', regionCode: FENGJIE },
    }),
    audit: { action: 'org.create', object: 'organisation', id: (r) => String(r.response.id) },
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/orgs/:id',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/orgs/${await fx.newOrg()}`,
      body: { name: `改名机构${++fx.counter}`, version: 1 },
    }),
    audit: {
      action: 'org.update',
      object: 'organisation',
      id: (r) => r.params.id,
      fields: ['name'],
    },
    outOfScope: 404,
  },

  {
    route: 'GET /api/roles',
    roles: ['sys_admin'],
    request: fixed('/api/roles'),
    outOfScope: catalog,
  },
  {
    route: 'GET /api/permissions',
    roles: ['sys_admin'],
    request: fixed('/api/permissions'),
    outOfScope: catalog,
  },
  {
    route: 'POST /api/roles',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: '/api/roles',
      body: {
        code: `matrix_role_${++fx.counter}`,
        nameZh: '测试角色',
        nameEn: 'Test role',
        permissions: ['person.read'],
        scopeTypes: ['region'],
      },
    }),
    audit: { action: 'role.create', object: 'role', id: (r) => String(r.body.code) },
    outOfScope: 403,
  },

  {
    route: 'GET /api/users',
    roles: ['sys_admin'],
    request: fixed('/api/users?pageSize=200'),
    outOfScope: 'filtered',
    marker: (fx) => fx.inScopeUserId,
  },
  {
    route: 'GET /api/users/:id',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${fx.inScopeUserId}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/users',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: '/api/users',
      body: { login: `matrix${++fx.counter}`, displayName: '测试用户', regionCode: FENGJIE },
    }),
    audit: { action: 'user.create', object: 'user', id: (r) => String(r.response.user.id) },
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/users/:id',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/users/${await fx.newUser()}`,
      body: { displayName: '改名', version: 1 },
    }),
    audit: {
      action: 'user.update',
      object: 'user',
      id: (r) => r.params.id,
      fields: ['displayName'],
    },
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/disable',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/disable` }),
    audit: { action: 'user.disable', object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/enable',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/enable` }),
    audit: { action: 'user.enable', object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/reset-password',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await newUserWithMobile(fx)}/reset-password` }),
    audit: { action: 'user.reset_password', object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/grants',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/users/${await fx.newUser()}/grants`,
      body: { roleCode: 'county_officer', scopeType: 'region', regionCode: FENGJIE },
    }),
    // county_officer carries person.unmask: the grant waits for the security administrator.
    audit: { action: /^user\.grant(_request)?$/, object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'DELETE /api/users/:id/grants/:grantId',
    roles: ['sys_admin'],
    request: async (fx) => {
      const userId = await fx.newUser();
      const [g] = await fx.t.database.db
        .insert(roleAssignments)
        .values({ userId, roleCode: 'mentor', scopeType: 'region', scopeRegion: FENGJIE })
        .returning({ id: roleAssignments.id });
      return { url: `/api/users/${userId}/grants/${g!.id}` };
    },
    audit: { action: 'user.revoke', object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },

  {
    route: 'GET /api/grant-requests',
    roles: ['sys_admin', 'sec_admin'],
    request: async (fx) => {
      await listedGrantRequest(fx);
      return { url: '/api/grant-requests?pageSize=200' };
    },
    outOfScope: 'filtered',
    marker: (fx) => LISTED_REQUESTS.get(fx) ?? '\u0000',
  },
  {
    route: 'POST /api/grant-requests/:id/approve',
    roles: ['sec_admin'],
    request: async (fx) => ({ url: `/api/grant-requests/${await newGrantRequest(fx)}/approve` }),
    audit: { action: 'user.grant_approve', object: 'user' },
    outOfScope: 404,
  },
  {
    route: 'POST /api/grant-requests/:id/reject',
    roles: ['sec_admin'],
    request: async (fx) => ({
      url: `/api/grant-requests/${await newGrantRequest(fx)}/reject`,
      body: { reason: '矩阵测试驳回' },
    }),
    audit: { action: 'user.grant_reject', object: 'user' },
    outOfScope: 404,
  },

  {
    route: 'GET /api/security/settings',
    roles: ['sec_admin'],
    request: fixed('/api/security/settings'),
    outOfScope: { none: 'deployment-wide settings, readable by any security administrator' },
  },
  {
    route: 'PUT /api/security/settings',
    roles: ['sec_admin'],
    request: () => Promise.resolve({ url: '/api/security/settings', body: SETTINGS() }),
    audit: {
      action: 'security.settings_update',
      object: 'settings',
      id: () => 'security',
      fields: ['lockoutMinutes'],
    },
    outOfScope: 403,
  },
  {
    route: 'GET /api/security/locked-users',
    roles: ['sec_admin'],
    request: fixed('/api/security/locked-users'),
    outOfScope: 'filtered',
    marker: () => FENGJIE,
  },
  {
    route: 'POST /api/users/:id/unlock',
    roles: ['sec_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/unlock` }),
    audit: { action: 'user.unlock', object: 'user', id: (r) => r.params.id },
    outOfScope: 404,
  },

  // people & entities routes (ledger API)
  {
    route: 'GET /api/people',
    roles: PERSON_READERS,
    request: fixed(`/api/people?q=${MARKER}`),
    outOfScope: 'filtered',
    marker: (fx) => fx.inScopePersonId,
  },
  {
    route: 'GET /api/people/:id',
    roles: PERSON_READERS,
    request: async (fx) => ({ url: `/api/people/${fx.inScopePersonId}` }),
    outOfScope: 404,
  },
  {
    route: 'GET /api/people/:id/history',
    roles: PERSON_READERS,
    request: async (fx) => ({ url: `/api/people/${fx.inScopePersonId}/history` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/people',
    roles: LEDGER_WRITERS,
    request: async () => ({ url: '/api/people', body: personBody() }),
    audit: { action: 'person.create', object: 'person', id: (r) => String(r.response.id) },
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/people/:id',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/people/${await fx.newPerson()}`,
      body: { skills: '矩阵修改', version: 1 },
    }),
    audit: {
      action: 'person.update',
      object: 'person',
      id: (r) => r.params.id,
      fields: ['skills'],
    },
    outOfScope: 404,
  },
  {
    route: 'POST /api/people/:id/unmask',
    roles: ['county_officer'],
    request: async (fx) => ({
      url: `/api/people/${fx.inScopePersonId}/unmask`,
      body: { reason: '矩阵测试核验身份', fields: ['idNumber', 'mobile'] },
    }),
    audit: {
      action: 'person.unmask',
      object: 'person',
      id: (r) => r.params.id,
      fields: ['idNumber', 'mobile'],
    },
    outOfScope: 404,
  },
  {
    route: 'POST /api/people/:id/merge',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/people/${await fx.newPerson()}/merge`,
      body: { duplicateId: await fx.newPerson(), version: 1 },
    }),
    audit: { action: 'person.merge', object: 'person', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/people/:id/consents',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/people/${fx.inScopePersonId}/consents`,
      body: { purpose: 'policy_push', grantedTo: '奉节县人社局' },
    }),
    audit: { action: 'person.consent', object: 'person', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/people/:id/consents/:consentId/withdraw',
    roles: LEDGER_WRITERS,
    request: async (fx) => {
      const personId = fx.inScopePersonId;
      const [c] = await fx.t.database.db
        .insert(personConsents)
        .values({
          personId,
          purpose: 'contact',
          grantedTo: '兴隆镇政府',
          grantedAt: fx.t.clock.read(),
        })
        .returning({ id: personConsents.id });
      return { url: `/api/people/${personId}/consents/${c!.id}/withdraw` };
    },
    audit: { action: 'person.consent_withdraw', object: 'person', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'GET /api/entities',
    roles: ENTITY_READERS,
    request: fixed(`/api/entities?q=${MARKER}`),
    outOfScope: 'filtered',
    marker: (fx) => fx.inScopeEntityId,
  },
  {
    route: 'GET /api/entities/:id',
    roles: ENTITY_READERS,
    request: async (fx) => ({ url: `/api/entities/${fx.inScopeEntityId}` }),
    outOfScope: 404,
  },
  {
    route: 'GET /api/entities/:id/history',
    roles: ENTITY_READERS,
    request: async (fx) => ({ url: `/api/entities/${fx.inScopeEntityId}/history` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/entities',
    roles: LEDGER_WRITERS,
    request: async () => ({ url: '/api/entities', body: entityBody() }),
    audit: { action: 'entity.create', object: 'entity', id: (r) => String(r.response.id) },
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/entities/:id',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/entities/${await fx.newEntity()}`,
      body: { products: '矩阵修改', version: 1 },
    }),
    audit: {
      action: 'entity.update',
      object: 'entity',
      id: (r) => r.params.id,
      fields: ['products'],
    },
    outOfScope: 404,
  },
  {
    route: 'POST /api/entities/:id/merge',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/entities/${await fx.newEntity()}/merge`,
      body: { duplicateId: await fx.newEntity(), version: 1 },
    }),
    audit: { action: 'entity.merge', object: 'entity', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/entities/:id/links',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/entities/${await fx.newEntity()}/links`,
      body: { personId: fx.inScopePersonId, role: 'founder' },
    }),
    audit: { action: 'entity.link', object: 'entity', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'DELETE /api/entities/:id/links/:linkId',
    roles: LEDGER_WRITERS,
    request: async (fx) => {
      const entityId = await fx.newEntity();
      const [l] = await fx.t.database.db
        .insert(entityLinks)
        .values({
          entityId,
          personId: fx.inScopePersonId,
          role: 'core_member',
          createdAt: fx.t.clock.read(),
        })
        .returning({ id: entityLinks.id });
      return { url: `/api/entities/${entityId}/links/${l!.id}` };
    },
    audit: { action: 'entity.unlink', object: 'entity', id: (r) => r.params.id },
    outOfScope: 404,
  },

  // import & export routes (ledger jobs)
  {
    route: 'GET /api/ledger/templates/people.xlsx',
    roles: ['county_officer', 'township_officer'],
    request: fixed('/api/ledger/templates/people.xlsx'),
    outOfScope: catalog,
  },
  {
    route: 'GET /api/ledger/templates/entities.xlsx',
    roles: ['county_officer', 'township_officer'],
    request: fixed('/api/ledger/templates/entities.xlsx'),
    outOfScope: catalog,
  },
  {
    route: 'POST /api/ledger/imports',
    roles: ['county_officer', 'township_officer'],
    request: fixed('/api/ledger/imports?kind=people', '姓名,身份证号,手机号\n'),
    audit: { action: 'ledger.import', object: 'job', id: (r) => String(r.response.jobId) },
    outOfScope: {
      none: 'the job checks every row against the importer’s scope and reports rows outside it (ledger-import tests)',
    },
  },
  {
    route: 'GET /api/jobs/:id',
    roles: ['county_officer', 'township_officer'],
    request: withImportJob((id) => `/api/jobs/${id}`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/ledger/imports/:jobId/errors.xlsx',
    roles: ['county_officer', 'township_officer'],
    request: withImportJob((id) => `/api/ledger/imports/${id}/errors.xlsx`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/ledger/imports',
    roles: ['county_officer', 'township_officer'],
    request: fixed('/api/ledger/imports'),
    outOfScope: { none: 'lists only the caller’s own import jobs (ledger-import tests)' },
  },
  {
    route: 'GET /api/ledger/imports/:jobId/errors',
    roles: ['county_officer', 'township_officer'],
    request: withImportJob((id) => `/api/ledger/imports/${id}/errors`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/ledger/exports/people.xlsx',
    roles: ['leading_office', 'county_officer', 'township_officer'],
    request: fixed('/api/ledger/exports/people.xlsx'),
    audit: { action: 'person.export', object: 'person' },
    outOfScope: {
      none: 'a file download: rows outside the actor’s scope are left out (ledger-export tests)',
    },
  },
  {
    route: 'GET /api/ledger/exports/entities.xlsx',
    roles: ['leading_office', 'county_officer', 'township_officer'],
    request: fixed('/api/ledger/exports/entities.xlsx'),
    audit: { action: 'entity.export', object: 'entity' },
    outOfScope: {
      none: 'a file download: rows outside the actor’s scope are left out (ledger-export tests)',
    },
  },

  // official calendar and loan products
  {
    route: 'GET /api/calendar-days',
    roles: ALL,
    request: fixed('/api/calendar-days?year=2025'),
    outOfScope: { none: 'the national holiday calendar, public information' },
  },
  {
    route: 'POST /api/calendar-days',
    roles: ['sys_admin'],
    request: () => {
      const year = nextCalendarYear();
      return Promise.resolve({
        url: '/api/calendar-days',
        body: {
          year,
          source: '国务院办公厅关于部分节假日安排的通知（矩阵测试）',
          days: [{ date: `${year}-01-01`, kind: 'holiday', name: '元旦' }],
        },
      });
    },
    audit: { action: 'calendar.add_year', object: 'calendar_year', id: (r) => String(r.body.year) },
    outOfScope: 403,
  },
  {
    route: 'GET /api/loan-products/:product',
    roles: [
      'leading_office',
      'county_officer',
      'township_officer',
      'dept_staff',
      'finance_staff',
      'guarantee_reviewer',
      'bank_reviewer',
    ],
    request: fixed(`/api/loan-products/startup_guarantee?region=${FENGJIE}&date=2025-06-01`),
    outOfScope: 404,
  },
  {
    route: 'POST /api/loan-products/:product/values',
    roles: ['leading_office'],
    request: () =>
      Promise.resolve({
        url: '/api/loan-products/startup_guarantee/values',
        body: {
          key: 'green_channel',
          regionCode: FENGJIE,
          validFrom: nextProductDate(),
          value: true,
          source: '奉节县矩阵测试文件',
          illustrative: true,
        },
      }),
    audit: {
      action: 'loan_product.value_add',
      object: 'loan_product_value',
      id: (r) => String(r.response.id),
    },
    outOfScope: 403,
  },

  // stats, targets & dashboards routes
  {
    route: 'GET /api/targets',
    roles: ['leading_office', 'county_officer', 'township_officer', 'dept_staff', 'finance_staff'],
    request: fixed(`/api/targets?region=${FENGJIE}&year=2025`),
    outOfScope: 404,
  },
  {
    route: 'PUT /api/targets/:region/:year/:indicator',
    roles: ['leading_office'],
    request: fixed(`/api/targets/${FENGJIE}/2025/workshops`, { value: 80 }),
    audit: {
      action: 'target.set',
      object: 'target',
      id: (r) => `${r.params.region}/${r.params.year}/${r.params.indicator}`,
    },
    outOfScope: 403,
  },
  {
    route: 'POST /api/targets/:region/:year/:indicator/split',
    roles: ['leading_office'],
    request: async (fx) => {
      const { targets } = await import('../server/statistics/targets/table.js');
      const now = fx.t.clock.read();
      await fx.t.database.db
        .insert(targets)
        .values({
          regionCode: FENGJIE,
          year: 2024,
          indicator: 'above_scale',
          value: '15',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing();
      return {
        url: `/api/targets/${FENGJIE}/2024/above_scale/split`,
        body: { children: [{ regionCode: '500236128000', value: 3 }] },
      };
    },
    audit: {
      action: 'target.split',
      object: 'target',
      id: (r) => `${r.params.region}/${r.params.year}/${r.params.indicator}`,
    },
    outOfScope: 403,
  },
  {
    route: 'GET /api/dashboards/:regionCode',
    roles: ['leading_office', 'county_officer', 'township_officer', 'dept_staff', 'finance_staff'],
    request: fixed(`/api/dashboards/${FENGJIE}?year=2025`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/dashboards/:regionCode/children',
    roles: ['leading_office', 'county_officer', 'township_officer', 'dept_staff', 'finance_staff'],
    request: fixed(`/api/dashboards/${FENGJIE}/children?indicator=workshops`),
    outOfScope: 404,
  },
  {
    route: 'GET /api/dashboards/:regionCode/export.xlsx',
    roles: ['leading_office', 'county_officer', 'township_officer'],
    request: fixed(`/api/dashboards/${FENGJIE}/export.xlsx?year=2025&quarter=3`),
    audit: { action: 'dashboard.export', object: 'region', id: (r) => r.params.regionCode },
    outOfScope: 404,
  },

  {
    route: 'GET /api/audit',
    roles: ['audit_admin'],
    request: fixed('/api/audit'),
    outOfScope: 403,
  },
  {
    route: 'GET /api/audit/verify',
    roles: ['audit_admin'],
    request: fixed('/api/audit/verify'),
    outOfScope: 403,
  },

  // Cases (办件) of every case type (src/server/programme/cases).
  {
    route: 'GET /api/cases/types',
    roles: CASE_READERS,
    request: fixed('/api/cases/types'),
    outOfScope: catalog,
  },
  {
    route: 'GET /api/cases/queue',
    roles: CASE_READERS,
    request: fixed('/api/cases/queue?tab=todo'),
    // Each actor's own queue; which cases it holds is tested in src/server/programme/cases/cases.test.ts.
    outOfScope: 'filtered',
  },
  {
    route: 'POST /api/cases',
    roles: CASE_FILERS,
    request: async (fx) => ({
      url: '/api/cases',
      body: {
        type: 'guarantee-loan',
        regionCode: '500236128000',
        data: {
          amountFen: 10_000_000,
          termMonths: 24,
          purpose: '扩大柑橘种植',
          collateral: '林权',
          greenChannel: false,
          bankOrgId: fx.caseBankOrgId,
        },
        comment: '代申请人登记',
      },
    }),
    audit: { action: 'case.create', object: 'case', id: (r) => String(r.response.id) },
    outOfScope: 403,
  },
  {
    route: 'GET /api/cases/:id',
    roles: CASE_READERS,
    request: async (fx) => ({ url: `/api/cases/${(await fx.newCase()).id}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/cases/:id/transitions',
    roles: CASE_WORKERS,
    request: caseStepFor,
    audit: { action: 'case.transition', object: 'case', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'POST /api/cases/:id/attachments',
    roles: CASE_WORKERS,
    request: async (fx) => ({
      url: `/api/cases/${(await fx.newCase()).id}/attachments?name=${encodeURIComponent('营业执照.pdf')}`,
      body: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
    }),
    audit: { action: 'case.attach', object: 'case', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'GET /api/cases/:id/attachments/:attachmentId',
    roles: CASE_READERS,
    request: async (fx) => {
      const a = await fx.newCaseAttachment();
      return { url: `/api/cases/${a.caseId}/attachments/${a.attachmentId}` };
    },
    audit: { action: 'case.attachment_download', object: 'case', id: (r) => r.params.id },
    outOfScope: 404,
  },

  // Guarantee loans (src/server/programme/loans).
  {
    route: 'GET /api/loans/eligibility',
    roles: CASE_FILERS,
    request: async (fx) => ({
      url: `/api/loans/eligibility?personId=${await fx.newPerson()}&kind=individual&amountFen=10000000&termMonths=24`,
    }),
    outOfScope: 403,
  },
  {
    route: 'GET /api/loans/banks',
    roles: CASE_FILERS,
    request: fixed('/api/loans/banks?region=500236128000'),
    outOfScope: 403,
  },
  {
    route: 'POST /api/loans/applications',
    roles: CASE_FILERS,
    request: async (fx) => ({
      url: '/api/loans/applications',
      body: loanApplicationBody(await fx.newPerson(), fx.caseBankOrgId),
    }),
    audit: { action: 'loan.apply', object: 'case', id: (r) => String(r.response.caseId) },
    outOfScope: 403,
  },
  {
    route: 'GET /api/loans/:caseId',
    roles: CASE_READERS,
    request: async (fx) => ({ url: `/api/loans/${await newLoan(fx, 'repaying')}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/loans/:caseId/repayments',
    roles: ['bank_reviewer'],
    request: async (fx) => ({
      url: `/api/loans/${await newLoan(fx, 'repaying')}/repayments`,
      body: { paidOn: '2026-04-15', principalFen: 0, interestFen: 86_250 },
    }),
    audit: { action: 'loan.repayment', object: 'case', id: (r) => r.params.caseId },
    outOfScope: 404,
  },

  // 贴息 claims and the guarantee fund (src/server/programme/loans/finance-service.ts).
  {
    route: 'GET /api/subsidy-claims',
    roles: SUBSIDY_READERS,
    request: fixed('/api/subsidy-claims'),
    outOfScope: 'filtered',
  },
  {
    route: 'GET /api/subsidy-claims/summary',
    roles: SUBSIDY_READERS,
    request: fixed('/api/subsidy-claims/summary?by=county'),
    outOfScope: 'filtered',
  },
  {
    route: 'POST /api/subsidy-claims/build',
    roles: ['finance_staff'],
    request: () =>
      Promise.resolve({
        url: '/api/subsidy-claims/build',
        body: { quarter: `${2030 + (claimQuarterSeq++ % 60)}-Q1`, regionCode: FENGJIE },
      }),
    audit: { action: 'subsidy.claims_build', object: 'subsidy_claim' },
    outOfScope: 403,
  },
  {
    route: 'GET /api/subsidy-claims/:id',
    roles: SUBSIDY_READERS,
    request: async (fx) => ({ url: `/api/subsidy-claims/${await newClaim(fx)}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/subsidy-claims/:id/pay',
    roles: ['finance_staff'],
    request: async (fx) => ({
      url: `/api/subsidy-claims/${await newClaim(fx)}/pay`,
      body: { amountFen: 100, paidOn: '2026-11-20', document: '奉财社〔2026〕12号' },
    }),
    audit: { action: 'subsidy.pay', object: 'subsidy_claim', id: (r) => r.params.id },
    outOfScope: 404,
  },
  {
    route: 'GET /api/guarantee-fund',
    roles: FUND_READERS,
    request: fixed(`/api/guarantee-fund?region=${FENGJIE}`),
    outOfScope: 404,
  },
  {
    route: 'POST /api/guarantee-fund/deposits',
    roles: ['finance_staff'],
    request: fixed('/api/guarantee-fund/deposits', {
      regionCode: FENGJIE,
      source: 'fiscal',
      amountFen: 100_000_000,
      date: '2026-01-10',
      document: '奉财社〔2026〕3号',
    }),
    audit: { action: 'fund.deposit', object: 'guarantee_fund' },
    outOfScope: 403,
  },

  // Each reader's own notifications (src/server/outreach/notifications).
  {
    route: 'GET /api/notifications',
    roles: 'session',
    request: fixed('/api/notifications?unread=true'),
    outOfScope: {
      none: 'the caller’s own notifications only (notifications tests: another’s id is 404)',
    },
  },
  {
    route: 'POST /api/notifications/:id/read',
    roles: 'session',
    request: fixed('/api/notifications/00000000-0000-4000-8000-000000000000/read'),
    audit: { action: 'notification.read', object: 'notification' },
    outOfScope: {
      none: 'the caller’s own notifications only (notifications tests: another’s id is 404)',
    },
  },
  {
    route: 'POST /api/notifications/read-all',
    roles: 'session',
    request: fixed('/api/notifications/read-all'),
    audit: { action: 'notification.read_all', object: 'user' },
    outOfScope: own,
  },
  {
    route: 'GET /api/portal/notifications',
    roles: 'entrepreneur',
    request: fixed('/api/portal/notifications'),
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/notifications/:id/read',
    roles: 'entrepreneur',
    request: fixed('/api/portal/notifications/00000000-0000-4000-8000-000000000000/read'),
    audit: { action: 'portal.notification_read', object: 'notification' },
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/notifications/read-all',
    roles: 'entrepreneur',
    request: fixed('/api/portal/notifications/read-all'),
    audit: { action: 'portal.notification_read_all', object: 'portal_account' },
    outOfScope: portalOwn,
  },
  // Entrepreneurs' claims and change requests, decided by officers (src/server/portal/requests).
  {
    route: 'GET /api/portal-requests',
    roles: LEDGER_WRITERS,
    request: async (fx) => {
      await newPortalRequest(fx);
      return { url: '/api/portal-requests?state=pending' };
    },
    outOfScope: 'filtered',
    marker: () => '矩阵认领',
  },
  {
    route: 'GET /api/portal-requests/:id',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({ url: `/api/portal-requests/${await newPortalRequest(fx)}` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/portal-requests/:id/accept',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({ url: `/api/portal-requests/${await newPortalRequest(fx)}/accept` }),
    audit: { action: 'portal_request.accept', object: 'person' },
    outOfScope: 404,
  },
  {
    route: 'POST /api/portal-requests/:id/reject',
    roles: LEDGER_WRITERS,
    request: async (fx) => ({
      url: `/api/portal-requests/${await newPortalRequest(fx)}/reject`,
      body: { reason: '矩阵测试驳回' },
    }),
    audit: { action: 'portal_request.reject', object: 'person' },
    outOfScope: 404,
  },

  // The entrepreneurs' portal: its own principal; no staff role gets in (src/server/portal/accounts).
  {
    route: 'POST /api/portal/sms-codes',
    roles: 'public',
    request: () => Promise.resolve({ url: '/api/portal/sms-codes', body: { mobile: mobileFor() } }),
    audit: { action: 'portal.sms_send', object: 'sms_code' },
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/register',
    roles: 'public',
    request: () =>
      Promise.resolve({
        url: '/api/portal/register',
        body: { mobile: mobileFor(), code: '123456', password: 'Kuimen#Gate2026' },
      }),
    audit: { action: 'portal.register', object: 'portal_account' },
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/login',
    roles: 'public',
    request: fixed('/api/portal/login', { mobile: '13900000000', password: 'x' }),
    audit: { action: 'portal.login', object: 'portal_session' },
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/regions/:code/children',
    roles: 'public',
    request: fixed(`/api/portal/regions/${FENGJIE}/children`),
    outOfScope: { none: 'the public division tree' },
  },
  {
    route: 'GET /api/portal/dev/sms',
    roles: 'public',
    request: fixed('/api/portal/dev/sms'),
    outOfScope: { none: 'dev inbox: demo mode, loopback or security.manage only' },
  },
  {
    route: 'POST /api/portal/logout',
    roles: 'entrepreneur',
    request: fixed('/api/portal/logout'),
    audit: { action: 'portal.logout', object: 'portal_session' },
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/session',
    roles: 'entrepreneur',
    request: fixed('/api/portal/session'),
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/home',
    roles: 'entrepreneur',
    request: fixed('/api/portal/home'),
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/profile',
    roles: 'entrepreneur',
    request: fixed('/api/portal/profile'),
    outOfScope: portalOwn,
  },
  {
    route: 'PUT /api/portal/profile',
    roles: 'entrepreneur',
    request: () =>
      Promise.resolve({
        url: '/api/portal/profile',
        body: {
          name: '矩阵创业',
          idNumber: idNumberFor(),
          hukouRegionCode: '500236128000',
          currentRegionCode: '500236128000',
          categories: ['migrant_worker'],
          status: 'returned',
          education: 'senior',
        },
      }),
    audit: { action: /^portal\.profile_(create|link|update)$/, object: 'person' },
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/enterprise',
    roles: 'entrepreneur',
    request: fixed('/api/portal/enterprise'),
    outOfScope: portalOwn,
  },
  {
    route: 'PUT /api/portal/enterprise',
    roles: 'entrepreneur',
    request: () =>
      Promise.resolve({
        url: '/api/portal/enterprise',
        body: {
          name: '奉节县矩阵加工厂',
          creditCode: creditCodeFor(),
          type: 'enterprise',
          industryCode: '29',
          regionCode: '500236128000',
          foundedOn: '2024-06-18',
        },
      }),
    audit: { action: /^portal\.enterprise_(create|update)$/, object: 'entity' },
    outOfScope: portalOwn,
  },
  // 创业担保贷款 on the portal (src/server/portal/loans): the entrepreneur's own files only; the
  // matrix's fresh account is not verified, so its changes are refused with PORTAL_LOAN_NOT_LINKED
  // (their audit records are checked in portal-loans.test.ts).
  {
    route: 'GET /api/portal/loans/product',
    roles: 'entrepreneur',
    request: fixed('/api/portal/loans/product'),
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/loans/banks',
    roles: 'entrepreneur',
    request: fixed('/api/portal/loans/banks'),
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/loans/eligibility',
    roles: 'entrepreneur',
    request: fixed('/api/portal/loans/eligibility', {
      kind: 'individual',
      amountFen: 10_000_000,
      termMonths: 24,
    }),
    audit: { action: 'portal.loan_precheck', object: 'person' },
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/loans',
    roles: 'entrepreneur',
    request: async (fx) => {
      const { personId: _p, ...body } = loanApplicationBody(await fx.newPerson(), fx.caseBankOrgId);
      return { url: '/api/portal/loans', body };
    },
    audit: { action: 'loan.apply', object: 'case', id: (r) => String(r.response.caseId) },
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/loans',
    roles: 'entrepreneur',
    request: fixed('/api/portal/loans'),
    outOfScope: portalOwn,
  },
  {
    route: 'GET /api/portal/loans/:caseId',
    roles: 'entrepreneur',
    request: async (fx) => ({ url: `/api/portal/loans/${(await fx.newCase()).id}` }),
    outOfScope: portalOwn,
  },
  {
    route: 'POST /api/portal/loans/:caseId/attachments',
    roles: 'entrepreneur',
    request: async (fx) => ({
      url: `/api/portal/loans/${(await fx.newCase()).id}/attachments?name=id.png&kind=id_card`,
      body: {},
    }),
    audit: { action: 'portal.loan_attach', object: 'case' },
    outOfScope: portalOwn,
  },
];

export const ALL_ROLES = ALL;
