/**
 * PostgreSQL restarted under load — on a private PostgreSQL server that this run creates
 * (`initdb` in a temporary directory, its own port on 127.0.0.1, run as the `postgres` system
 * user), never the shared one. Two Fanxiang instances take creates, edits, reads and an import
 * while the server is restarted (`pg_ctl restart -m immediate`: a crash and recovery, or
 * `--mode fast`); the run reports how requests were answered during the outage and how long the
 * instances took to serve again, then checks acknowledged == stored, the import finished once,
 * and `audit verify` / `stats verify` pass. Exits 1 when a check fails.
 *
 *   npx tsx bench/pg-restart.ts [--mode immediate|fast] [--seconds 40]
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { jobs } from '../src/server/platform/jobs/table.js';
import { people } from '../src/server/ledger/people/table.js';
import { peopleCsv, serialIdNumber } from '../src/test/import-csv.js';
import { type Answer, Client, startCluster, within } from '../src/test/instances.js';
import { personBody } from '../src/test/ledger-factories.js';
import { Recorder } from './load-recorder.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'immediate' },
    seconds: { type: 'string', default: '40' },
    port: { type: 'string', default: '55432' },
  },
});
const MODE = values.mode === 'fast' ? 'fast' : 'immediate';
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const log = (s: string) => console.log(s);
let failed = false;
const check = (ok: boolean, what: string) => {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

const bin = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' }).stdout.trim();
const pgDir = mkdtempSync(path.join(tmpdir(), 'fanxiang-pg-'));
const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
if (!bin || id.status !== 0) {
  log('needs PostgreSQL binaries (pg_config) and the postgres system user; nothing checked');
  process.exit(0);
}
const uid = Number(id.stdout.trim());
chownSync(pgDir, uid, uid);
const asPostgres = (args: string[]) => {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r;
};
const data = path.join(pgDir, 'data');
asPostgres([path.join(bin, 'initdb'), '-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8']);
const pgctl = (...args: string[]) =>
  asPostgres([
    path.join(bin, 'pg_ctl'),
    '-D',
    data,
    '-l',
    path.join(pgDir, 'log'),
    '-w',
    '-o',
    `-p ${PORT} -k ${pgDir} -c listen_addresses=127.0.0.1 -c max_connections=60`,
    ...args,
  ]);
pgctl('start');
log(`private PostgreSQL on 127.0.0.1:${PORT} (${pgDir})`);

const serverUrl = `postgres://postgres@127.0.0.1:${PORT}/postgres`;
const c = await startCluster({
  serverUrl,
  instances: 2,
  users: [{ login: 'officer', role: 'county_officer', region: '500236000000' }],
  env: { FANXIANG_JOB_LEASE_SECONDS: '5', FANXIANG_LOG_LEVEL: 'error' },
});
const urls = c.instances.map((i) => i.url);
let rr = 0;
const nextUrl = () => urls[rr++ % urls.length]!;

try {
  const officer = new Client();
  await officer.login(urls[0]!, 'officer');
  const rows = 20_000;
  const up = await officer.request(
    urls[0]!,
    'POST',
    '/api/ledger/imports?kind=people&fileName=restart.csv',
    peopleCsv(rows, { firstSerial: 0, region: '500236128000' }),
  );
  const jobId = up.json<{ jobId: string }>().jobId;

  const rec = new Recorder();
  const acked: string[] = [];
  const edits = new Map<string, { version: number; skills: string }>();
  let serial = 500_000;
  let outageStart = 0;
  let outageEnd = 0;
  let lastError = 0;
  let firstOkAfter = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const call = async (route: string, f: () => Promise<Answer>) => {
    const t0 = performance.now();
    try {
      const r = await f();
      const ms = performance.now() - t0;
      if (r.status < 400 || r.status === 409) {
        rec.add(route, ms, r.status === 409 ? 'expected' : 'ok');
        if (outageEnd && !firstOkAfter) firstOkAfter = Date.now();
      } else {
        lastError = Date.now();
        rec.add(route, ms, 'error', `${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
      }
      return r;
    } catch (err) {
      lastError = Date.now();
      rec.add(route, performance.now() - t0, 'error', (err as Error).message);
      return null;
    }
  };
  const worker = async () => {
    while (Date.now() < deadline) {
      const r = await call('POST /api/people', () =>
        officer.post(nextUrl(), '/api/people', personBody({ idNumber: serialIdNumber(++serial) })),
      );
      if (r?.status !== 201) continue;
      const p = r.json<{ id: string; version: number }>();
      acked.push(p.id);
      await call('GET /api/people', () => officer.get(nextUrl(), '/api/people?pageSize=20'));
      const skills = `重启${serial}`;
      const e = await call('PATCH /api/people/:id', () =>
        officer.patch(nextUrl(), `/api/people/${p.id}`, { version: p.version, skills }),
      );
      if (e?.status === 200) edits.set(p.id, { version: p.version + 1, skills });
    }
  };
  const restart = async () => {
    await new Promise((r) => setTimeout(r, Math.min(10_000, (SECONDS * 1000) / 4)));
    outageStart = Date.now();
    pgctl('restart', '-m', MODE);
    outageEnd = Date.now();
    log(`PostgreSQL restarted (-m ${MODE}) in ${outageEnd - outageStart} ms`);
  };
  await Promise.all([restart(), ...Array.from({ length: 6 }, worker)]);
  log('');
  log(rec.table(SECONDS));
  const errs = rec.errors();
  log(`\nrequests refused or failed around the restart: ${errs.total}`);
  for (const [k, n] of errs.samples) log(`  ${n} × ${k}`);
  log(
    `errors from ${outageStart ? 0 : '—'} to ${lastError ? lastError - outageStart : '—'} ms after the restart began; ` +
      `first success after PostgreSQL was back: ${firstOkAfter ? firstOkAfter - outageEnd : '—'} ms`,
  );

  const causes = new Map<string, number>();
  for (const inst of c.instances)
    for (const line of inst.output().split('\n')) {
      if (!line.includes('"request failed"')) continue;
      try {
        const entry = JSON.parse(line) as { err?: { message?: string; type?: string } };
        const key = `${entry.err?.type ?? ''}: ${(entry.err?.message ?? '').slice(0, 120)}`;
        causes.set(key, (causes.get(key) ?? 0) + 1);
      } catch {
        // not a log line
      }
    }
  if (causes.size) log('what the instances logged for those requests:');
  for (const [k, n] of causes) log(`  ${n} × ${k}`);

  log('\nchecks after the run:');
  for (const inst of c.instances) {
    const alive = inst.child.exitCode === null && inst.child.signalCode === null;
    const ready = alive ? (await fetch(`${inst.url}/api/ready`)).status : 0;
    check(alive && ready === 200, `instance ${inst.name} kept running and is ready (${ready})`);
    if (!alive) log(`    ${inst.name} ended; its last output:\n${inst.output().slice(-1500)}`);
  }
  const done = await within(
    c.instances.some((i) => i.child.exitCode !== null || i.child.signalCode !== null) ? 0 : 240_000,
    async () => {
      const [j] = await c.db.db.select().from(jobs).where(eq(jobs.id, jobId));
      return j?.status === 'done' || j?.status === 'failed';
    },
  );
  const [job] = await c.db.db.select().from(jobs).where(eq(jobs.id, jobId));
  const [imported] = await c.db.db
    .select({ n: count() })
    .from(people)
    .where(sql`${people.name} LIKE '导入%'`);
  check(
    done !== null && job!.status === 'done' && imported!.n === rows,
    `import of ${rows} rows: ${job!.status} after ${job!.attempts} attempt(s), ${imported!.n} people stored`,
  );
  const [found] = acked.length
    ? await c.db.db.select({ n: count() }).from(people).where(inArray(people.id, acked))
    : [{ n: 0 }];
  check(found!.n === acked.length, `${acked.length} creates acknowledged, ${found!.n} stored`);
  const ids = [...edits.keys()];
  const rowsEdited = ids.length
    ? await c.db.db
        .select({ id: people.id, version: people.version, skills: people.skills })
        .from(people)
        .where(inArray(people.id, ids))
    : [];
  const held = rowsEdited.filter((r) => {
    const e = edits.get(r.id)!;
    return r.version === e.version && r.skills === e.skills;
  }).length;
  check(held === ids.length, `${ids.length} edits acknowledged, ${held} stored`);
  const audit = await c.cli(['audit', 'verify']);
  check(audit.code === 0, `fanxiang audit verify: exit ${audit.code}`);
  if (audit.code !== 0) log(audit.stdout + audit.stderr);
  const stats = await c.cli(['stats', 'verify']);
  check(stats.code === 0, `fanxiang stats verify: exit ${stats.code}`);
  if (stats.code !== 0) log(stats.stdout + stats.stderr);
} catch (err) {
  failed = true;
  console.error(err);
  for (const inst of c.instances) console.error(`--- ${inst.name}\n${inst.output().slice(-3000)}`);
} finally {
  await c.close().catch((err: unknown) => console.error(err));
  pgctl('stop', '-m', 'fast');
  rmSync(pgDir, { recursive: true, force: true });
}
log(failed ? '\nPostgreSQL restart run FAILED' : '\nPostgreSQL restart run passed');
process.exit(failed ? 1 : 0);
