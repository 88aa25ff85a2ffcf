import { type Command, Option } from 'commander';
import {
  createAccount,
  listAccounts,
  resetAccountPassword,
  setAccountDisabled,
} from '../../server/access/users/cli-accounts.js';
import { note, operatorName, withRuntime } from '../run.js';
import { formatTable } from '../table.js';

interface CreateOptions {
  name: string;
  region: string;
  role: string;
  scopeRegion?: string;
  scopeOrg?: string;
  passwordStdin?: boolean;
}

/** Reads a password from standard input, without its final line break. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) note('请输入密码，然后按 Ctrl-D / type the password, then Ctrl-D');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function printTemporaryPassword(password: string): void {
  console.log(
    `临时密码（只显示这一次，首次登录须修改）/ temporary password (shown once, must be changed at first login): ${password}`,
  );
}

function status(a: Awaited<ReturnType<typeof listAccounts>>[number], now: Date): string {
  if (a.disabled) return '停用 disabled';
  if (a.lockedUntil && a.lockedUntil > now) return '锁定 locked';
  if (a.mustChangePassword) return '待改密 must change password';
  return '正常 active';
}

/** `fanxiang user create|disable|enable|reset-password|list` */
export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('账号管理，操作均记入审计日志 (accounts; audited)');
  user
    .command('create <login>')
    .description('新建账号并授予一个角色，可创建三类管理员 (create an account with one role)')
    .requiredOption('--name <显示名>', '显示名 (display name)')
    .requiredOption('--region <code>', '所属区划，12 位代码 (12-digit region code)')
    .requiredOption('--role <code>', '角色代码，如 sys_admin、county_officer (role code)')
    .addOption(
      new Option('--scope-region <code>', '授权区划，默认为所属区划 (scope region)').conflicts(
        'scopeOrg',
      ),
    )
    .option('--scope-org <id>', '授权机构或园区的 ID (scope organisation)')
    .option(
      '--password-stdin',
      '从标准输入读取密码，否则生成临时密码 (read the password from stdin)',
    )
    .action(async (login: string, opts: CreateOptions) => {
      const password = opts.passwordStdin ? await readPassword() : undefined;
      await withRuntime(async ({ database, clock, auditKeys }) => {
        const created = await createAccount(
          database.db,
          { name: operatorName(), chainKey: auditKeys.chain },
          {
            login,
            displayName: opts.name,
            regionCode: opts.region,
            roleCode: opts.role,
            scopeRegion: opts.scopeRegion,
            scopeOrgId: opts.scopeOrg,
            password,
          },
          clock(),
        );
        console.log(`已创建账号 / account created: ${created.login} (${opts.role})`);
        if (created.temporaryPassword) printTemporaryPassword(created.temporaryPassword);
      });
    });
  user
    .command('disable <login>')
    .description('停用账号并结束其全部会话 (disable an account and end its sessions)')
    .action(async (login: string) => {
      await withRuntime(async ({ database, clock, auditKeys }) => {
        await setAccountDisabled(
          database.db,
          { name: operatorName(), chainKey: auditKeys.chain },
          login,
          true,
          clock(),
        );
        console.log(`已停用 / disabled: ${login}`);
      });
    });
  user
    .command('enable <login>')
    .description('重新启用账号 (enable an account)')
    .action(async (login: string) => {
      await withRuntime(async ({ database, clock, auditKeys }) => {
        await setAccountDisabled(
          database.db,
          { name: operatorName(), chainKey: auditKeys.chain },
          login,
          false,
          clock(),
        );
        console.log(`已启用 / enabled: ${login}`);
      });
    });
  user
    .command('reset-password <login>')
    .description('重置为临时密码，解除锁定并结束会话 (reset to a temporary password)')
    .action(async (login: string) => {
      await withRuntime(async ({ database, clock, auditKeys }) => {
        const { temporaryPassword } = await resetAccountPassword(
          database.db,
          { name: operatorName(), chainKey: auditKeys.chain },
          login,
          clock(),
        );
        console.log(`已重置密码 / password reset: ${login}`);
        printTemporaryPassword(temporaryPassword);
      });
    });
  user
    .command('list')
    .description('列出全部账号 (list accounts)')
    .action(async () => {
      await withRuntime(async ({ database, clock }) => {
        const accounts = await listAccounts(database.db);
        const now = clock();
        const rows = accounts.map((a) => [
          a.login,
          a.displayName,
          a.regionCode,
          a.roles.join(',') || '-',
          a.totpEnabled ? 'TOTP' : '-',
          status(a, now),
        ]);
        const header = [
          '登录名 login',
          '姓名 name',
          '区划 region',
          '角色 roles',
          '二次验证',
          '状态 status',
        ];
        for (const line of formatTable([header, ...rows])) console.log(line);
        console.log(`共 ${accounts.length} 个账号 / ${accounts.length} account(s)`);
      });
    });
}
