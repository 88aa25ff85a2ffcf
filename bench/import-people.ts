/**
 * Import bench: N valid people from CSV into PostgreSQL through the full validation path (parse,
 * PersonCreate, regions and scope, AES-GCM + HMAC sealing, search tokens, upsert, history, job
 * checkpoints: the API's own job handler), next to a raw COPY of the same file into a plain
 * table with the same columns, in the same run. Prints rows/s for both, the ratio and peak RSS.
 *
 *   npx tsx bench/import-people.ts                      # 100,000 rows
 *   npx tsx bench/import-people.ts --rows 1000000
 *   npx tsx bench/import-people.ts --workers 2 --batch 5000   # validation threads, rows per batch
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import-people.ts
 *
 * Creates a database of its own on that server and drops it afterwards.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { cpuMeter } from './cpu-meter.js';
import { type Database, openDatabase } from '../src/server/platform/db/client.js';
import { loadConfig } from '../src/server/config.js';
import {
  deriveAuditKeys,
  deriveKeys,
  generateMasterKey,
} from '../src/server/platform/crypto/keys.js';
import type { AppDeps } from '../src/server/platform/http/types.js';
import { importFileAs } from '../src/server/ledger/import/cli.js';
import { people } from '../src/server/ledger/people/table.js';
import { PEOPLE_CSV_HEADER } from './ledger-data.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rows = Number(arg('rows') ?? 100_000);
const workers = arg('workers') === undefined ? undefined : Number(arg('workers'));
const batchSize = arg('batch') === undefined ? undefined : Number(arg('batch'));
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `ledger_import_bench_${process.pid}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Peak resident memory over a phase, sampled every 100 ms (worker threads included). */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak && process.env.BENCH_MEMORY_DETAIL) {
      console.error(
        `rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`,
      );
    }
    peak = Math.max(peak, m.rss);
  }, 100);
  return {
    stop() {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
await admin(`CREATE DATABASE ${dbName}`);
const dir = mkdtempSync(path.join(tmpdir(), 'fx-bench-'));
const file = path.join(dir, 'people.csv');
let database: Database | undefined;
try {
  const genStart = performance.now();
  const setup = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/import-setup.ts', url.toString(), file, String(rows)],
    { encoding: 'utf8' },
  );
  const { bytes } = JSON.parse(setup.trim().split('\n').at(-1) ?? '{}') as { bytes: number };
  console.error(
    `set up the database and generated ${fmt(rows)} rows (${mb(bytes)}) in ${((performance.now() - genStart) / 1000).toFixed(1)} s (not timed)`,
  );
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  database = db;
  const baseRss = process.memoryUsage().rss;
  console.error(`resident memory before the runs: ${mb(baseRss)}`);

  // (a) Baseline: COPY of the same file into a plain table with the same columns.
  const columns = PEOPLE_CSV_HEADER.split(',')
    .map((_, i) => `c${i + 1} text`)
    .join(', ');
  await db.pool!.query(`CREATE TABLE raw_people (${columns})`);
  const copyCpu = await cpuMeter(serverUrl, dbName);
  const copyRss = rssSampler();
  const copyStart = performance.now();
  const client = await db.pool!.connect();
  try {
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('COPY raw_people FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
  } finally {
    client.release();
  }
  const copySecs = (performance.now() - copyStart) / 1000;
  const copyPeak = copyRss.stop();
  const copyUsed = await copyCpu.stop();
  const copied = Number(
    (await db.pool!.query<{ n: string }>('SELECT count(*) AS n FROM raw_people')).rows[0]?.n,
  );

  // (b) The import job, as the API runs it (worker threads for a file this size).
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    FANXIANG_SECRET_KEY: generateMasterKey(),
    FANXIANG_DATA_DIR: dir,
  });
  const deps: AppDeps = {
    config,
    database: db,
    db: db.db,
    keys: deriveKeys(config.secretKey!),
    auditKeys: deriveAuditKeys(config.secretKey!),
    clock: () => new Date(),
  };
  const importCpu = await cpuMeter(serverUrl, dbName);
  const importRss = rssSampler();
  const importStart = performance.now();
  let last = 0;
  const job = await importFileAs(deps, {
    file,
    kind: 'people',
    login: 'bench_officer',
    operator: 'cli:bench',
    ...(workers === undefined ? {} : { workers }),
    ...(batchSize === undefined ? {} : { batchSize }),
    onProgress: (done) => {
      if (done - last >= rows / 10) {
        last = done;
        const secs = (performance.now() - importStart) / 1000;
        console.error(
          `  import ${fmt(done)} rows, ${fmt(done / secs)} rows/s, rss ${mb(process.memoryUsage().rss)}`,
        );
      }
    },
  });
  const importSecs = (performance.now() - importStart) / 1000;
  const importPeak = importRss.stop();
  const importUsed = await importCpu.stop();
  const imported = await db.db.$count(people);
  if (job.status !== 'done' || imported !== rows) {
    throw new Error(
      `import ended ${job.status} with ${imported} of ${rows} rows: ${JSON.stringify(job.result)}`,
    );
  }

  // (c) What PostgreSQL alone needs: the import's own rows, already validated and sealed, COPYed
  // back into the real `people` table (its seven indexes, constraints and counter triggers).
  const sealedFile = path.join(dir, 'people-sealed.copy');
  const out = await db.pool!.connect();
  try {
    await pipeline(out.query(copyTo('COPY people TO STDOUT')), createWriteStream(sealedFile));
    await out.query('TRUNCATE people CASCADE');
  } finally {
    out.release();
  }
  const floorStart = performance.now();
  const into = await db.pool!.connect();
  try {
    await pipeline(createReadStream(sealedFile), into.query(copyFrom('COPY people FROM STDIN')));
  } finally {
    into.release();
  }
  const floorSecs = (performance.now() - floorStart) / 1000;
  const floorRows = await db.db.$count(people);

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const copyRate = copied / copySecs;
  const importRate = rows / importSecs;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nImport bench — ${fmt(rows)} people from CSV (${mb(bytes)}), PostgreSQL ${(await db.pool!.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version}, ${availableParallelism()} cores (${cpu}), Node ${process.version}\n`,
  );
  console.log('| path | rows | seconds | rows/s | peak RSS |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| raw \`COPY\` into a plain table (baseline) | ${fmt(copied)} | ${copySecs.toFixed(1)} | ${fmt(copyRate)} | ${mb(copyPeak)} |`,
  );
  console.log(
    `| Fanxiang import job (full validation, sealing, upsert, history, checkpoints) | ${fmt(imported)} | ${importSecs.toFixed(1)} | ${fmt(importRate)} | ${mb(importPeak)} |`,
  );
  console.log(
    `| \`COPY\` of the same rows, already sealed, into the real \`people\` table (indexes, constraints, counters; no validation, no history) | ${fmt(floorRows)} | ${floorSecs.toFixed(1)} | ${fmt(floorRows / floorSecs)} | — |`,
  );
  console.log(
    `\nimport / COPY = ${(importRate / copyRate).toFixed(3)} (1/${(copyRate / importRate).toFixed(1)} of COPY's rate); result ${JSON.stringify(job.result)}`,
  );
  console.log(
    `sealed COPY into \`people\` / raw COPY = ${(floorRows / floorSecs / copyRate).toFixed(3)}: the most any import into this schema could reach; import / sealed COPY = ${(importRate / (floorRows / floorSecs)).toFixed(3)}`,
  );
  const us = (secs: number, n: number) => `${Math.round((secs * 1e6) / n)} µs`;
  console.log(
    `CPU per row — COPY: Node ${us(copyUsed.node, copied)}, PostgreSQL ${us(copyUsed.db, copied)}; import: Node ${us(importUsed.node, rows)} (all threads), PostgreSQL ${us(importUsed.db, rows)}`,
  );
  console.log(
    `validation threads: ${workers ?? 'auto'}; batch: ${batchSize ?? 'default'} rows; load average (1 / 5 / 15 min) at the end: ${load}; resident memory before the runs: ${mb(baseRss)}`,
  );
} finally {
  await database?.close();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
