import { existsSync } from 'node:fs';
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { checkpointStoreFor } from './platform/audit/checkpoint-file.js';
import { writeAuditCheckpoint } from './platform/audit/verify.js';
import type { Db } from './platform/db/client.js';
import {
  type DemoLogin,
  describeDemoLogins,
  hasNoUsers,
  readDemoLogins,
  saveDemoLogins,
  seedDemoFoundation,
} from './demo/seed-foundation.js';
import { loadDemoStoryOnFirstStart } from './demo/serve-demo.js';
import { importRegions } from './platform/regions/import.js';
import { regions } from './platform/regions/table.js';
import { demoAccountsExist } from './platform/meta/repo.js';
import { embeddedDatabaseDir, openRuntime, type Runtime } from './runtime.js';
import { progressLine } from './progress.js';

function regionCount(db: Db): Promise<number> {
  return db.$count(regions);
}

/**
 * True while the first start's work is still to do: the division tree is not imported, or demo
 * mode finds no users (the demo organisations, accounts and ledger are not loaded).
 */
export async function firstStartPending(runtime: Runtime): Promise<boolean> {
  const { db } = runtime.database;
  if ((await regionCount(db)) === 0) return true;
  return runtime.config.demo && (await hasNoUsers(db));
}

/** How `serve` may hand the first start's work to another process (see {@link serve}). */
export interface ServeOptions {
  /** Runs {@link prepareStart} in a child process and resolves when it has finished. */
  prepareInChild?: () => Promise<void>;
}

/**
 * What start-up does before listening: on the first start imports the division tree; in demo mode
 * (`config.demo`) loads the demo organisations and accounts into a database with no users, then
 * the demo ledger and targets, and returns the demo logins to print. Outside demo mode it creates
 * no demo data, and warns loudly when the database already holds demo accounts.
 */
export async function prepareStart(
  runtime: Runtime,
  log: (line: string) => void,
): Promise<DemoLogin[] | null> {
  const { config } = runtime;
  const { db } = runtime.database;
  if ((await regionCount(db)) === 0) {
    log('首次启动：导入全国行政区划（省、市、县、乡镇）/ first start: importing the division tree');
    const progress = progressLine('区划导入 / regions');
    await importRegions(db, { onProgress: (done, total) => progress.update(done, total) });
    progress.done();
  }
  if (config.demo) {
    if (await hasNoUsers(db)) {
      log('首次启动：载入演示机构和账号 / first start: loading demo organisations and accounts');
      saveDemoLogins(
        config.dataDir,
        await seedDemoFoundation(db, runtime.keys, runtime.clock(), runtime.auditKeys.chain),
      );
      await loadDemoStoryOnFirstStart(runtime);
    }
    return readDemoLogins(config.dataDir);
  }
  if (await demoAccountsExist(db)) {
    for (const line of DEMO_ACCOUNTS_WARNING) log(line);
  }
  return null;
}

/** Printed when a start outside demo mode finds the demo accounts (their password is public). */
export const DEMO_ACCOUNTS_WARNING = [
  '',
  '!!! 警告：数据库中存在演示账号，其密码已在 README 中公开。正式使用前请停用它们',
  '!!!   （fanxiang user disable <login>），或仅在演示时使用 fanxiang serve --demo。',
  '!!! WARNING: this database holds the demo accounts, whose password is published in the README.',
  '!!!   Disable them (fanxiang user disable <login>) before real use; both web apps show 演示环境.',
  '',
];

/**
 * Starts Fanxiang: migrates, prepares the first start (see {@link prepareStart}; on the embedded
 * database in a child process when `opts.prepareInChild` is given), listens, prints
 * the address and (in demo mode) the demo logins, and closes the database on SIGINT/SIGTERM
 * (PGlite must be closed or the process hangs).
 */
export async function serve(config: Config, opts: ServeOptions = {}): Promise<void> {
  // The first start on the embedded database (creating it, the division tree, the demo ledger)
  // runs in a child process when the caller offers one: the memory that work needs — V8's heap
  // and PGlite's WebAssembly memory, neither of which shrinks — goes back to the system when the
  // child exits, instead of staying with the server for as long as it runs.
  const child = !config.databaseUrl ? opts.prepareInChild : undefined;
  const fresh = child !== undefined && !existsSync(embeddedDatabaseDir(config));
  if (fresh) await child();
  let runtime = await openRuntime(config);
  if (!fresh) for (const note of runtime.notes) console.log(note);
  if (child && !fresh && (await firstStartPending(runtime))) {
    await runtime.close();
    await child();
    runtime = await openRuntime(config);
  }
  const { db } = runtime.database;
  const logins = await prepareStart(runtime, (line) => console.log(line));

  const { app } = await buildApp({
    config,
    database: runtime.database,
    db,
    keys: runtime.keys,
    auditKeys: runtime.auditKeys,
    clock: runtime.clock,
  });
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // Close PGlite cleanly (it leaves its lock behind otherwise), then report the failure.
    await app.close();
    await runtime.close();
    throw err;
  }
  // Signed checkpoints of the audit chain's head outside the database: now, every few minutes
  // and at shutdown. A refused one (the chain no longer extends the last checkpoint) is logged.
  const store = checkpointStoreFor(config);
  const checkpoint = async () => {
    try {
      const r = await writeAuditCheckpoint(db, runtime.auditKeys, store, runtime.clock());
      if ('problems' in r)
        app.log.error({ problems: r.problems }, 'audit checkpoint refused: chain tampered');
    } catch (err) {
      app.log.error({ err }, 'audit checkpoint failed');
    }
  };
  void checkpoint();
  const timer =
    config.auditCheckpointMinutes > 0
      ? setInterval(() => void checkpoint(), config.auditCheckpointMinutes * 60_000)
      : null;
  timer?.unref();
  console.log('');
  console.log(`返乡创业服务平台已启动 / Fanxiang is running at ${address}`);
  console.log(`  接口文档 / API docs: ${address}/api/docs`);
  if (logins) for (const line of describeDemoLogins(logins)) console.log(line);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (timer) clearInterval(timer);
    await app.close();
    await checkpoint();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
