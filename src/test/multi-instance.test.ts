import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNRECORDED_ACTION } from '../server/platform/audit/fallback.js';
import { auditLog } from '../server/platform/audit/table.js';
import { jobs } from '../server/platform/jobs/table.js';
import { recordHistory } from '../server/ledger/history/table.js';
import { people } from '../server/ledger/people/table.js';
import { type Answer, Client, type Cluster, startCluster, within } from './instances.js';
import { peopleCsv } from './import-csv.js';
import { personBody } from './ledger-factories.js';

/**
 * Three real `fanxiang serve` processes on one fresh PostgreSQL database (PostgreSQL only: the
 * embedded database belongs to one process). What the README's "Scaling out" promises, checked
 * across processes: sessions, logout and disable, the lock-out counter, optimistic locking and a
 * leased import job that survives a SIGKILL of the instance running it.
 *
 * Changes that end a session are given up to 2 s to reach every instance (an instance may cache
 * sessions briefly, invalidated by notification).
 */

const server = process.env.TEST_DATABASE_URL;
if (!server) {
  console.warn(
    'multi-instance.test.ts skipped: TEST_DATABASE_URL is not set (several processes need one PostgreSQL)',
  );
}

const FENGJIE = '500236000000';
const PROPAGATION_MS = 2000;

