import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_CODE } from '../domain/regions/region-code.js';
import { auditLog } from './platform/audit/table.js';
import { users } from './access/users/table.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type GrantSpec,
  type TestApp,
} from '../test/harness.js';
import { type Fixture, ROUTE_CASES, type RouteCase } from '../test/route-cases.js';
import { mobileFor, seedEntity, seedPerson } from '../test/ledger-factories.js';
import { seedCase, seedCaseAttachment } from '../test/case-factories.js';
import { registerEntrepreneur } from './portal/accounts/portal-test-kit.js';

/**
 * Hostile input on every state-changing route of the route matrix: each route's valid request
 * (from its builder in route-cases.ts) has one string field, path parameter or query value
 * replaced by, or spliced with, control characters, lone surrogates, random Unicode or a
 * 100,000-character value. Whatever arrives, the answer is a coded response below 500, and every
 * request leaves exactly one audit record. Fixed seed and a bounded number of runs per route, so
 * the test is deterministic and quick; fast-check prints the seed and the counterexample on
 * failure (replay with `{ seed, path }`).
 */

const SEED = 20261207;
const RUNS = 20;
const ADMIN = new Set(['sys_admin', 'sec_admin', 'audit_admin']);

let t: TestApp;
let fx: Fixture;
const orgs: Record<string, string> = {};
const agents = new Map<string, Agent>();
let serial = 0;

function grantFor(role: string): GrantSpec {
  if (role === 'bank_reviewer') return { role, orgId: orgs.bank, scopeType: 'org' };
  if (role === 'guarantee_reviewer') return { role, orgId: orgs.guarantee, scopeType: 'org' };
  if (role === 'park_operator') return { role, orgId: orgs.park, scopeType: 'park' };
  return { role, region: ADMIN.has(role) ? NATION_CODE : FENGJIE };
}

async function newStaff(role: string): Promise<Agent> {
  const login = `fuzz_${role}_${++serial}`;
  await t.createUser({ login, grants: [grantFor(role)], totp: ADMIN.has(role) });
  return t.login(login);
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  orgs.bank = await t.createOrg('重庆农村商业银行奉节支行', 'bank', FENGJIE);
  orgs.park = await t.createOrg('奉节县生态工业园区', 'park', FENGJIE);
  orgs.guarantee = await t.createOrg('奉节县融资担保有限公司', 'guarantee', FENGJIE);
  const inScopeOrgId = await t.createOrg('奉节县人力资源和社会保障局', 'department', FENGJIE);
  const inScopeUserId = await t.createUser({ login: 'fuzz_target', region: FENGJIE });
  await t.database.db.update(users).set({ lockedUntil: new Date('2099-01-01') });
  let n = 0;
  fx = {
    t,
    counter: 0,
    inScopeOrgId,
    inScopeUserId,
    newOrg: () => t.createOrg(`奉节县模糊测试机构${++n}`, 'department', FENGJIE),
    newUser: () => t.createUser({ login: `fuzz_tmp${++n}`, region: FENGJIE }),
    newPerson: () => seedPerson(t),
    newEntity: () => seedEntity(t, { parkOrgId: orgs.park }),
    inScopePersonId: await seedPerson(t, { name: '模糊标记', skills: '模糊标记' }),
    inScopeEntityId: await seedEntity(t, { products: '模糊标记', parkOrgId: orgs.park }),
    caseBankOrgId: orgs.bank,
    newCase: (state) => seedCase(t, { bankOrgId: orgs.bank!, ...(state ? { state } : {}) }),
    newCaseAttachment: () => seedCaseAttachment(t, orgs.bank!),
  };
});
afterAll(() => t.close());

/** Routes that end or change the caller's own session get a fresh caller for every request. */
function freshCaller(c: RouteCase): boolean {
  return c.roles === 'session' || c.route.endsWith('/logout');
}

async function callerFor(c: RouteCase): Promise<Agent | null> {
  if (c.roles === 'public') return null;
  if (c.roles === 'entrepreneur') {
    if (freshCaller(c)) return registerEntrepreneur(t, mobileFor());
    const known = agents.get('entrepreneur');
    if (known) return known;
    const agent = await registerEntrepreneur(t, mobileFor());
    agents.set('entrepreneur', agent);
    return agent;
  }
  const role = c.roles === 'session' ? 'county_officer' : (c.roles[0] ?? 'county_officer');
  if (freshCaller(c)) return newStaff(role);
  const known = agents.get(role);
  if (known) return known;
  const agent = await newStaff(role);
  agents.set(role, agent);
  return agent;
}

const LONG_ASCII = '<100k × x>';
const LONG_HAN = '<100k × 遮>';
/** Hostile text: control characters, lone surrogates, random Unicode, very long values. */
const BAD_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\u2028',
  '\ufeff',
  '\n',
  '\t',
];
const hostile = fc.oneof(
  fc.constantFrom(...BAD_CHARS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...BAD_CHARS, 'a', '中', '😀'), maxLength: 20 }),
  fc.constantFrom(LONG_ASCII, LONG_HAN),
);
/** A 100,000-character value, named rather than printed in a counterexample. */
function expand(text: string): string {
  if (text === LONG_ASCII) return 'x'.repeat(100_000);
  if (text === LONG_HAN) return '遮'.repeat(100_000);
  return text;
}

