import { asc, gt, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../domain/access/roles.js';
import { NATION_CODE } from '../domain/regions/region-code.js';
import { isFallbackRecord } from './platform/audit/fallback.js';
import { auditLog } from './platform/audit/table.js';
import { users } from './access/users/table.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type GrantSpec,
  type TestApp,
  WUSHAN,
} from '../test/harness.js';
import {
  ALL_ROLES,
  type Fixture,
  ROUTE_CASES,
  type RouteCase,
  type SentRequest,
} from '../test/route-cases.js';
import { mobileFor, seedEntity, seedPerson } from '../test/ledger-factories.js';
import { seedCase, seedCaseAttachment } from '../test/case-factories.js';
import { registerEntrepreneur } from './portal/accounts/portal-test-kit.js';

/**
 * Every route, every built-in role, in scope and out of it: allowed roles succeed, every other
 * role gets 403, the unauthenticated 401, and an allowed role outside its scope 404 (or 403 for
 * writes aimed outside it, or a filtered list). Every state-changing request leaves exactly one
 * audit record, whatever its outcome; every one that succeeds leaves its service's own record
 * (the action, object, object id and changed fields its RouteCase declares), never the edge's
 * fallback.
 */

let t: TestApp;
let fx: Fixture;
let orgs: Record<string, string>;
let disposable = 0;
const inScope = new Map<string, Agent>();
const outOfScope = new Map<string, Agent>();
/** The role of each matrix agent, for requests that depend on who asks. */
const roleOf = new Map<Agent, string>();
const ADMIN = new Set(['sys_admin', 'sec_admin', 'audit_admin']);

function grantFor(role: string, where: 'in' | 'out', orgs: Record<string, string>): GrantSpec {
  const region = where === 'in' ? (ADMIN.has(role) ? NATION_CODE : FENGJIE) : WUSHAN;
  if (role === 'bank_reviewer')
    return { role, orgId: where === 'in' ? orgs.fjBank : orgs.wsBank, scopeType: 'org' };
  if (role === 'guarantee_reviewer') {
    const orgId = where === 'in' ? orgs.fjGuarantee : orgs.wsGuarantee;
    return { role, orgId, scopeType: 'org' };
  }
  if (role === 'park_operator')
    return { role, orgId: where === 'in' ? orgs.fjPark : orgs.wsPark, scopeType: 'park' };
  return { role, region };
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  orgs = {
    fjBank: await t.createOrg('重庆农村商业银行奉节支行', 'bank', FENGJIE),
    fjPark: await t.createOrg('奉节县生态工业园区', 'park', FENGJIE),
    wsBank: await t.createOrg('重庆农村商业银行巫山支行', 'bank', WUSHAN),
    wsPark: await t.createOrg('巫山县返乡创业园', 'park', WUSHAN),
    fjGuarantee: await t.createOrg('奉节县融资担保有限公司', 'guarantee', FENGJIE),
    wsGuarantee: await t.createOrg('巫山县融资担保有限公司', 'guarantee', WUSHAN),
  };
  const inScopeOrgId = await t.createOrg('奉节县人力资源和社会保障局', 'department', FENGJIE);
  const inScopeUserId = await t.createUser({ login: 'fj_target', region: FENGJIE });
  await t.database.db.update(users).set({ lockedUntil: new Date('2099-01-01') });
  let n = 0;
  fx = {
    t,
    counter: 0,
    inScopeOrgId,
    inScopeUserId,
    newOrg: () => t.createOrg(`奉节县临时机构${++n}`, 'department', FENGJIE),
    newUser: () => t.createUser({ login: `fj_tmp${++n}`, region: FENGJIE }),
    newPerson: () => seedPerson(t),
    newEntity: () => seedEntity(t, { parkOrgId: orgs.fjPark }),
    inScopePersonId: await seedPerson(t, { name: '矩阵标记', skills: '矩阵标记' }),
    inScopeEntityId: await seedEntity(t, { products: '矩阵标记', parkOrgId: orgs.fjPark }),
    caseBankOrgId: orgs.fjBank!,
    newCase: (state) => seedCase(t, { bankOrgId: orgs.fjBank!, ...(state ? { state } : {}) }),
    newCaseAttachment: () => seedCaseAttachment(t, orgs.fjBank!),
  };
  for (const role of ALL_ROLES) {
    const totp = ADMIN.has(role);
    await t.createUser({ login: `in_${role}`, grants: [grantFor(role, 'in', orgs)], totp });
    await t.createUser({ login: `out_${role}`, grants: [grantFor(role, 'out', orgs)], totp });
    inScope.set(role, await t.login(`in_${role}`));
    outOfScope.set(role, await t.login(`out_${role}`));
    roleOf.set(inScope.get(role)!, role);
    roleOf.set(outOfScope.get(role)!, role);
  }
});
afterAll(() => t.close());

