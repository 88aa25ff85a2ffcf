import type { Command } from 'commander';
import { migrate } from '../../server/db/migrate.js';
import { appliedMigrations } from '../../server/backup/migrations.js';
import { seedBuiltinRoles } from '../../server/roles/seed.js';
import { withRuntime } from '../run.js';

/** `fanxiang migrate` */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('应用数据库迁移并刷新内置角色 (apply database migrations)')
    .action(async () => {
      await withRuntime(
        async ({ database }) => {
          const before = await appliedMigrations(database.db);
          await migrate(database);
          await seedBuiltinRoles(database.db);
          const after = await appliedMigrations(database.db);
          const added = after.count - before.count;
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
