/**
 * Footprint bench: the resident memory of the embedded server (PGlite) from the production
 * build, as `npm start` runs it — right after a first start on a fresh data directory (the
 * division tree and the demo ledger are loaded by a child process, measured apart), and after a
 * later start, next to the same later start with PostgreSQL's default shared buffers and Node's
 * default flags (the baseline, in the same run).
 *
 *   npm run build && npx tsx bench/footprint.ts
 *   npx tsx bench/footprint.ts --later-only      # skip the first start (reuses BENCH_DATA_DIR)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const FLAGS = ['--wasm-lazy-compilation', '--max-semi-space-size=4'];
const laterOnly = process.argv.includes('--later-only');
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'fx-footprint-'));
const port = 3900 + Math.floor(Math.random() * 90);

function status(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

interface Run {
  label: string;
  seconds: number;
  childPeak: number;
  serverPeak: number;
  serverSteady: number;
}

async function start(label: string, flags: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const t0 = Date.now();
  const server: ChildProcess = spawn(
    process.execPath,
    [...flags, 'dist/cli/main.js', 'serve', '--demo'],
    {
      env: {
        ...process.env,
        FANXIANG_DATA_DIR: dataDir,
        FANXIANG_PORT: String(port),
        FANXIANG_LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let childPeak = 0;
  const watch = setInterval(() => {
    for (const c of childrenOf(server.pid!)) childPeak = Math.max(childPeak, status(c).hwm);
  }, 200);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('Fanxiang is running')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`${label}: server exited ${code}\n${out}`)));
  });
  clearInterval(watch);
  const seconds = (Date.now() - t0) / 1000;
  // A little of what an official does: region reads and refused logins, then a quiet spell.
  for (let i = 0; i < 30; i++) {
    await fetch(`http://127.0.0.1:${port}/api/regions/500236000000/children`).catch(
      () => undefined,
    );
    await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'nobody', password: 'wrong-password' }),
    }).catch(() => undefined);
  }
  await new Promise((r) => setTimeout(r, 15_000));
  const s = status(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  return { label, seconds, childPeak, serverPeak: s.hwm, serverSteady: s.rss };
}

const runs: Run[] = [];
if (!laterOnly) runs.push(await start('first start (fresh data directory)', FLAGS, {}));
runs.push(await start('later start', FLAGS, {}));
runs.push(
  await start('later start, baseline: 128 MB shared buffers, default Node flags', [], {
    FANXIANG_EMBEDDED_SHARED_BUFFERS_MB: '128',
  }),
);
if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });

const mb = (n: number) => (n > 0 ? `${n.toFixed(0)} MB` : '—');
console.log(`\nEmbedded footprint — production build, demo data, Node ${process.version}\n`);
console.log(
  '| start | ready after | first-start child peak | server peak | server steady (15 s after) |',
);
console.log('|---|---:|---:|---:|---:|');
for (const r of runs)
  console.log(
    `| ${r.label} | ${r.seconds.toFixed(0)} s | ${mb(r.childPeak)} | ${mb(r.serverPeak)} | ${mb(r.serverSteady)} |`,
  );
console.log(
  `\nload average (1 / 5 / 15 min): ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