/** Routes whose declared audit record was checked on a successful request. */
const auditChecked = new Set<string>();

/**
 * State-changing routes the matrix cannot make succeed (its requests carry a wrong password or
 * code by design): their records are checked by their feature's tests.
 */
const NEVER_SUCCEED: Record<string, string> = {
  'POST /api/auth/login': 'logs in as an unknown account (auth tests)',
  'POST /api/auth/totp/confirm': 'a wrong code: the secret is random (auth tests)',
  'POST /api/auth/totp/verify': 'a wrong code on a session that is already verified (auth tests)',
  'POST /api/portal/register': 'a guessed SMS code (portal tests)',
  'POST /api/portal/login': 'an unknown mobile number (portal tests)',
  'POST /api/notifications/:id/read': 'an id of nobody’s notification (notifications tests)',
  'POST /api/portal/notifications/:id/read': 'an id of nobody’s notification (notifications tests)',
  'PUT /api/portal/enterprise':
    'a fresh entrepreneur without a profile is refused with PORTAL_PROFILE_REQUIRED (portal tests)',
  'POST /api/portal/loans/eligibility':
    'a fresh entrepreneur is not verified: PORTAL_LOAN_NOT_LINKED (portal-loans tests)',
  'POST /api/portal/loans':
    'a fresh entrepreneur is not verified: PORTAL_LOAN_NOT_LINKED (portal-loans tests)',
  'POST /api/portal/loans/:caseId/attachments':
    'a fresh entrepreneur is not verified: PORTAL_LOAN_NOT_LINKED (portal-loans tests)',
};

/** The path parameters of `url` under the route pattern `pattern` (`/api/people/:id`). */
function routeParams(pattern: string, url: string): Record<string, string> {
  const want = pattern.split('/');
  const got = (url.split('?')[0] ?? '').split('/');
  const params: Record<string, string> = {};
  want.forEach((part, i) => {
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i] ?? '');
  });
  return params;
}

/** Field names an audit record gives as changed: `details.fields` or the keys of `changed`. */
function namedFields(details: Record<string, unknown>): unknown[] {
  if (Array.isArray(details.fields)) return details.fields as unknown[];
  const changed = details.changed;
  return changed && typeof changed === 'object' ? Object.keys(changed) : [];
}

type AuditRow = typeof auditLog.$inferSelect;

/** The successful request left its service's own record, as its RouteCase declares it. */
function expectDeclaredAudit(c: RouteCase, rows: AuditRow[], sent: SentRequest): void {
  expect(rows, `${c.route} audit records written`).toHaveLength(1);
  const row = rows[0]!;
  expect(
    isFallbackRecord(row),
    `${c.route} succeeded without its own audit record; the edge wrote ${row.action} ${JSON.stringify(row.details)}`,
  ).toBe(false);
  const want = c.audit;
  if (!want) throw new Error(`${c.route} succeeded but its RouteCase declares no audit record`);
  expect(row.result, c.route).toBe('success');
  if (typeof want.action === 'string') expect(row.action, c.route).toBe(want.action);
  else expect(row.action, c.route).toMatch(want.action);
  expect(row.objectType, `${c.route} object type`).toBe(want.object);
  if (want.id) expect(row.objectId, `${c.route} object id`).toBe(want.id(sent));
  if (want.fields)
    expect(namedFields(row.details), `${c.route} changed fields`).toEqual(
      expect.arrayContaining(want.fields),
    );
  auditChecked.add(c.route);
}

