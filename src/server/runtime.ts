import path from 'node:path';
import type { Config } from './config.js';
import {
  deriveAuditKeys,
  deriveKeys,
  loadOrCreateKeyFile,
  type AuditKeys,
  type Keys,
} from './platform/crypto/keys.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { canAlterAudit, currentRole, grantAppRole } from './platform/db/app-role.js';
import { migrate } from './platform/db/migrate.js';
import type { Clock } from './platform/http/types.js';
import { reindexSearchTokens } from './ledger/search/reindex.js';
import { seedBuiltinRoles } from './access/roles/seed.js';
import { seedCalendarDays } from './platform/calendar/service.js';
import { seedLoanProducts } from './programme/loan-products/seed.js';

export interface Runtime {
  config: Config;
  database: Database;
  keys: Keys;
  /** Keys of the audit chain and its checkpoints, derived from the same master key. */
  auditKeys: AuditKeys;
  clock: Clock;
  /** Messages for the operator about what start-up did (key created, database used). */
  notes: string[];
  close(): Promise<void>;
}

/**
 * Migrates over the owner's connection (FANXIANG_MIGRATION_DATABASE_URL), then grants the
 * application's role (the one DATABASE_URL logs in as) what it needs, again after every
 * upgrade so tables new migrations add are covered.
 */
export async function migrateAsOwner(
  url: string,
  app: Database,
  run: (owner: Database) => Promise<void> = migrate,
): Promise<void> {
  const owner = await openDatabase({ url, poolSize: 1 });
  try {
    await run(owner);
    const role = await currentRole(app);
    if (role !== (await currentRole(owner))) await grantAppRole(owner, role);
  } finally {
    await owner.close();
  }
}

/** Where the embedded database keeps its files. */
export function embeddedDatabaseDir(config: Config): string {
  return path.join(config.dataDir, 'pgdata');
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
    embeddedDir: embeddedDatabaseDir(config),
    poolSize: config.dbPoolSize,
    embeddedSharedBuffersMb: config.embeddedSharedBuffersMb,
  });
  notes.push(`数据库 / database: ${database.location}`);
  if (opts.migrate !== false) {
    if (config.migrationDatabaseUrl) await migrateAsOwner(config.migrationDatabaseUrl, database);
    else await migrate(database);
    await seedBuiltinRoles(database.db);
    await seedCalendarDays(database.db);
    await seedLoanProducts(database.db);
    const reindexed = await reindexSearchTokens(database.db);
    if (Object.keys(reindexed).length > 0) {
      notes.push(
        `已重建搜索索引（含拼音）/ search tokens rebuilt (with pinyin): ${JSON.stringify(reindexed)}`,
      );
    }
  }
  if (database.kind === 'postgres' && (await canAlterAudit(database))) {
    notes.push(
      '注意：应用的数据库角色可改写审计表（超级用户或表的所有者），请按 README「Running on PostgreSQL」改用受限角色 / ' +
        'warning: the application database role can alter the audit table (superuser or owner); ' +
        'run it under a restricted role (README, "Running on PostgreSQL")',
    );
  }
  return {
    config,
    database,
    keys: deriveKeys(secret),
    auditKeys: deriveAuditKeys(secret),
    clock: () => new Date(),
    notes,
    close: () => database.close(),
  };
}
