import type { Config } from './config.js';
import { buildApp } from './app.js';
import { checkpointStoreFor } from './audit/checkpoint-file.js';
import { writeAuditCheckpoint } from './audit/verify.js';
import type { Db } from './db/client.js';
import {
  describeDemoLogins,
  hasNoUsers,
  readDemoLogins,
  saveDemoLogins,
  seedDemoFoundation,
} from './demo/seed-foundation.js';
import { loadDemoStoryOnFirstStart } from './demo/serve-demo.js';
import { importRegions } from './regions/import.js';
import { regions } from './regions/table.js';
import { openRuntime } from './runtime.js';
import { progressLine } from './progress.js';

export interface ServeOptions {
  /** Load the demo organisations and accounts into a database that has no users. */
  demo: boolean;
}

function regionCount(db: Db): Promise<number> {
  return db.$count(regions);
}

/**
 * Starts Fanxiang: migrates; on the first start imports the division tree and (with `demo`)
 * the demo organisations and accounts, then the demo ledger and targets; listens; prints the address and the demo logins; and
 * closes the database on SIGINT/SIGTERM (PGlite must be closed or the process hangs).
 */
export async function serve(config: Config, opts: ServeOptions): Promise<void> {
  const runtime = await openRuntime(config);
  for (const note of runtime.notes) console.log(note);
  const { db } = runtime.database;

  if ((await regionCount(db)) === 0) {
    console.log(
      '首次启动：导入全国行政区划（省、市、县、乡镇）/ first start: importing the division tree',
    );
    const progress = progressLine('区划导入 / regions');
    await importRegions(db, { onProgress: (done, total) => progress.update(done, total) });
    progress.done();
  }
  if (opts.demo && (await hasNoUsers(db))) {
    console.log(
      '首次启动：载入演示机构和账号 / first start: loading demo organisations and accounts',
    );
    saveDemoLogins(
      config.dataDir,
      await seedDemoFoundation(db, runtime.keys, runtime.clock(), runtime.auditKeys.chain),
    );
    await loadDemoStoryOnFirstStart(runtime);
  }

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
  const logins = opts.demo ? readDemoLogins(config.dataDir) : null;
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
