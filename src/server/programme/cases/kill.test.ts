import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { createLoanOrgs, seedCase } from '../../../test/case-factories.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { rowsOf } from '../../platform/db/rows.js';
import { verifyCounters } from '../../statistics/stats/verify.js';
import { attachmentStoreOf } from './attachment-store-of.js';

/**
 * The crash test with a real kill: a child process (src/test/case-worker.ts, through tsx) works
 * loan files — attach the contract, 审批通过, 放款 with its repayment schedule — and is SIGKILLed
 * at random moments, then once while it is provably inside a transition's transaction (the test
 * holds the audit chain's head row, so the child blocks after its case update, history row and
 * schedule, before its audit record). After every kill nothing is half-done; a fresh worker then
 * finishes the files.
 *
 * PostgreSQL only (TEST_DATABASE_URL): PGlite is an in-memory database inside one process, which
 * a second process cannot share; on PGlite this file is skipped.
 */

const PG = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const WORKER = path.join(ROOT, 'src', 'test', 'case-worker.ts');
const FILES = 24;
const APP_NAME = 'fx-kill-worker';

interface Worker {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves once a line matching `pred` has been printed. */
  waitFor(pred: (l: Record<string, unknown>) => boolean): Promise<void>;
  exited: Promise<number | string>;
  output(): string;
}

