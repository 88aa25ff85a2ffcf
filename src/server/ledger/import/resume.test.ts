import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { JOB_HANDLERS } from '../../platform/jobs/handlers.js';
import { findJob } from '../../platform/jobs/repo.js';
import { claimNextJob, runJobHandler } from '../../platform/jobs/runner.js';
import { jobRowErrors } from '../../platform/jobs/table.js';
import { recordHistory } from '../history/table.js';
import { people } from '../people/table.js';
import { csvText, PEOPLE_HEADERS, personCells, runJobs, uploadOk } from './test-fixtures.js';

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({
    provinces: ['50'],
    config: { dataDir: tempDataDir('fx-resume-') },
  });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

/**
 * 230 data rows (rows 2..231), batches of 50: the process is killed after the second committed
 * batch (checkpoint = row 101). Bad rows sit on both sides of the checkpoint, and so do
 * duplicates: row 150 repeats row 10 (imported before the crash: still a duplicate after the
 * restart), row 160 repeats row 20's ID whose first row failed (so row 160 is imported).
 */
function file() {
  const rows = Array.from({ length: 230 }, () => personCells());
  const at = (n: number) => rows[n - 2]!;
  at(20)['手机号'] = '12345';
  at(60)['户籍地区划代码'] = '500236999000';
  at(60)['现居住地区划代码'] = '500236999000';
  at(150)['身份证号'] = at(10)['身份证号']!;
  at(160)['身份证号'] = at(20)['身份证号']!;
  at(200)['文化程度'] = '博士后';
  return { text: csvText(PEOPLE_HEADERS, rows), bad: [20, 60, 150, 200] };
}

describe('an import killed in the middle', () => {
  it('resumes after the checkpoint and ends with every good row exactly once', async () => {
    const { text, bad } = file();
    const jobId = await uploadOk(officer, 'people', text);
    const job = await claimNextJob(t.deps, 'doomed-worker');
    expect(job?.id).toBe(jobId);
    const killed = runJobHandler(t.deps, job!, JOB_HANDLERS, {
      batchSize: 50,
      afterBatch: ({ batch }) => {
        if (batch === 2) throw new Error('SIGKILL');
      },
    });
    await expect(killed).rejects.toThrow('SIGKILL');

    const halfway = await findJob(t.deps.db, jobId);
    expect(halfway).toMatchObject({
      status: 'running',
      checkpoint: 101,
      done: 100,
      leaseOwner: 'doomed-worker',
    });
    expect(halfway!.result).toMatchObject({ created: 98, failed: 2 });
    expect(await t.database.db.$count(people)).toBe(98);

    // Nothing runs while the dead worker's lease holds; once it runs out, another worker resumes.
    expect(await runJobs(t)).toBe(0);
    t.clock.advance(2 * 60_000);
    expect(await runJobs(t)).toBe(1);

    const done = await findJob(t.deps.db, jobId);
    expect(done).toMatchObject({
      status: 'done',
      checkpoint: 231,
      done: 230,
      total: 230,
      attempts: 2,
    });
    expect(done!.result).toEqual({
      total: 230,
      created: 226,
      updated: 0,
      unchanged: 0,
      failed: 4,
      warnings: 0,
      skipped: 0,
    });
    expect(await t.database.db.$count(people)).toBe(226);

    const perId = await t.database.db
      .select({ n: count() })
      .from(people)
      .groupBy(people.idNumberBidx)
      .having(sql`count(*) > 1`);
    expect(perId).toEqual([]);
    const history = await t.database.db.$count(
      recordHistory,
      sql`${recordHistory.context}->>'jobId' = ${jobId}`,
    );
    expect(history).toBe(226);
    const errors = await t.database.db
      .select()
      .from(jobRowErrors)
      .where(eq(jobRowErrors.jobId, jobId));
    expect(errors.map((e) => e.rowNumber).sort((a, b) => a - b)).toEqual(bad);
    expect(errors.find((e) => e.rowNumber === 150)?.code).toBe('IMPORT_DUPLICATE_ROW');
  });
});
