import { type Command, InvalidArgumentError, Option } from 'commander';
import { importRegions } from '../../server/platform/regions/import.js';
import { progressLine } from '../../server/progress.js';
import { operatorAuditEntry } from '../../server/access/users/cli-accounts.js';
import { appendAuditStandalone } from '../../server/platform/audit/repo.js';
import { count, operatorName, withRuntime } from '../run.js';

function provinceList(value: string): string[] {
  const codes = value.split(',').map((s) => s.trim());
  if (codes.some((c) => !/^\d{2}$/.test(c))) {
    throw new InvalidArgumentError(
      '须为两位省级代码，逗号分隔，如 50,41 (two-digit province codes)',
    );
  }
  return codes;
}

/** `fanxiang regions import [--level township|village] [--province 50,41]` */
export function registerRegions(program: Command): void {
  const regions = program.command('regions').description('行政区划 (division tree)');
  regions
    .command('import')
    .description('导入全国行政区划（可重复运行）(import the division tree; idempotent)')
    .addOption(
      new Option('--level <level>', '导入到哪一级 (deepest level)')
        .choices(['township', 'village'])
        .default('township'),
    )
    .option('--province <codes>', '只导入这些省，如 50,41 (only these provinces)', provinceList)
    .action(async (opts: { level: 'township' | 'village'; province?: string[] }) => {
      await withRuntime(async ({ database, clock, auditKeys }) => {
        const progress = progressLine('区划导入 / regions');
        const { imported } = await importRegions(database.db, {
          depth: opts.level,
          provinces: opts.province,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.done();
        await appendAuditStandalone(
          database.db,
          auditKeys.chain,
          operatorAuditEntry(operatorName(), clock(), {
            action: 'regions.import',
            objectType: 'regions',
            objectId: '',
            details: { level: opts.level, provinces: opts.province ?? [], imported },
          }),
        );
        console.log(`区划导入完成 / regions imported: ${count(imported)}`);
      });
    });
}
