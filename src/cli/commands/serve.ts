import type { Command } from 'commander';
import { serve } from '../../server/serve.js';
import { claimDataDir, cliConfig } from '../run.js';

/**
 * `fanxiang serve [--demo]`: demo mode only when asked for (`--demo` or FANXIANG_DEMO=true);
 * `--no-demo` turns it off even when the environment asks for it.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务；首次启动导入行政区划 (start the server)')
    .option('--demo', '演示模式：首次启动载入演示机构、账号和台账，开启演示短信收件箱 (demo mode)')
    .option('--no-demo', '关闭演示模式，即使设置了 FANXIANG_DEMO (no demo mode)')
    .action(async (opts: { demo?: boolean }) => {
      const config = cliConfig({ demo: opts.demo });
      claimDataDir(config);
      await serve(config);
    });
}
