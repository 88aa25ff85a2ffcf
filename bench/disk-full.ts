/**
 * Disk-full run on the embedded database: `fanxiang serve` (PGlite) with its data directory on a
 * small tmpfs, mounted in a private mount namespace (`unshare -m`, root only; where that is not
 * allowed the run says so and exits 0). Imports and person creates go on until the disk is full;
 * the run then reports how the server behaved (still answering? which codes? exited with what
 * message?), stops it, copies the data directory out to the ordinary disk and checks there that
 * the database opens, every acknowledged write is stored, imports hold whole batches only, and
 * `fanxiang audit verify` and `fanxiang stats verify` pass.
 *
 *   npx tsx bench/disk-full.ts                 # tmpfs = prepared data + 120 MB, guard at its default
 *   npx tsx bench/disk-full.ts --extra-mb 40 --min-free-mb 0   # no guard: the disk itself fills
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { count, inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/platform/db/client.js';
import { jobs } from '../src/server/platform/jobs/table.js';
import { people } from '../src/server/ledger/people/table.js';
import { peopleCsv, serialIdNumber } from '../src/test/import-csv.js';
import { Client, CLUSTER_PASSWORD, within } from '../src/test/instances.js';
import { personBody } from '../src/test/ledger-factories.js';

const { values } = parseArgs({
  options: {
    'extra-mb': { type: 'string', default: '120' },
    // the server's FANXIANG_MIN_FREE_MB; its default unless given
    'min-free-mb': { type: 'string' },
    'max-seconds': { type: 'string', default: '240' },
  },
});
const EXTRA_MB = Number(values['extra-mb']);
const MAX_MS = Number(values['max-seconds']) * 1000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
const log = (s: string) => console.log(s);
let failed = false;
const check = (ok: boolean, what: string) => {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

const root = mkdtempSync(path.join(tmpdir(), 'fanxiang-diskfull-'));
const prep = path.join(root, 'prep');
const mnt = path.join(root, 'mnt');
const after = path.join(root, 'after');
mkdirSync(mnt);
mkdirSync(after);

function cleanEnv(dataDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL') delete env[k];
  return { ...env, FANXIANG_DATA_DIR: dataDir, FANXIANG_LOG_LEVEL: 'warn' };
}

function cli(args: string[], dataDir: string, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(dataDir),
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function sizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += statSync(p).size;
    }
  };
  walk(dir);
  return bytes / 1024 / 1024;
}

try {
  const probe = spawnSync('unshare', [
    '-m',
    'sh',
    '-c',
    'mount -t tmpfs -o size=1m tmpfs "$1"',
    'sh',
    mnt,
  ]);
  if (probe.status !== 0) {
    log(
      `a private tmpfs cannot be mounted here (unshare -m / mount: ${String(probe.stderr).trim()}); ` +
        'the disk-full run needs root. Nothing checked.',
    );
    process.exit(0);
  }

  log('preparing an embedded database (division tree of 重庆, one officer) on the ordinary disk');
  const regions = cli(['regions', 'import', '--province', '50'], prep);
  if (regions.code !== 0) throw new Error(`regions import: ${regions.out}`);
  const user = cli(
    [
      'user',
      'create',
      'filler',
      '--name',
      '填充',
      '--region',
      '500236000000',
      '--role',
      'county_officer',
      '--password-stdin',
    ],
    prep,
    `${CLUSTER_PASSWORD}\n`,
  );
  if (user.code !== 0) throw new Error(`user create: ${user.out}`);
  const base = sizeMb(prep);
  const size = Math.ceil(base + EXTRA_MB);
  log(`prepared: ${base.toFixed(1)} MB; tmpfs of ${size} MB, so about ${EXTRA_MB} MB to fill`);

  const pidFile = path.join(root, 'server.pid');
  const script = [
    'mount -t tmpfs -o size="$7"m tmpfs "$1" || exit 97',
    'cp -a "$2"/. "$1"/ || exit 98',
    '"$3" --import tsx "$4" serve --no-demo &',
    'echo $! > "$5"',
    'wait $!',
    'code=$?',
    'echo "server exited with $code"',
    'cp -a "$1"/. "$6"/',
    'exit $code',
  ].join('\n');
  const child: ChildProcess = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      script,
      'sh',
      mnt,
      prep,
      process.execPath,
      MAIN,
      pidFile,
      after,
      String(size),
    ],
    {
      cwd: ROOT,
      env: {
        ...cleanEnv(mnt),
        FANXIANG_PORT: '0',
        FANXIANG_LOGIN_RATE_PER_MINUTE: '100000',
        ...(values['min-free-mb'] ? { FANXIANG_MIN_FREE_MB: values['min-free-mb'] } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const ended = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let serverExited = false;
  void ended.then(() => (serverExited = true));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void ended.then(() => reject(new Error(`server ended before listening:\n${out}`)));
  });
  log(`server on the tmpfs: ${url}`);

  const officer = new Client();
  officer.timeoutMs = 15_000;
  await officer.login(url, 'filler');
  const acked: string[] = [];
  const outcomes = new Map<string, number>();
  const note = (what: string) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
  const jobIds: string[] = [];
  let serial = 0;
  let apiSerial = 600_000;
  let firstRefusal = '';
  const t0 = Date.now();
  const deadline = t0 + MAX_MS;
  const safely = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (err) {
      note(`no answer (${(err as Error).message})`);
      return null;
    }
  };
  while (Date.now() < deadline && !serverExited) {
    const rows = 3000;
    const file = peopleCsv(rows, { firstSerial: serial, region: '500236128000' });
    serial += rows;
    const up = await safely(() =>
      officer.request(url, 'POST', '/api/ledger/imports?kind=people&fileName=fill.csv', file),
    );
    const creates = await Promise.all(
      Array.from({ length: 20 }, () =>
        safely(() =>
          officer.post(
            url,
            '/api/people',
            personBody({ idNumber: serialIdNumber(++apiSerial), skills: '填'.repeat(400) }),
          ),
        ),
      ),
    );
    for (const r of creates) {
      if (!r) continue;
      if (r.status === 201) acked.push(r.json<{ id: string }>().id);
      else {
        const what = `POST /api/people → ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`;
        note(what);
        firstRefusal ||= what;
      }
    }
    if (up?.status === 202) {
      const jobId = up.json<{ jobId: string }>().jobId;
      jobIds.push(jobId);
      let status = '';
      await within(120_000, async () => {
        if (serverExited) return true;
        const r = await safely(() => officer.get(url, `/api/jobs/${jobId}`));
        status = r?.json<{ status: string; error?: string }>().status ?? '';
        return status === 'done' || status === 'failed';
      });
      if (status !== 'done') {
        const what = `import job ended ${status || 'without an answer'}`;
        note(what);
        firstRefusal ||= what;
      }
    } else if (up) {
      const what = `POST /api/ledger/imports → ${up.status} ${JSON.stringify(up.body).slice(0, 160)}`;
      note(what);
      firstRefusal ||= what;
    }
    if (firstRefusal) break;
  }
  log(
    `filled for ${((Date.now() - t0) / 1000).toFixed(0)} s: ${acked.length} people created through the API, ${jobIds.length} imports uploaded`,
  );
  log(`first refusal: ${firstRefusal || 'none (the disk never filled)'}`);
  for (const [k, n] of outcomes) log(`  ${n} × ${k}`);
  check(
    firstRefusal !== '',
    'writes were refused within the time given (the free-space guard, or the full disk itself)',
  );

  if (!serverExited) {
    const health = await safely(() =>
      fetch(`${url}/api/health`, { signal: AbortSignal.timeout(15_000) }).then((r) => r.status),
    );
    const ready = await safely(() =>
      fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(15_000) }).then((r) => r.status),
    );
    const pidNow = Number(readFileSync(pidFile, 'utf8').trim());
    const cpu = spawnSync('ps', ['-o', 'pcpu=,rss=', '-p', String(pidNow)], { encoding: 'utf8' });
    log(
      `server process still there (ps: %CPU, RSS KB = ${cpu.stdout.trim()}); ` +
        `/api/health → ${health ?? 'no answer in 15 s'}, /api/ready → ${ready ?? 'no answer in 15 s'}`,
    );
    const more = await safely(() =>
      officer.post(url, '/api/people', personBody({ idNumber: serialIdNumber(++apiSerial) })),
    );
    log(
      `server still running; /api/ready → ${ready}; one more create → ${more?.status} ${JSON.stringify(more?.body ?? null).slice(0, 160)}`,
    );
    check(
      more !== null && more.status !== 500,
      'a write on the full disk gets an answer, and not a bare 500',
    );
    const pid = pidNow;
    process.kill(pid, 'SIGTERM');
    const stopped = await Promise.race([
      ended.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 20_000)),
    ]);
    if (!stopped) {
      log('no exit 20 s after SIGTERM: SIGKILL');
      process.kill(pid, 'SIGKILL');
    }
    await ended;
  } else {
    log(`the server process ended by itself; its last output:\n${out.slice(-1500)}`);
  }
  log(
    out.includes('server exited with')
      ? out.slice(out.lastIndexOf('server exited with')).split('\n')[0]!
      : '',
  );

  log('\nthe data directory copied out to the ordinary disk:');
  const audit = cli(['audit', 'verify'], after);
  check(audit.code === 0, `fanxiang audit verify: exit ${audit.code}`);
  if (audit.code !== 0) log(audit.out.slice(-1500));
  const stats = cli(['stats', 'verify'], after);
  check(stats.code === 0, `fanxiang stats verify: exit ${stats.code}`);
  if (stats.code !== 0) log(stats.out.slice(-1500));
  const db = await openDatabase({ embeddedDir: path.join(after, 'pgdata') });
  try {
    const [found] = acked.length
      ? await db.db.select({ n: count() }).from(people).where(inArray(people.id, acked))
      : [{ n: 0 }];
    check(found!.n === acked.length, `${acked.length} acknowledged creates, ${found!.n} stored`);
    const jobRows = jobIds.length
      ? await db.db.select().from(jobs).where(inArray(jobs.id, jobIds))
      : [];
    const created = jobRows.reduce((s, j) => s + Number(j.result.created ?? 0), 0);
    const [imported] = await db.db
      .select({ n: count() })
      .from(people)
      .where(sql`${people.name} LIKE '导入%'`);
    check(
      imported!.n === created,
      `imports: ${imported!.n} people stored, ${created} counted by the jobs' checkpoints ` +
        `(${jobRows.map((j) => `${j.status} ${j.done}`).join(', ')})`,
    );
  } finally {
    await db.close();
  }
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  rmSync(root, { recursive: true, force: true });
}
log(failed ? '\ndisk-full run FAILED' : '\ndisk-full run passed');
process.exit(failed ? 1 : 0);
