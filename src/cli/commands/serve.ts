import type { Command } from 'commander';
import { serve } from '../../server/serve.js';
import { claimDataDir, cliConfig } from '../run.js';

/** `fanxiang serve [--no-demo]` */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务；首次启动导入行政区划和演示数据 (start the server)')
    .option('--no-demo', '不载入演示机构和账号 (without demo data)')
    .action(async (opts: { demo: boolean }) => {
      const config = cliConfig();
      claimDataDir(config);
      await serve(config, { demo: opts.demo });
    });
}
