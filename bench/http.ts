/**
 * HTTP bench: Fanxiang's authenticated hot routes — a region's children, a page of 20 people with
 * filters, a county dashboard — each beside a bare Fastify route answering the very same body
 * from memory, at 10 and 50 connections, in one run with autocannon against servers in a child
 * process (a county officer of 奉节县, 重庆's regions, BENCH_PEOPLE synthetic people).
 *
 *   npx tsx bench/http.ts                  # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/http.ts
 *   BENCH_SECONDS=6 BENCH_ROUNDS=3 BENCH_CONNECTIONS=10,50 BENCH_PEOPLE=10000 BENCH_ROUTES=region \
 *     npx tsx bench/http.ts
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/http.ts  # a V8 CPU profile of the servers' process
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import readline from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connectionLevels = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const only = process.env.BENCH_ROUTES?.split(',');

const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : []),
    '--import',
    'tsx',
    'bench/http-servers.ts',
  ],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: process.env,
  },
);
const firstLine = await new Promise<string>((resolve, reject) => {
  const rl = readline.createInterface({ input: child.stdout });
  rl.once('line', resolve);
  child.once('exit', (code) => reject(new Error(`server child exited ${code}`)));
});
const info = JSON.parse(firstLine) as {
  routes: Array<{ name: string; appUrl: string; bareUrl: string; bytes: number }>;
  cookie: string;
  backend: string;
  people: number;
};

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function run(url: string, connections: number, duration: number, cookie?: string) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // A slow route under 50 connections on a busy machine may wait long: time out at 30 s, and
  // count timeouts beside the figures rather than abort the run. Any non-2xx answer aborts it.
  const r = await autocannon({ url, connections, duration, headers, timeout: 30 });
  if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  return {
    requests: r.requests.total,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The bare route and Fanxiang's, in `rounds` alternating rounds (bare first, then Fanxiang
 * first, …) so that a change in the machine's load hits both alike: req/s over all rounds,
 * p50 and p99 the median of the rounds'.
 */
async function pair(
  bareUrl: string,
  appUrl: string,
  connections: number,
): Promise<{ bare: Figure; app: Figure }> {
  await run(bareUrl, connections, 2); // warm-up
  await run(appUrl, connections, 2, info.cookie);
  const each = Math.max(1, Math.round(seconds / rounds));
  const bare: Awaited<ReturnType<typeof run>>[] = [];
  const app: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      bare.push(await run(bareUrl, connections, each));
      app.push(await run(appUrl, connections, each, info.cookie));
    } else {
      app.push(await run(appUrl, connections, each, info.cookie));
      bare.push(await run(bareUrl, connections, each));
    }
  }
  const figure = (rs: typeof bare): Figure => ({
    rps: rs.reduce((n, r) => n + r.requests, 0) / rs.reduce((n, r) => n + r.seconds, 0),
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    errors: rs.reduce((n, r) => n + r.errors, 0),
  });
  return { bare: figure(bare), app: figure(app) };
}

const load = loadavg()[0]!.toFixed(1);
const rows: string[] = [];
for (const route of info.routes) {
  if (only && !only.some((o) => route.name.includes(o))) continue;
  for (const connections of connectionLevels) {
    const { bare, app } = await pair(route.bareUrl, route.appUrl, connections);
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    rows.push(
      `| ${route.name} | ${connections} | ${fmt(bare.rps)} | ${bare.p50} / ${bare.p99} | ${fmt(app.rps)} | ${app.p50} / ${app.p99} | ${(app.rps / bare.rps).toFixed(2)} |${bare.errors + app.errors > 0 ? ` ${bare.errors} / ${app.errors} errors or timeouts` : ''}`,
    );
    console.error(rows.at(-1));
  }
}
child.stdin.end();

console.log(
  `\nHTTP bench — ${info.backend}, ${info.people.toLocaleString('en-US')} people, ${seconds} s per route and side in ${rounds} alternating rounds after a 2 s warm-up, load average ${load} at the start`,
);
console.log(
  '| route | connections | bare req/s | bare p50 / p99 ms | Fanxiang req/s | Fanxiang p50 / p99 ms | ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
for (const r of info.routes)
  console.log(`  ${r.name}: ${r.appUrl.replace(/^http:\/\/[^/]+/, '')} (${r.bytes} bytes)`);