async function lastSeq(): Promise<number> {
  const [r] = await t.database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return r?.seq ?? 0;
}

async function send(
  agent: Agent | null,
  c: RouteCase,
  spell: (url: string) => string = (url) => url,
  headers: Record<string, string> = {},
) {
  const [m, pattern] = c.route.split(' ') as [string, string];
  const { url: plain, body } = await c.request(fx, agent ? roleOf.get(agent) : undefined);
  const url = spell(plain);
  const before = await lastSeq();
  const res = agent
    ? await agent.request(m, url, body, headers)
    : await t.app.inject({
        method: m as 'GET',
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
  const written = await t.database.db
    .select()
    .from(auditLog)
    .where(gt(auditLog.seq, before))
    .orderBy(asc(auditLog.seq));
  if (m !== 'GET') expect(written.length, `${m} ${url} audit records written`).toBe(1);
  if (res.statusCode < 400 && (m !== 'GET' || c.audit)) {
    const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
    expectDeclaredAudit(c, written, {
      params: routeParams(pattern, plain),
      body,
      response: json ? res.json() : null,
    });
  }
  return res;
}

/**
 * Other spellings of the same API path that the router accepts: a percent-encoded prefix and
 * doubled slashes. Each must meet exactly the checks of the normal path.
 */
const SPELLINGS: [string, (url: string) => string][] = [
  ['/%61pi/…', (url) => `/%61pi${url.slice('/api'.length)}`],
  ['//api/…', (url) => `/${url}`],
  ['/api//…', (url) => `/api/${url.slice('/api'.length)}`],
];

/** A role the case allows, whose in-scope agent the spelling checks use. */
function allowedAgent(c: RouteCase): Agent | null {
  if (c.roles === 'public' || c.roles === 'entrepreneur') return null;
  const role = c.roles === 'session' ? 'sys_admin' : c.roles[0];
  return role ? (inScope.get(role) ?? null) : null;
}

describe('route-permission matrix', () => {
  it('has an entry for every registered route and a route for every entry', () => {
    const registered = t.routes.map((r) => `${r.method} ${r.url}`).sort();
    const listed = ROUTE_CASES.map((c) => c.route).sort();
    expect(listed).toEqual(registered);
  });

  it('declares the audit record of every state-changing route', () => {
    const missing = ROUTE_CASES.filter((c) => !c.route.startsWith('GET ') && !c.audit);
    expect(missing.map((c) => c.route)).toEqual([]);
  });

  it('covers every built-in role', () => {
    expect([...ALL_ROLES].sort()).toEqual(BUILTIN_ROLES.map((r) => r.code).sort());
  });

  for (const c of ROUTE_CASES) {
    describe(c.route, () => {
      const [method] = c.route.split(' ') as [string];
      for (const [name, spell] of SPELLINGS) {
        it(`spelt ${name}: same session check, Origin check and audit as the normal path`, async () => {
          const anonymous = await send(null, c, spell);
          if (c.roles === 'public') {
            expect(anonymous.statusCode, anonymous.body).not.toBe(404);
          } else {
            expect(anonymous.statusCode, anonymous.body).toBe(401);
            expect(anonymous.json().code).toBe('UNAUTHENTICATED');
          }
          const agent = allowedAgent(c);
          if (method === 'GET') {
            if (agent && c.roles !== 'session') {
              const res = await send(agent, c, spell);
              expect(res.statusCode, res.body).toBeLessThan(400);
            }
            return;
          }
          const foreign = await send(agent, c, spell, { origin: 'https://evil.example' });
          expect(foreign.statusCode, foreign.body).toBe(403);
          expect(foreign.json().code).toBe('CSRF_INVALID');
          if (agent) {
            const noToken = await send(agent, c, spell, { 'x-csrf-token': '' });
            expect(noToken.statusCode, noToken.body).toBe(403);
            expect(noToken.json().code).toBe('CSRF_INVALID');
          }
        });
      }

      if (c.roles === 'public') {
        it('answers without a session', async () => {
          const res = await send(null, c);
          if (res.statusCode >= 400)
            expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(res.json().code);
        });
        return;
      }

      it('refuses the unauthenticated with 401', async () => {
        const res = await send(null, c);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('UNAUTHENTICATED');
      });

      if (c.roles === 'entrepreneur') {
        it('refuses every staff session with 401 and serves an entrepreneur', async () => {
          for (const role of ALL_ROLES) {
            const res = await send(inScope.get(role) ?? null, c);
            expect(res.statusCode, `${role}: ${res.body}`).toBe(401);
            expect(res.json().code, role).toBe('UNAUTHENTICATED');
          }
          const entrepreneur = await registerEntrepreneur(t, mobileFor());
          const res = await send(entrepreneur, c);
          expect(
            ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CSRF_INVALID'],
            res.body,
          ).not.toContain(res.statusCode >= 400 ? res.json().code : 'ok');
        });
        return;
      }

      if (c.roles === 'session') {
        it('serves any logged-in user, on their own session', async () => {
          for (const role of ALL_ROLES) {
            // A disposable account: these routes change the session or the account itself.
            const login = `session_${role}_${++disposable}`;
            await t.createUser({
              login,
              grants: [grantFor(role, 'in', orgs)],
              totp: ADMIN.has(role),
            });
            const agent = await t.login(login);
            const res = await send(agent, c);
            expect(
              ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'],
              `${role} ${res.body}`,
            ).not.toContain(res.statusCode >= 400 ? res.json().code : 'ok');
          }
        });
        return;
      }

      const allowed = new Set(c.roles);
      it(`allows ${c.roles.join(', ')} and refuses every other role with 403`, async () => {
        for (const role of ALL_ROLES) {
          const res = await send(inScope.get(role) ?? null, c);
          if (allowed.has(role)) {
            expect(res.statusCode, `${role}: ${res.body}`).toBeLessThan(400);
            if (c.outOfScope === 'filtered' && c.marker)
              expect(res.body, role).toContain(c.marker(fx));
          } else {
            expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
            expect(res.json().code, role).toBe('FORBIDDEN');
          }
        }
      });

      const oos = c.outOfScope;
      if (typeof oos === 'object') return;
      it(`gives an allowed role outside its scope ${oos === 'filtered' ? 'a list without the record' : oos}`, async () => {
        for (const role of c.roles as string[]) {
          const res = await send(outOfScope.get(role) ?? null, c);
          if (oos === 'filtered') {
            expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
            expect(res.body, role).not.toContain(c.marker?.(fx) ?? '\u0000');
          } else {
            expect(res.statusCode, `${role}: ${res.body}`).toBe(oos);
            expect(res.json().code, role).toBe(oos === 404 ? 'NOT_FOUND' : 'SCOPE_OUTSIDE_OWN');
          }
        }
      });
    });
  }

  it('checked the audit record of every state-changing route on a successful request', () => {
    const unchecked = ROUTE_CASES.filter(
      (c) => c.audit && !auditChecked.has(c.route) && !(c.route in NEVER_SUCCEED),
    );
    expect(unchecked.map((c) => c.route)).toEqual([]);
    for (const route of Object.keys(NEVER_SUCCEED))
      expect(auditChecked, route).not.toContain(route);
  });
});
