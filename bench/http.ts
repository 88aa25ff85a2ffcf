/**
 * HTTP bench: a bare Fastify route against Fanxiang's authenticated GET of a region's children
 * (session lookup, grants, scope check, two indexed queries, zod serialisation), measured in one
 * run with autocannon against servers in a child process.
 *
 *   npx tsx bench/http.ts                  # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/http.ts
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=20 npx tsx bench/http.ts
 *   BENCH_CPU_PROF=/tmp/prof npx tsx bench/http.ts  # a V8 CPU profile of the servers' process
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

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
  bareUrl: string;
  appUrl: string;
  cookie: string;
  bytes: number;
  backend: string;
};

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up
  const r = await autocannon({ title, url, connections, duration: seconds, headers });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

const bare = await measure('bare Fastify route (same body)', info.bareUrl);
const app = await measure('Fanxiang GET /api/regions/:code/children (authenticated)', info.appUrl, {
  cookie: info.cookie,
});
child.stdin.end();

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `\nHTTP bench — ${info.backend}, ${connections} connections, ${seconds} s each, body ${info.bytes} bytes`,
);
console.log('| route | req/s | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|');
for (const r of [bare, app]) console.log(`| ${r.title} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} |`);
console.log(
  `\nFanxiang / bare = ${(app.rps / bare.rps).toFixed(2)} (${((app.rps / bare.rps) * 100).toFixed(0)} % of the ceiling)`,
);
