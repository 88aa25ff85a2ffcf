import type { Command } from 'commander';
import { CHAIN_PROBLEM_LABELS } from '../../server/platform/audit/presenter.js';
import { readHead } from '../../server/platform/audit/repo.js';
import { checkpointStoreFor } from '../../server/platform/audit/checkpoint-file.js';
import { verifyAuditChain, writeAuditCheckpoint } from '../../server/platform/audit/verify.js';
import { progressLine } from '../../server/progress.js';
import { count, ExitCode, withRuntime } from '../run.js';

/** `fanxiang audit verify` */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 (audit trail)');
  audit
    .command('verify')
    .description(
      '校验审计哈希链及库外签名检查点，完好时写入新检查点；发现问题时退出码为 1 ' +
        '(verify the chain against the signed checkpoints, then checkpoint the head; exit 1 on problems)',
    )
    .action(async () => {
      const ok = await withRuntime(async ({ database, config, auditKeys, clock }) => {
        const store = checkpointStoreFor(config);
        const progress = progressLine('审计链校验 / audit chain');
        const report = await verifyAuditChain(database.db, {
          keys: auditKeys,
          checkpoints: store,
          onProgress: (checked, total) => progress.update(checked, total),
        });
        progress.done();
        if (report.ok) {
          const head = await readHead(database.db);
          console.log(`审计链完整 / audit chain intact: ${count(report.checked)} records`);
          console.log(`链头 / head: seq ${head.seq} ${head.hash}`);
          if (head.keyedFrom > 1) {
            console.log(
              `第 1–${head.keyedFrom - 1} 条为升级前的 SHA-256 记录，其后以密钥 HMAC 封存 / ` +
                `records 1–${head.keyedFrom - 1} predate the keyed chain (SHA-256), later ones are HMAC-sealed`,
            );
          }
          console.log(
            `已比对检查点 / checkpoints compared: ${report.checkpoints} (${store.location})`,
          );
          const cp = await writeAuditCheckpoint(database.db, auditKeys, store, clock());
          if (cp.name && cp.written) console.log(`已写入检查点 / checkpoint written: ${cp.name}`);
          return true;
        }
        console.log(
          `审计链有 ${report.problems.length} 处问题 / audit chain has ${report.problems.length} problem(s)` +
            ` (${count(report.checked)} records checked, head seq ${report.headSeq}):`,
        );
        for (const p of report.problems) {
          const label = CHAIN_PROBLEM_LABELS[p.problem];
          console.log(`  seq ${p.seq}  ${p.problem}  ${label.zh} / ${label.en}`);
        }
        return false;
      });
      if (!ok) throw new ExitCode(1);
    });
}
