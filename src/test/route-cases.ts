import { roleAssignments } from '../server/users/table.js';
import { FENGJIE, type TestApp } from './harness.js';

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
}

export interface RouteCase {
  /** `METHOD /api/url` exactly as registered. */
  route: string;
  /** Roles allowed in scope; 'public' for no session, 'session' for any logged-in user. */
  roles: string[] | 'public' | 'session';
  /** Builds one in-scope request (called afresh for each attempt). */
  request: (fx: Fixture) => Promise<{ url: string; body?: unknown }>;
  outOfScope: OutOfScope;
  /** For 'filtered': a string that must not appear in the out-of-scope answer. */
  marker?: (fx: Fixture) => string;
}

const ALL = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'leading_office',
  'county_officer',
  'township_officer',
  'dept_staff',
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
  'bank_reviewer',
  'park_operator',
];
const fixed = (url: string, body?: unknown) => () => Promise.resolve({ url, body });
const own = { none: 'acts on the caller’s own session only' };
const catalog = { none: 'a catalog with no scoped data' };

const SETTINGS = {
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleMinutes: 30,
  absoluteHours: 12,
  passwordMinLength: 8,
  passwordMinClasses: 3,
};

export const ROUTE_CASES: RouteCase[] = [
  {
    route: 'GET /api/openapi.json',
    roles: 'public',
    request: fixed('/api/openapi.json'),
    outOfScope: catalog,
  },
  { route: 'GET /api/health', roles: 'public', request: fixed('/api/health'), outOfScope: catalog },
  { route: 'GET /api/ready', roles: 'public', request: fixed('/api/ready'), outOfScope: catalog },
  {
    route: 'POST /api/auth/login',
    roles: 'public',
    request: fixed('/api/auth/login', { login: 'nobody', password: 'x' }),
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/logout',
    roles: 'session',
    request: fixed('/api/auth/logout'),
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
      currentPassword: 'wrong',
      newPassword: 'Kuimen#Gate2026',
    }),
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/setup',
    roles: 'session',
    request: fixed('/api/auth/totp/setup'),
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/confirm',
    roles: 'session',
    request: fixed('/api/auth/totp/confirm', { code: '000000' }),
    outOfScope: own,
  },
  {
    route: 'POST /api/auth/totp/verify',
    roles: 'session',
    request: fixed('/api/auth/totp/verify', { code: '000000' }),
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
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/orgs/:id',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/orgs/${await fx.newOrg()}`,
      body: { name: `改名机构${++fx.counter}`, version: 1 },
    }),
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
    outOfScope: 403,
  },
  {
    route: 'PATCH /api/users/:id',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/users/${await fx.newUser()}`,
      body: { displayName: '改名', version: 1 },
    }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/disable',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/disable` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/enable',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/enable` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/reset-password',
    roles: ['sys_admin'],
    request: async (fx) => ({ url: `/api/users/${await fx.newUser()}/reset-password` }),
    outOfScope: 404,
  },
  {
    route: 'POST /api/users/:id/grants',
    roles: ['sys_admin'],
    request: async (fx) => ({
      url: `/api/users/${await fx.newUser()}/grants`,
      body: { roleCode: 'county_officer', scopeType: 'region', regionCode: FENGJIE },
    }),
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
    request: fixed('/api/security/settings', SETTINGS),
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
    outOfScope: 404,
  },

  // people & entities routes (ledger API)

  // import & export routes (ledger jobs)

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
];

export const ALL_ROLES = ALL;
