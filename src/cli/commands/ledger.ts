import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { exportFileAs } from '../../server/ledger/export/cli.js';
import { importFileAs, writeErrorReport } from '../../server/ledger/import/cli.js';
import { codeMessage } from '../../server/platform/jobs/presenter.js';
import { progressLine } from '../../server/progress.js';
import { count, ExitCode, note, operatorName, withRuntime } from '../run.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('须为非负整数 (a whole number)');
  return n;
}

interface ImportOptions {
  kind: 'people' | 'entities';
  as: string;
  batchSize?: number;
  workers?: number;
  errors?: string;
}

interface ExportOptions {
  kind: 'people' | 'entities';
  as: string;
  out?: string;
  region?: string;
  status?: string;
  category?: string;
  type?: string;
  q?: string;
  unmask?: boolean;
  reason?: string;
}

const kindOption = () =>
  new Option('--kind <kind>', '人员 people 或市场主体 entities (what the file holds)')
    .choices(['people', 'entities'])
    .makeOptionMandatory();

/** `fanxiang ledger import <file> --kind people|entities --as <login>` and `ledger export`. */
export function registerLedger(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('实名制台账导入导出 (ledger import and export)');
  ledger
    .command('import <file>')
    .description(
      '以某账号的身份导入 .xlsx 或 .csv 台账，与网页导入相同的校验和审计 (import a file as an account)',
    )
    .addOption(kindOption())
    .requiredOption(
      '--as <login>',
      '以此账号的权限和管辖范围导入 (the account whose scope applies)',
    )
    .option('--batch-size <n>', '每批提交行数，默认 1000 (rows per committed batch)', positiveInt)
    .option(
      '--workers <n>',
      '校验线程数，0 为不用线程；默认按文件大小 (validation threads)',
      positiveInt,
    )
    .option('--errors <file>', '错误报告写到此文件，默认 <文件名>.errors.xlsx (error report path)')
    .action(async (file: string, opts: ImportOptions) => {
      await withRuntime(async (runtime) => {
        const deps = { ...runtime, db: runtime.database.db };
        const progress = progressLine('台账导入 / import');
        const job = await importFileAs(deps, {
          file,
          kind: opts.kind,
          login: opts.as,
          operator: operatorName(),
          batchSize: opts.batchSize,
          workers: opts.workers,
          onProgress: (done, total) => progress.update(done, total ?? done),
        });
        progress.done();
        const r = job.result as Record<string, number>;
        if (job.status !== 'done') {
          const details = (job.result.errorDetails ?? {}) as Record<string, unknown>;
          note(
            `导入失败 / import failed [${job.error}]: ${codeMessage(job.error ?? 'INTERNAL', 'zh-CN', details)}`,
          );
          throw new ExitCode(1);
        }
        console.log(
          `导入完成 / imported: 共 ${count(r.total ?? 0)} 行 rows — 新增 created ${count(r.created ?? 0)}，` +
            `更新 updated ${count(r.updated ?? 0)}，未变 unchanged ${count(r.unchanged ?? 0)}，出错 failed ${count(r.failed ?? 0)}`,
        );
        if ((r.failed ?? 0) > 0 || (r.warnings ?? 0) > 0) {
          const report = opts.errors ?? `${path.resolve(file)}.errors.xlsx`;
          await writeErrorReport(deps, job.id, report);
          console.log(`错误报告 / error report: ${report}`);
        }
      });
    });
  ledger
    .command('export')
    .description(
      '以某账号的身份导出台账为 .xlsx，筛选条件同列表，默认脱敏并记入审计 (export a filtered list)',
    )
    .addOption(kindOption())
    .requiredOption(
      '--as <login>',
      '以此账号的权限和管辖范围导出 (the account whose scope applies)',
    )
    .option('--out <file>', '输出文件，默认 people.xlsx / entities.xlsx (output file)')
    .option('--region <code>', '区划（含下级）(region subtree)')
    .option('--status <codes>', '人员状态，逗号分隔 (person statuses)')
    .option('--category <codes>', '人员类别，逗号分隔 (person categories)')
    .option('--type <codes>', '主体类型，逗号分隔 (entity types)')
    .option('--q <text>', '检索词 (search text)')
    .option('--unmask', '不脱敏，需相应权限和 --reason (unmasked; needs person.unmask)')
    .option('--reason <text>', '不脱敏导出的理由，写入审计 (reason, audited)')
    .action(async (opts: ExportOptions) => {
      await withRuntime(async (runtime) => {
        const deps = { ...runtime, db: runtime.database.db };
        const out = path.resolve(opts.out ?? `${opts.kind}.xlsx`);
        const query = {
          region: opts.region,
          q: opts.q,
          ...(opts.kind === 'people'
            ? { status: opts.status, category: opts.category }
            : { type: opts.type }),
          ...(opts.unmask ? { unmask: 'true', reason: opts.reason } : {}),
        };
        const rows = await exportFileAs(deps, { kind: opts.kind, login: opts.as, out, query });
        console.log(`导出完成 / exported: ${count(rows)} 行 rows → ${out}`);
      });
    });
}
