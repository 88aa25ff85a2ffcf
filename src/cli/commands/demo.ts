import type { Command } from 'commander';
import { AppError } from '../../domain/errors/codes.js';
import { totpCode } from '../../server/auth/totp.js';
import { readDemoLogins } from '../../server/demo/seed-foundation.js';
import { cliConfig } from '../run.js';

/** `fanxiang demo totp <login>`: the current code of a demo administrator, from the data dir. */
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
}
