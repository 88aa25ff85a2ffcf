import type { Command } from 'commander';
import { appendAuditStandalone } from '../../server/platform/audit/repo.js';
import { rebuildCounters, verifyCounters } from '../../server/statistics/stats/verify.js';
import { operatorAuditEntry } from '../../server/access/users/cli-accounts.js';
import { formatTable } from '../table.js';
import { count, ExitCode, note, operatorName, withRuntime } from '../run.js';

/** `fanxiang stats verify` and `fanxiang stats rebuild`. */
export function registerStats(program: Command): void {
  const stats = program.command('stats').description('统计指标 (indicator counters)');
  stats
    .command('verify')
    .description(
      '用台账重新计算全部统计计数并比对，有差异时退出码为 1 (recount every counter from the ledger; exit 1 on differences)',
    )
    .action(async () => {
      const ok = await withRuntime(async ({ database }) => {
        const started = Date.now();
        const report = await verifyCounters(database.db);
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        if (report.differences === 0) {
          console.log(
            `统计计数与台账一致 / counters match the ledger: ${count(report.checked)} counters (${secs} s)`,
          );
          return true;
        }
        console.log(
          `发现 ${count(report.differences)} 个统计计数与台账不符 / ${count(report.differences)} counter(s) differ from the ledger (${secs} s):`,
        );
        const rows = [
          ['序列 series', '区划 region', '月份 month', '维度 dim', '应为 expected', '实为 actual'],
        ];
        for (const d of report.sample) {
          rows.push([
            d.series,
            d.regionCode,
            d.month,
            d.dim || '(合计)',
            String(d.expected),
            String(d.actual),
          ]);
        }
        for (const line of formatTable(rows)) console.log(`  ${line}`);
        note('运行 `fanxiang stats rebuild` 修复 / run `fanxiang stats rebuild` to repair');
        return false;
      });
      if (!ok) throw new ExitCode(1);
    });
  stats
    .command('rebuild')
    .description(
      '用台账重建全部统计计数（期间台账写入需等待）(rebuild every counter from the ledger)',
    )
    .action(async () => {
      await withRuntime(async ({ database, clock, auditKeys }) => {
        const started = Date.now();
        const { counters } = await rebuildCounters(database.db);
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        await appendAuditStandalone(
          database.db,
          auditKeys.chain,
          operatorAuditEntry(operatorName(), clock(), {
            action: 'stats.rebuild',
            objectType: 'stats',
            objectId: '',
            details: { counters },
          }),
        );
        console.log(`统计计数已重建 / counters rebuilt: ${count(counters)} (${secs} s)`);
      });
    });
}