describe.skipIf(!PG)('a case worker killed mid-work (PostgreSQL)', () => {
  let t: TestApp;
  let dataDir: string;
  let workerUrl: string;
  let caseIds: string[];

  beforeAll(async () => {
    dataDir = tempDataDir('kill');
    t = await createTestApp({ provinces: ['50'], config: { dataDir } });
    const orgs = await createLoanOrgs(t);
    await t.createUser({
      login: 'kill_bank',
      grants: [{ role: 'bank_reviewer', orgId: orgs.bank, scopeType: 'org' }],
    });
    caseIds = [];
    for (let i = 0; i < FILES; i++) {
      caseIds.push((await seedCase(t, { bankOrgId: orgs.bank, state: 'bank_review' })).id);
    }
    const url = new URL((t.database as { url?: string }).url ?? '');
    url.searchParams.set('application_name', APP_NAME);
    workerUrl = url.toString();
  });
  afterAll(() => t?.close());

  function startWorker(): Worker {
    const args = JSON.stringify({
      dbUrl: workerUrl,
      masterKey: t.masterKey,
      dataDir,
      login: 'kill_bank',
      caseIds,
    });
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    let out = '';
    let err = '';
    const waiters: { pred: (l: Record<string, unknown>) => boolean; done: () => void }[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const parts = out.split('\n');
      out = parts.pop() ?? '';
      for (const p of parts) {
        const l = JSON.parse(p) as Record<string, unknown>;
        lines.push(l);
        for (const w of waiters.filter((x) => x.pred(l))) w.done();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const exited = new Promise<number | string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
    );
    return {
      child,
      lines,
      exited,
      output: () => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n${err}`,
      waitFor: (pred) =>
        new Promise<void>((resolve, reject) => {
          if (lines.some(pred)) return resolve();
          waiters.push({ pred, done: resolve });
          void exited.then((c) => reject(new Error(`worker exited (${c}): ${err}`)));
        }),
    };
  }

  async function kill(w: Worker): Promise<void> {
    w.child.kill('SIGKILL');
    expect(await w.exited).toBe('SIGKILL');
  }

  const rows = <T>(q: SQL): Promise<T[]> => rowsOf<T>(t.database.db, q);

  /** The worker's PostgreSQL sessions (gone once the server has noticed the dead client). */
  const workerBackends = () =>
    rows<{ pid: number; xact: boolean; blockers: number[] }>(sql`
      SELECT pid, xact_start IS NOT NULL AS xact, pg_blocking_pids(pid) AS blockers
      FROM pg_stat_activity WHERE application_name = ${APP_NAME}`);

  async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 600; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Nothing half-done: each check lists the offending ids, so a failure says which rows. */
  async function expectConsistent(): Promise<void> {
    // the history explains the row: as many entries as versions, the last one's state is the case's
    expect(
      await rows(sql`
        SELECT c.id FROM cases c
        LEFT JOIN LATERAL (SELECT count(*)::int AS n, max(version) AS v
                           FROM case_transitions h WHERE h.case_id = c.id) h ON true
        LEFT JOIN case_transitions last ON last.case_id = c.id AND last.version = c.version
        WHERE h.n <> c.version OR h.v <> c.version OR last.to_state IS DISTINCT FROM c.state`),
    ).toEqual([]);
    // every transition fired (all but the factory's creation entry) has its own audit record
    expect(
      await rows(sql`
        SELECT h.case_id, h.version FROM case_transitions h
        WHERE h.transition <> 'create' AND NOT EXISTS (
          SELECT 1 FROM audit_log a WHERE a.action = 'case.transition'
            AND a.object_id = h.case_id::text AND (a.details->>'version')::int = h.version)`),
    ).toEqual([]);
    // and no audit record claims a transition that is not in the history
    expect(
      await rows(sql`
        SELECT a.object_id FROM audit_log a WHERE a.action = 'case.transition' AND NOT EXISTS (
          SELECT 1 FROM case_transitions h WHERE h.case_id::text = a.object_id
            AND h.version = (a.details->>'version')::int)`),
    ).toEqual([]);
    // 放款 and its repayment schedule come together
    expect(
      await rows(sql`
        SELECT c.id FROM cases c
        WHERE (c.state = 'repaying') <> EXISTS (SELECT 1 FROM loan_schedules s WHERE s.case_id = c.id)`),
    ).toEqual([]);
    // every material row has its audit record and its stored object
    const attached = await rows<{ id: string; key: string; audited: boolean }>(sql`
      SELECT a.id, a.storage_key AS key, EXISTS (
        SELECT 1 FROM audit_log l WHERE l.action = 'case.attach'
          AND l.details->>'attachmentId' = a.id::text) AS audited
      FROM case_attachments a`);
    const store = attachmentStoreOf(t.deps);
    for (const a of attached) {
      expect(a.audited, a.id).toBe(true);
      expect(await store.exists(a.key), a.key).toBe(true);
    }
    const counters = await verifyCounters(t.database.db);
    expect(counters.differences, JSON.stringify(counters.sample)).toBe(0);
    const chain = await verifyAuditChain(t.database.db, { keys: t.deps.auditKeys });
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
  }

  /** Starts a worker, holds the audit head until the worker is blocked in `wanted`, kills it. */
  async function killInside(wanted: (step: unknown) => boolean): Promise<void> {
    const lock = new pg.Client({ connectionString: (t.database as { url?: string }).url });
    await lock.connect();
    const hold = async () => {
      await lock.query('BEGIN');
      await lock.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE');
    };
    await hold();
    const holder = (await lock.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
      .pid;
    const w = startWorker();
    // Waiting, inside its transaction, for the head row this test holds (the statement's text in
    // pg_stat_activity is cut at 1 kB, so the lock is asked about, not the text).
    const blocked = async () =>
      (await workerBackends()).some((b) => b.xact && b.blockers.includes(holder));
    try {
      for (let i = 0; ; i++) {
        await until('the worker to block inside its transaction', blocked);
        await new Promise((r) => setTimeout(r, 100)); // its last line is in the pipe: read it
        if (wanted(w.lines.at(-1)?.step)) break;
        expect(i, w.output()).toBeLessThan(20);
        await lock.query('COMMIT'); // one transaction through, then hold again
        await hold();
      }
      await kill(w);
    } finally {
      await lock.query('ROLLBACK');
      await lock.end();
    }
    await until(
      'the killed worker’s sessions to end',
      async () => (await workerBackends()).length === 0,
    );
  }

  it('leaves no partial rows when killed at random moments, or while inside a transition', async () => {
    // 1. killed at random moments while it works (somewhere among reads, uploads, transactions)
    for (let round = 0; round < 3; round++) {
      const w = startWorker();
      await w.waitFor((l) => l.ready === true);
      const steps = w.lines.length;
      await w.waitFor(() => w.lines.length > steps + 1 + Math.floor(Math.random() * 6));
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      await kill(w);
      await until(
        'the killed worker’s sessions to end',
        async () => (await workerBackends()).length === 0,
      );
      await expectConsistent();
    }

    // 2. killed while provably inside a transaction: the test holds the audit chain's head row, so
    //    the worker's transaction waits at its audit record with its other writes done. First
    //    inside whatever it is doing (an upload's), then stepping it on (letting one transaction
    //    through at a time) until it is inside a transition's (审批通过 or 放款) and killing it there.
    await killInside(() => true);
    await expectConsistent();
    await killInside((step) => step === 'bank_approve' || step === 'disburse');
    await expectConsistent();

    // 3. a fresh worker resumes and finishes every file, each step exactly once
    const again = startWorker();
    await again.waitFor((l) => l.finished === true);
    expect(await again.exited, again.output()).toBe(0);
    await expectConsistent();
    const done = await rows<{ state: string; steps: string; files: number }>(sql`
      SELECT c.state,
        (SELECT string_agg(h.transition, ',' ORDER BY h.version) FROM case_transitions h
          WHERE h.case_id = c.id) AS steps,
        (SELECT count(*)::int FROM case_attachments a WHERE a.case_id = c.id) AS files
      FROM cases c`);
    expect(done).toHaveLength(FILES);
    for (const d of done) {
      expect(d).toEqual({ state: 'repaying', steps: 'create,bank_approve,disburse', files: 1 });
    }
  }, 300_000);
});
