import path from 'node:path';
import type { Command } from 'commander';
import { appendAuditStandalone } from '../../server/platform/audit/repo.js';
import { backupDatabase } from '../../server/platform/backup/backup.js';
import { AppRoleError, grantAppRole } from '../../server/platform/db/app-role.js';
import { openDatabase } from '../../server/platform/db/client.js';
import { migrate } from '../../server/platform/db/migrate.js';
import type { BackupProgress } from '../../server/platform/backup/format.js';
import { restoreDatabase } from '../../server/platform/backup/restore.js';
import { progressLine, type ProgressLine } from '../../server/progress.js';
import { operatorAuditEntry } from '../../server/access/users/cli-accounts.js';
import { cliConfig, count, ExitCode, note, operatorName, withRuntime } from '../run.js';

/** A progress line per phase: rows written or loaded, then rows verified. */
function phasedProgress(rowsLabel: string) {
  let phase: BackupProgress['phase'] | null = null;
  let line: ProgressLine | null = null;
  return {
    update(p: BackupProgress) {
      if (p.phase !== phase) {
        line?.done();
        phase = p.phase;
        line = progressLine(p.phase === 'rows' ? rowsLabel : '校验 / verify');
      }
      line?.update(p.done, p.total);
    },
    done() {
      line?.done();
    },
  };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `fanxiang db backup <file>` and `fanxiang db restore <file>` */
export function registerDb(program: Command): void {
  const db = program.command('db').description('数据库备份与恢复 (database backup and restore)');
  db.command('backup <file>')
    .description('逻辑备份全部数据，可恢复到 PGlite 或 PostgreSQL (logical backup, any backend)')
    .action(async (file: string) => {
      const target = path.resolve(file);
      await withRuntime(async ({ database, keys, clock, auditKeys }) => {
        const progress = phasedProgress('备份 / backup');
        const s = await backupDatabase(database, target, {
          keys,
          onProgress: (p) => progress.update(p),
        });
        progress.done();
        await appendAuditStandalone(
          database.db,
          auditKeys.chain,
          operatorAuditEntry(operatorName(), clock(), {
            action: 'db.backup',
            objectType: 'database',
            objectId: '',
            details: { file: path.basename(target), tables: s.tables, rows: s.rows },
          }),
        );
        console.log(
          `备份完成 / backup written: ${target}  ${s.tables} 张表 tables, ${count(s.rows)} 行 rows, ${size(s.bytes)}`,
        );
        console.log(
          '恢复时须使用同一数据加密密钥（secret.key 或 FANXIANG_SECRET_KEY），请一并妥善保管 / ' +
            'restoring needs the same encryption key: keep it safe with the backup',
        );
      });
    });
  db.command('grant-app-role <role>')
    .description(
      '在 PostgreSQL 上为应用的受限角色授权（以迁移角色执行）(grant a restricted application role on PostgreSQL, as the owner)',
    )
    .action(async (role: string) => {
      const config = cliConfig();
      const url = config.migrationDatabaseUrl ?? config.databaseUrl;
      if (!url) {
        note(
          '内置数据库只有一个角色，无需授权 / the embedded database has a single role: nothing to grant',
        );
        throw new ExitCode(1);
      }
      const owner = await openDatabase({ url, poolSize: 1 });
      try {
        await migrate(owner);
        await grantAppRole(owner, role);
      } catch (err) {
        if (!(err instanceof AppRoleError)) throw err;
        note(err.message);
        throw new ExitCode(1);
      } finally {
        await owner.close();
      }
      console.log(
        `已授权 / granted: ${role} — 审计表仅可插入和读取 / audit trail insert and select only`,
      );
    });
  db.command('restore <file>')
    .description(
      '恢复备份到空数据库，并校验行数和校验和 (restore into an empty database, verified)',
    )
    .action(async (file: string) => {
      const source = path.resolve(file);
      await withRuntime(
        async ({ database, keys, clock, auditKeys }) => {
          const progress = phasedProgress('恢复 / restore');
          const s = await restoreDatabase(database, source, {
            keys,
            onProgress: (p) => progress.update(p),
          });
          progress.done();
          await appendAuditStandalone(
            database.db,
            auditKeys.chain,
            operatorAuditEntry(operatorName(), clock(), {
              action: 'db.restore',
              objectType: 'database',
              objectId: '',
              details: { file: path.basename(source), tables: s.tables, rows: s.rows },
            }),
          );
          console.log(
            `恢复完成，行数和校验和一致 / restored and verified: ${s.tables} 张表 tables, ${count(s.rows)} 行 rows`,
          );
          if (s.migratedAfter > 0) {
            console.log(`已升级数据库结构 / applied ${s.migratedAfter} newer migration(s)`);
          }
        },
        { migrate: false },
      );
    });
}
