import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerCalendar } from './commands/calendar.js';
import { registerDb } from './commands/db.js';
import { registerDemo } from './commands/demo.js';
import { registerKeygen } from './commands/keygen.js';
import { registerLedger } from './commands/ledger.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRegions } from './commands/regions.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerUser } from './commands/user.js';
import { displayWidth } from './table.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法 Usage:',
  'Options:': '选项 Options:',
  'Commands:': '命令 Commands:',
  'Arguments:': '参数 Arguments:',
};

/** The package version, read from package.json beside `src/` or `dist/`. */
function version(): string {
  try {
    const pkg = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The `fanxiang` command with every subcommand. Help is in zh-CN with English in parentheses;
 * the command groups are inherited settings, so every subcommand's help reads the same.
 */
export function buildProgram(): Command {
  const program = new Command('fanxiang')
    .description('返乡创业服务平台运维命令 (Fanxiang operator commands)')
    .version(version(), '-V, --version', '显示版本 (show the version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .helpCommand('help [command]', '显示某个命令的帮助 (help for a command)')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title, displayWidth })
    .showHelpAfterError('（使用 --help 查看用法 / see --help）');
  registerServe(program);
  registerMigrate(program);
  registerRegions(program);
  registerLedger(program);
  registerUser(program);
  registerAudit(program);
  registerDb(program);
  registerKeygen(program);
  registerDemo(program);
  registerStats(program);
  registerCalendar(program);
  return program;
}
