import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../../domain/errors/codes.js';
import { cstDate } from '../../domain/indicators/periods.js';
import { appendAuditStandalone } from '../../server/platform/audit/repo.js';
import { totpCode } from '../../server/platform/auth/totp.js';
import { generateLedger } from '../../server/demo/generate.js';
import { ensureDemoStory } from '../../server/demo/serve-demo.js';
import { readDemoLogins } from '../../server/demo/seed-foundation.js';
import { progressLine } from '../../server/progress.js';
import { operatorAuditEntry } from '../../server/access/users/cli-accounts.js';
import { cliConfig, count, note, operatorName, withRuntime } from '../run.js';

function positive(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('须为非负整数 (a whole number)');
  return n;
}

function province(value: string): string {
  if (!/^\d{2}$/.test(value))
    throw new InvalidArgumentError('须为两位省级代码，如 41 (a 2-digit province code)');
  return value;
}

/**
 * `fanxiang demo totp <login>`, `demo load` (the seed documents' story: 南阳市 and 奉节县 with
 * their targets, plus the demo organisations and accounts) and `demo generate` (a synthetic
 * national ledger for benchmarks).
 */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('演示数据 (demo data)');
  demo
    .command('totp <login>')
    .description('显示演示管理员当前的动态验证码 (current TOTP code of a demo administrator)')
    .action((login: string) => {
      const entry = readDemoLogins(cliConfig().dataDir)?.find((l) => l.login === login);
      if (!entry?.totpSecret) throw new AppError('LOGIN_UNKNOWN', { login });
      console.log(totpCode(entry.totpSecret, new Date()));
    });
  demo
    .command('load')
    .description(
      '载入南阳市、奉节县演示台账、目标和演示账号（可重复运行）(load the demo story; idempotent)',
    )
    .action(async () => {
      await withRuntime(async (runtime) => {
        const result = await ensureDemoStory(runtime, note);
        const l = result.loans;
        if (l.loaded) {
          console.log(
            `演示贷款已载入 / demo loans loaded: ${count(l.loans)} 笔 files, ` +
              `放款 ${(l.disbursedFen / 1_000_000).toFixed(0)} 万元 disbursed (${l.seconds.toFixed(0)} s)`,
          );
          for (const s of l.skipped) console.log(`  未载入 / left out: ${s}`);
        }
        if (!result.loaded) {
          console.log(
            '演示数据已存在，未做改动 / the demo story is already loaded; nothing changed',
          );
          return;
        }
        console.log(
          `演示数据已载入 / demo story loaded: ${count(result.people)} 人员 people, ${count(result.entities)} 市场主体 entities, ` +
            `${count(result.links)} 关联 links, ${count(result.targets)} 目标 targets`,
        );
      });
    });
  demo
    .command('generate')
    .description('在真实区划上生成合成台账，用于性能测试 (generate a synthetic national ledger)')
    .requiredOption('--people <n>', '人员数 (people)', positive)
    .option(
      '--entities <n>',
      '市场主体数（默认人员数的 45%）(entities; default 45% of people)',
      positive,
    )
    .option('--province <code>', '只在此省生成，如 41 (one province only)', province)
    .addOption(
      new Option('--mode <mode>', '写入方式 (how counters are kept)')
        .choices(['auto', 'triggers', 'bulk'])
        .default('auto'),
    )
    .option('--threads <n>', '生成线程数 (worker threads)', positive)
    .option('--seed <text>', '随机种子 (random seed)')
    .action(
      async (opts: {
        people: number;
        entities?: number;
        province?: string;
        mode: 'auto' | 'triggers' | 'bulk';
        threads?: number;
        seed?: string;
      }) => {
        await withRuntime(async ({ database, keys, clock, auditKeys }) => {
          const mode = opts.mode === 'auto' ? await autoMode(database) : opts.mode;
          note(
            mode === 'bulk'
              ? '写入方式 bulk：关闭触发器批量 COPY，结束时重建统计计数 / bulk: COPY with triggers off, counters rebuilt at the end'
              : '写入方式 triggers：每批 COPY 由触发器即时更新统计计数 / triggers: counters kept by the triggers on every COPY chunk',
          );
          const entities = opts.entities ?? Math.round(opts.people * 0.45);
          const progress = progressLine('生成台账 / generate');
          const result = await generateLedger(database, keys, {
            people: opts.people,
            entities,
            province: opts.province,
            mode,
            threads: opts.threads,
            seed: opts.seed,
            today: cstDate(clock()),
            onProgress: (done, total) =>
              progress.update(done.people + done.entities, total.people + total.entities),
          });
          progress.done();
          await appendAuditStandalone(
            database.db,
            auditKeys.chain,
            operatorAuditEntry(operatorName(), clock(), {
              action: 'demo.generate',
              objectType: 'deployment',
              objectId: '',
              details: {
                people: result.people,
                entities: result.entities,
                links: result.links,
                province: opts.province ?? null,
                mode,
              },
            }),
          );
          console.log(
            `已生成 / generated: ${count(result.people)} people, ${count(result.entities)} entities, ${count(result.links)} links ` +
              `in ${result.seconds.toFixed(0)} s (copy ${result.copySeconds.toFixed(0)} s, counters rebuilt in ${result.rebuildSeconds.toFixed(0)} s)`,
          );
        });
      },
    );
}

/** Bulk when the session may switch triggers off (a superuser), else triggers. */
async function autoMode(database: {
  kind: string;
  pool?: { query(q: string): Promise<{ rows: { rolsuper: boolean }[] }> };
}): Promise<'triggers' | 'bulk'> {
  if (!database.pool) return 'bulk';
  const res = await database.pool.query(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  return res.rows[0]?.rolsuper === true ? 'bulk' : 'triggers';
}