/** How the hostile text is applied to the original value. */
const how = fc.constantFrom('replace', 'append', 'prepend', 'middle');

function apply(original: string, text: string, mode: string): string {
  if (mode === 'replace') return text;
  if (mode === 'append') return original + text;
  if (mode === 'prepend') return text + original;
  const half = Math.floor(original.length / 2);
  return original.slice(0, half) + text + original.slice(half);
}

/**
 * Percent-encodes text for a URL. A lone surrogate has no UTF-8 form: in a query it goes as its
 * (invalid) three UTF-8-like bytes; in a path as U+FFFD, what a browser sends (invalid bytes in
 * the path are the router's to refuse, FST_ERR_BAD_URL, before any hook: URL work at the edge).
 */
function encode(text: string, inPath = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff && inPath) {
      out += '%EF%BF%BD';
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out +=
        `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(text[i] ?? '');
    }
  }
  return out;
}

type Target =
  | { kind: 'body'; path: (string | number)[] }
  | { kind: 'rawBody' }
  | { kind: 'param'; segment: number }
  | { kind: 'query'; key: string }
  | { kind: 'extra' };

/** Every place of a request that hostile text can go. */
function targetsOf(route: string, url: string, body: unknown): Target[] {
  const targets: Target[] = [{ kind: 'extra' }];
  const pattern = route.split(' ')[1]?.split('/') ?? [];
  pattern.forEach((p, i) => {
    if (p.startsWith(':')) targets.push({ kind: 'param', segment: i });
  });
  const query = url.split('?')[1];
  if (query)
    for (const key of new URLSearchParams(query).keys()) targets.push({ kind: 'query', key });
  if (typeof body === 'string') targets.push({ kind: 'rawBody' });
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else if (path.length > 0) targets.push({ kind: 'body', path });
  };
  walk(body, []);
  return targets;
}

function setAt(root: unknown, path: (string | number)[], value: string): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((k) => (node = node[k] as Record<string | number, unknown>));
  const last = path[path.length - 1] ?? '';
  node[last] = apply(typeof node[last] === 'string' ? node[last] : '', value, 'replace');
  return copy;
}

/** The request with hostile `text` put at `target`. */
function mutate(
  req: { url: string; body?: unknown },
  target: Target,
  text: string,
  mode: string,
): { url: string; body?: unknown } {
  const [path = '', query] = req.url.split('?') as [string, string?];
  switch (target.kind) {
    case 'param': {
      // A few characters only: a path parameter longer than the router's limit (100) is refused
      // by the router itself, before any hook, which is the URL-limit work at the HTTP edge.
      const segments = path.split('/');
      const original = decodeURIComponent(segments[target.segment] ?? '');
      segments[target.segment] = encode(
        apply(original, [...text].slice(0, 5).join(''), mode),
        true,
      );
      return { ...req, url: segments.join('/') + (query ? `?${query}` : '') };
    }
    case 'query': {
      const params = [...new URLSearchParams(query)].map(([k, v]) =>
        k === target.key ? `${k}=${encode(apply(v, text, mode))}` : `${k}=${encodeURIComponent(v)}`,
      );
      return { ...req, url: `${path}?${params.join('&')}` };
    }
    case 'rawBody':
      return { ...req, body: apply(String(req.body), text, mode) };
    case 'body': {
      const original: unknown = target.path.reduce<unknown>(
        (v, k) => (v as Record<string | number, unknown>)[k],
        req.body,
      );
      const value = apply(typeof original === 'string' ? original : '', text, mode);
      return { ...req, body: setAt(req.body, target.path, value) };
    }
    case 'extra':
      return {
        ...req,
        body:
          req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body)
            ? { ...req.body, [text.slice(0, 30) || 'fuzz']: text }
            : req.body,
      };
  }
}

const WRITE_ROUTES = ROUTE_CASES.filter((c) => !c.route.startsWith('GET '));

describe('hostile input on every state-changing route', () => {
  it('covers every state-changing route of the matrix', () => {
    expect(WRITE_ROUTES.length).toBeGreaterThan(30);
  });

  for (const c of WRITE_ROUTES) {
    it(`${c.route}: a coded answer below 500 and one audit record per request`, async () => {
      const [method] = c.route.split(' ') as [string];
      await fc.assert(
        fc.asyncProperty(fc.nat(), hostile, how, async (pick, text, mode) => {
          const valid = await c.request(fx);
          const targets = targetsOf(c.route, valid.url, valid.body);
          const target = targets[pick % targets.length] ?? { kind: 'extra' };
          const req = mutate(valid, target, expand(text), mode);
          const agent = await callerFor(c);
          const before = await t.database.db.$count(auditLog);
          const res = agent
            ? await agent.request(method, req.url, req.body)
            : await t.app.inject({
                method: method as 'POST',
                url: req.url,
                ...(req.body === undefined ? {} : { payload: req.body as object }),
              });
          const after = await t.database.db.$count(auditLog);
          const where = `${JSON.stringify(target)} ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const code = res.json<{ code?: unknown }>().code;
            expect(typeof code, where).toBe('string');
          }
          expect(after - before, `audit records: ${where}`).toBe(1);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }, 300_000);
  }
});
