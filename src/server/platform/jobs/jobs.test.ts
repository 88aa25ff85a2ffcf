import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors/codes.js';
import { createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { createOfficers } from '../../../test/officers.js';
import {
  csvText,
  PEOPLE_HEADERS,
  personCells,
  runJobs,
  uploadOk,
} from '../../ledger/import/test-fixtures.js';
import { findJob, insertJob } from './repo.js';
import { claimNextJob, type JobHandlers, MAX_ATTEMPTS, runJobsUntilIdle } from './runner.js';
import { startJobWorker } from './worker.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-jobs-') },
  });
  await createOfficers(t, 'fj_officer', 'xl_officer', 'tx_officer', 'ws_officer', 'fj_dept');
});
afterAll(() => t.close());

function queue(kind: string, params: Record<string, unknown> = {}) {
  return insertJob(t.deps.db, { kind, params, createdBy: null, now: t.clock.read() });
}

describe('GET /api/jobs/:id', () => {
  it('shows status and progress to the creator and to officers whose scope covers theirs', async () => {
    const xl = await t.login('xl_officer');
    const file = csvText(
      PEOPLE_HEADERS,
      Array.from({ length: 120 }, () => personCells()),
    );
    const id = await uploadOk(xl, 'people', file);
    const queued = (await xl.get(`/api/jobs/${id}`)).json();
    expect(queued).toMatchObject({
      id,
      kind: 'ledger.import.people',
      status: 'queued',
      done: 0,
      percent: 0,
      error: null,
    });

    const seen: number[] = [];
    await runJobs(t, {
      afterBatch: async () => {
        seen.push((await xl.get(`/api/jobs/${id}`)).json().percent);
      },
    });
    expect(seen.length).toBe(3);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(100);
    const done = (await xl.get(`/api/jobs/${id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      done: 120,
      total: 120,
      percent: 100,
      errorReportUrl: null,
    });
    expect(done.result).toMatchObject({ created: 120 });

    expect((await (await t.login('fj_officer')).get(`/api/jobs/${id}`)).statusCode).toBe(200);
    expect((await (await t.login('tx_officer')).get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await (await t.login('ws_officer')).get(`/api/jobs/${id}`)).statusCode).toBe(404);
    const dept = await (await t.login('fj_dept')).get(`/api/jobs/${id}`);
    expect([dept.statusCode, dept.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).statusCode).toBe(401);
  });

  it('keeps a county officer’s job from a township officer of the county', async () => {
    const fj = await t.login('fj_officer');
    const id = await uploadOk(fj, 'people', csvText(PEOPLE_HEADERS, [personCells()]));
    expect((await (await t.login('xl_officer')).get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await fj.get(`/api/jobs/${id}`)).statusCode).toBe(200);
    await runJobs(t);
  });

  it('answers 404 for a job that does not exist', async () => {
    const res = await (
      await t.login('fj_officer')
    ).get('/api/jobs/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});

describe('the job runner', () => {
  it('lets one worker claim a job while its lease holds, and another once it runs out', async () => {
    const id = await queue('test.noop');
    const first = await claimNextJob(t.deps, 'a');
    expect(first?.id).toBe(id);
    expect(await claimNextJob(t.deps, 'b')).toBeUndefined();
    t.clock.advance(61_000);
    const second = await claimNextJob(t.deps, 'b');
    expect(second).toMatchObject({ id, leaseOwner: 'b', attempts: 2 });
    const handlers: JobHandlers = {
      'test.noop': async () => ({ result: { n: 1 }, done: 1, total: 1 }),
    };
    t.clock.advance(61_000);
    await runJobsUntilIdle(t.deps, handlers);
    expect(await findJob(t.deps.db, id)).toMatchObject({
      status: 'done',
      result: { n: 1 },
      leaseOwner: null,
    });
  });

  it('gives two concurrent claims two different jobs', async () => {
    const ids = [await queue('test.noop'), await queue('test.noop')];
    const [a, b] = await Promise.all([claimNextJob(t.deps, 'x'), claimNextJob(t.deps, 'y')]);
    expect([a?.id, b?.id].sort()).toEqual(ids.sort());
    t.clock.advance(61_000);
    await runJobsUntilIdle(t.deps, {
      'test.noop': async () => ({ result: {}, done: 0, total: 0 }),
    });
  });

  it('fails a job with the code of a business error, and after repeated crashes with INTERNAL', async () => {
    const bad = await queue('test.bad');
    const crash = await queue('test.crash');
    let crashes = 0;
    const handlers: JobHandlers = {
      'test.bad': () =>
        Promise.reject(new AppError('IMPORT_HEADER_MISSING', { columns: ['姓名'] })),
      'test.crash': () => {
        crashes++;
        return Promise.reject(new Error('boom'));
      },
    };
    await runJobsUntilIdle(t.deps, handlers);
    expect(await findJob(t.deps.db, bad)).toMatchObject({
      status: 'failed',
      error: 'IMPORT_HEADER_MISSING',
    });
    expect(await findJob(t.deps.db, crash)).toMatchObject({ status: 'failed', error: 'INTERNAL' });
    expect(crashes).toBe(MAX_ATTEMPTS);
  });

  it('runs queued jobs in the background and hands a running job back when stopped', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const handlers: JobHandlers = {
      'test.quick': async () => ({ result: { ok: 1 }, done: 1, total: 1 }),
      'test.slow': async (ctx) => {
        started();
        await gate;
        await ctx.batchCommitted({ batch: 1, checkpoint: 1, done: 1, total: 2 });
        return { result: {}, done: 2, total: 2 };
      },
    };
    const quick = await queue('test.quick');
    const worker = startJobWorker(t.deps, handlers, { pollMs: 20 });
    for (let i = 0; i < 100 && (await findJob(t.deps.db, quick))?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await findJob(t.deps.db, quick))?.status).toBe('done');
    const slow = await queue('test.slow');
    worker.wake();
    await running;
    const stopping = worker.stop();
    release();
    await stopping;
    expect(await findJob(t.deps.db, slow)).toMatchObject({
      status: 'queued',
      leaseOwner: null,
      attempts: 0,
    });
  });
});

describe('the worker of a serving instance', () => {
  it('starts when the server listens and runs queued imports by itself', async () => {
    const fj = await t.login('fj_officer');
    const id = await uploadOk(fj, 'people', csvText(PEOPLE_HEADERS, [personCells()]));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    let status = '';
    for (let i = 0; i < 100 && status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await findJob(t.deps.db, id))?.status ?? '';
    }
    expect(status).toBe('done');
  });
});
