import fastifyCookie from '@fastify/cookie';
import { eq, gt, max } from 'drizzle-orm';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors/codes.js';
import { createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { installSessionHooks } from '../auth/session-hook.js';
import { installErrorHandling } from '../http/errors.js';
import type { App } from '../http/types.js';
import { isFallbackRecord, UNRECORDED_ACTION } from './fallback.js';
import { recordAudit } from './record.js';
import { auditLog } from './table.js';

/**
 * The edge's fallback audit record: a state-changing request whose handler wrote no record gets
 * one marked `details.fallback` with its route and status. A refused request keeps its route's
 * action and error code; one that succeeded without its own record is a defect: recorded as
 * `request.unrecorded` (never as the change's action) and logged as an error.
 */

let t: TestApp;
/** The shared edge (error handling, session and audit hooks) around three test routes. */
let edge: App;
const errors: { msg: string; route?: string; status?: number }[] = [];

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  edge = Fastify({
    logger: {
      level: 'error',
      stream: { write: (line: string) => void errors.push(JSON.parse(line) as never) },
    },
  }).withTypeProvider<ZodTypeProvider>();
  installErrorHandling(edge);
  await edge.register(fastifyCookie);
  installSessionHooks(edge, t.deps);
  const config = { public: true, action: 'test.change' };
  edge.post('/api/test/forgetful', { config }, () => ({ ok: true }));
  edge.post('/api/test/refused', { config }, () => {
    throw new AppError('FORBIDDEN');
  });
  edge.post('/api/test/recorded', { config }, async (req) => {
    await t.deps.db.transaction((tx) =>
      recordAudit(tx, req.ctx, t.clock.read(), {
        action: 'test.change',
        objectType: 'test',
        objectId: 'x1',
      }),
    );
    return { ok: true };
  });
  await edge.ready();
});
let closed = false;
afterAll(async () => {
  await edge.close();
  // The forgetful route's record is this file's own doing, not a defect for close() to report.
  if (!closed) await t.close({ allowUnrecorded: true });
});

async function recordsOf(run: () => Promise<{ statusCode: number }>) {
  const [last] = await t.database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
  const before = last?.seq ?? 0;
  const res = await run();
  const rows = await t.database.db.select().from(auditLog).where(gt(auditLog.seq, before));
  return { res, rows };
}

describe('the edge’s fallback audit record', () => {
  it('records a change that succeeded without its own record as request.unrecorded and logs an error', async () => {
    errors.length = 0;
    const { res, rows } = await recordsOf(() =>
      edge.inject({ method: 'POST', url: '/api/test/forgetful' }),
    );
    expect(res.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: UNRECORDED_ACTION,
      result: 'success',
      details: {
        fallback: true,
        route: 'POST /api/test/forgetful',
        status: 200,
        expectedAction: 'test.change',
      },
    });
    expect(isFallbackRecord(rows[0]!)).toBe(true);
    expect(errors).toEqual([
      expect.objectContaining({ route: 'POST /api/test/forgetful', status: 200 }),
    ]);
  });

  it('marks a refused request’s record as the fallback, under its route’s action and error code', async () => {
    errors.length = 0;
    const { res, rows } = await recordsOf(() =>
      edge.inject({ method: 'POST', url: '/api/test/refused' }),
    );
    expect(res.statusCode).toBe(403);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'test.change',
      result: 'FORBIDDEN',
      details: { fallback: true, route: 'POST /api/test/refused', status: 403 },
    });
    expect(errors).toEqual([]);
  });

  it('writes no fallback when the handler recorded the change itself', async () => {
    errors.length = 0;
    const { res, rows } = await recordsOf(() =>
      edge.inject({ method: 'POST', url: '/api/test/recorded' }),
    );
    expect(res.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'test.change', objectId: 'x1', details: {} });
    expect(isFallbackRecord(rows[0]!)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('marks the record of a real route refused to a user without the permission', async () => {
    await t.createUser({ login: 'fj_mentor', grants: [{ role: 'mentor', region: FENGJIE }] });
    const mentor = await t.login('fj_mentor');
    const { res, rows } = await recordsOf(() =>
      mentor.post('/api/orgs', { name: '奉节县测试机构', type: 'department', regionCode: FENGJIE }),
    );
    expect(res.statusCode).toBe(403);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'org.create',
      actorLogin: 'fj_mentor',
      result: 'FORBIDDEN',
      details: { fallback: true, route: 'POST /api/orgs', status: 403 },
    });
    const unrecorded = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, UNRECORDED_ACTION));
    expect(unrecorded).toHaveLength(1);
  });

  it('fails the test file that left one: the harness refuses to close quietly', async () => {
    closed = true;
    await expect(t.close()).rejects.toThrow(
      `1 state change(s) succeeded without their own audit record (${UNRECORDED_ACTION}): POST /api/test/forgetful`,
    );
  });
});