describe.skipIf(!server)('three instances on one PostgreSQL', () => {
  let c: Cluster;
  let urls: string[];

  beforeAll(async () => {
    c = await startCluster({
      serverUrl: server!,
      instances: 3,
      users: [
        { login: 'sysadmin', role: 'sys_admin', region: '000000000000', totp: true },
        { login: 'officer_a', role: 'county_officer', region: FENGJIE },
        { login: 'officer_b', role: 'county_officer', region: FENGJIE },
        { login: 'officer_c', role: 'county_officer', region: FENGJIE },
        { login: 'locked_seq', role: 'county_officer', region: FENGJIE },
        { login: 'locked_par', role: 'county_officer', region: FENGJIE },
      ],
      // A dead worker's job is taken over after 5 s instead of a minute.
      env: { FANXIANG_JOB_LEASE_SECONDS: '5' },
    });
    urls = c.instances.map((i) => i.url);
  }, 120_000);

  afterAll(async () => {
    await c?.close();
  }, 60_000);

  const session = (client: Client, url: string) => client.get(url, '/api/auth/session');

  it('a login made on one instance is valid on the others', async () => {
    const a = new Client();
    await a.login(urls[0]!, 'officer_a');
    for (const url of urls) {
      const res = await session(a, url);
      expect(res.status, url).toBe(200);
      expect(res.json<{ login: string }>().login).toBe('officer_a');
      expect((await a.get(url, '/api/people?pageSize=5')).status).toBe(200);
    }
  });

  it('a logout on one instance ends the session on all of them', async () => {
    const a = new Client();
    await a.login(urls[0]!, 'officer_a');
    // Every instance has served the session (and may hold it in a cache) before the logout.
    for (const url of urls) expect((await session(a, url)).status).toBe(200);
    const saved = { cookie: a.cookie, csrf: a.csrf };
    expect((await a.post(urls[1]!, '/api/auth/logout')).status).toBe(200);
    const replay = new Client();
    Object.assign(replay, saved);
    for (const url of urls) {
      const took = await within(
        PROPAGATION_MS,
        async () => (await session(replay, url)).status === 401,
      );
      expect(took, `${url} still accepts the ended session`).not.toBeNull();
    }
  });

  it('disabling an account on one instance ends its sessions on all of them', async () => {
    const b = new Client();
    await b.login(urls[2]!, 'officer_b');
    for (const url of urls) expect((await session(b, url)).status).toBe(200);
    const admin = new Client();
    await admin.login(urls[0]!, 'sysadmin', c.totpSecrets.get('sysadmin'));
    const res = await admin.post(urls[0]!, `/api/users/${c.userIds.get('officer_b')}/disable`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const url of urls) {
      const took = await within(PROPAGATION_MS, async () => (await session(b, url)).status === 401);
      expect(took, `${url} still accepts the disabled account's session`).not.toBeNull();
    }
    const again = await new Client().post(urls[1]!, '/api/auth/login', {
      login: 'officer_b',
      password: 'Fanxiang#2026multi',
    });
    expect(again.json<{ code: string }>().code).toBe('ACCOUNT_DISABLED');
  });

  it('the lock-out counts failures made on different instances', async () => {
    const wrong = { login: 'locked_seq', password: 'Wrong#password1' };
    for (let i = 0; i < 5; i++) {
      const res = await new Client().post(urls[i % 3]!, '/api/auth/login', wrong);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    for (const url of urls) {
      const res = await new Client().post(url, '/api/auth/login', {
        login: 'locked_seq',
        password: 'Fanxiang#2026multi',
      });
      expect(res.json<{ code: string }>().code, url).toBe('ACCOUNT_LOCKED');
    }
  });

  it('the lock-out counts failures sent at the same time to different instances', async () => {
    const wrong = { login: 'locked_par', password: 'Wrong#password1' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        new Client().post(urls[i % 3]!, '/api/auth/login', wrong),
      ),
    );
    for (const a of answers) expect(a.status).toBeGreaterThanOrEqual(400);
    const res = await new Client().post(urls[0]!, '/api/auth/login', {
      login: 'locked_par',
      password: 'Fanxiang#2026multi',
    });
    expect(res.json<{ code: string }>().code).toBe('ACCOUNT_LOCKED');
  });

  it('concurrent edits of one person through different instances: one winner per version', async () => {
    const clients = await Promise.all(
      urls.map(async (url) => {
        const cl = new Client();
        await cl.login(url, 'officer_c');
        return cl;
      }),
    );
    const created = await clients[0]!.post(urls[0]!, '/api/people', personBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.json<{ id: string }>().id;
    let version = created.json<{ version: number }>().version;
    const winners: string[] = [];
    for (let round = 0; round < 5; round++) {
      const answers: Answer[] = await Promise.all(
        clients.map((cl, i) =>
          cl.patch(urls[i]!, `/api/people/${id}`, { version, skills: `第${round}轮实例${i + 1}` }),
        ),
      );
      const ok = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status === 409);
      expect(ok, JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
      expect(lost).toHaveLength(2);
      for (const l of lost) expect(l.json<{ code: string }>().code).toBe('VERSION_CONFLICT');
      const won = ok[0]!.json<{ skills: string; version: number }>();
      expect(won.version).toBe(version + 1);
      winners.push(won.skills);
      version = won.version;
    }
    const [row] = await c.db.db.select().from(people).where(eq(people.id, id));
    expect(row!.version).toBe(version);
    expect(row!.skills).toBe(winners.at(-1));
    const updates = await c.db.db.$count(
      recordHistory,
      sql`${recordHistory.objectId} = ${id} AND ${recordHistory.action} = 'update'`,
    );
    expect(updates).toBe(5);
  });

  it('an import whose instance is killed (SIGKILL) resumes on another and finishes once', async () => {
    const rows = 8000;
    const officer = new Client();
    await officer.login(urls[0]!, 'officer_a');
    const up = await officer.request(
      urls[0]!,
      'POST',
      '/api/ledger/imports?kind=people&fileName=multi.csv',
      peopleCsv(rows, { firstSerial: 0, region: '500236128000' }),
    );
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    const jobId = up.json<{ jobId: string }>().jobId;

    // Wait until a batch is committed, then kill whichever instance holds the lease.
    let owner = '';
    const started = await within(60_000, async () => {
      const [job] = await c.db.db.select().from(jobs).where(eq(jobs.id, jobId));
      if (job?.status === 'done') throw new Error('the import finished before it could be killed');
      owner = job?.leaseOwner ?? '';
      return job?.status === 'running' && job.done >= 1000;
    });
    expect(started).not.toBeNull();
    const pid = Number(owner.split(':')[1]);
    const victim = c.instances.find((i) => i.child.pid === pid);
    expect(victim, `lease owner ${owner}`).toBeDefined();
    await c.kill(victim!);
    const [halfway] = await c.db.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(halfway!.status).toBe('running');
    expect(halfway!.done).toBeLessThan(rows);
    const committedAtKill = await c.db.db.$count(people, sql`${people.name} LIKE '导入%'`);
    expect(committedAtKill).toBe(halfway!.result.created);

    const survivor = urls.find((u) => u !== victim!.url)!;
    const finished = await within(80_000, async () => {
      const res = await officer.get(survivor, `/api/jobs/${jobId}`);
      return res.json<{ status: string }>().status === 'done';
    });
    expect(finished, 'the job was not resumed').not.toBeNull();
    const [job] = await c.db.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ status: 'done', done: rows, total: rows });
    // Two at least: the killed worker's and the survivor's (a busy machine may add a takeover).
    expect(job!.attempts).toBeGreaterThanOrEqual(2);
    expect(job!.leaseOwner).not.toBe(owner);
    expect(job!.result).toMatchObject({ total: rows, created: rows, failed: 0 });
    expect(await c.db.db.$count(people, sql`${people.name} LIKE '导入%'`)).toBe(rows);
    const twice = await c.db.db
      .select({ n: count() })
      .from(people)
      .groupBy(people.idNumberBidx)
      .having(sql`count(*) > 1`);
    expect(twice).toEqual([]);
    const history = await c.db.db.$count(
      recordHistory,
      sql`${recordHistory.context}->>'jobId' = ${jobId}`,
    );
    expect(history).toBe(rows);
  }, 150_000);

  it('leaves every change audited and the audit chain whole', async () => {
    const unrecorded = await c.db.db.$count(auditLog, eq(auditLog.action, UNRECORDED_ACTION));
    expect(unrecorded).toBe(0);
    const verify = await c.cli(['audit', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 60_000);
});
