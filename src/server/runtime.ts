import path from 'node:path';
import type { Config } from './config.js';
import { deriveKeys, loadOrCreateKeyFile, type Keys } from './crypto/keys.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import type { Clock } from './http/types.js';
import { seedBuiltinRoles } from './roles/seed.js';

export interface Runtime {
  config: Config;
  database: Database;
  keys: Keys;
  clock: Clock;
  /** Messages for the operator about what start-up did (key created, database used). */
  notes: string[];
  close(): Promise<void>;
}

/**
 * Opens the configured database, applies migrations, refreshes built-in roles and loads the
 * encryption key. Shared by `fanxiang serve` and every CLI command that touches data.
 */
export async function openRuntime(
  config: Config,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  const notes: string[] = [];
  let secret = config.secretKey;
  if (!secret) {
    const file = loadOrCreateKeyFile(config.dataDir);
    secret = file.key;
    notes.push(
      file.created
        ? `已在 ${file.file} 生成数据加密密钥，请妥善备份 / created the encryption key at ${file.file}; back it up`
        : `使用数据加密密钥 ${file.file} / using the encryption key at ${file.file}`,
    );
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    embeddedDir: path.join(config.dataDir, 'pgdata'),
    poolSize: config.dbPoolSize,
  });
  notes.push(`数据库 / database: ${database.location}`);
  if (opts.migrate !== false) {
    await migrate(database);
    await seedBuiltinRoles(database.db);
  }
  return {
    config,
    database,
    keys: deriveKeys(secret),
    clock: () => new Date(),
    notes,
    close: () => database.close(),
  };
}
