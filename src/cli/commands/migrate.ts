import type { Command } from 'commander';
import { migrate } from '../../server/platform/db/migrate.js';
import { appliedMigrations } from '../../server/platform/backup/migrations.js';
import type { Database } from '../../server/platform/db/client.js';
import { seedBuiltinRoles } from '../../server/access/roles/seed.js';
import { seedCalendarDays } from '../../server/platform/calendar/service.js';
import { seedLoanProducts } from '../../server/programme/loan-products/seed.js';
import { reindexSearchTokens } from '../../server/ledger/search/reindex.js';
import { migrateAsOwner } from '../../server/runtime.js';
import { withRuntime } from '../run.js';

/** `fanxiang migrate` */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('应用数据库迁移并刷新内置角色 (apply database migrations)')
    .action(async () => {
      await withRuntime(
        async ({ database, config }) => {
          // With FANXIANG_MIGRATION_DATABASE_URL the owner migrates and grants the app's role.
          let counts = { before: 0, after: 0 };
          const run = async (owner: Database) => {
            const before = await appliedMigrations(owner.db);
            await migrate(owner);
            counts = { before: before.count, after: (await appliedMigrations(owner.db)).count };
          };
          if (config.migrationDatabaseUrl) {
            await migrateAsOwner(config.migrationDatabaseUrl, database, run);
          } else {
            await run(database);
          }
          await seedBuiltinRoles(database.db);
          // Official calendar and loan-product values shipped with the code; idempotent.
          await seedCalendarDays(database.db);
          await seedLoanProducts(database.db);
          // Rows marked by a migration get their search tokens rebuilt, resumably, in batches.
          await reindexSearchTokens(database.db);
          const after = { count: counts.after };
          const added = counts.after - counts.before;
          console.log(
            added > 0
              ? `已应用 ${added} 个迁移，共 ${after.count} 个 / applied ${added} migration(s), ${after.count} in total`
              : `数据库结构已是最新（${after.count} 个迁移）/ schema up to date (${after.count} migrations)`,
          );
        },
        { migrate: false },
      );
    });
}
