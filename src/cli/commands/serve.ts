import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Config } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';
import { prepareStart, serve } from '../../server/serve.js';
import { claimDataDir, cliConfig, ExitCode, note } from '../run.js';

/**
 * `fanxiang serve [--demo]`: demo mode only when asked for (`--demo` or FANXIANG_DEMO=true);
 * `--no-demo` turns it off even when the environment asks for it.
 *
 * On the embedded database the first start's work (the division tree, the demo ledger) runs in
 * a child process, `serve --prepare-only`, so that the server keeps none of the memory it took.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务；首次启动导入行政区划 (start the server)')
    .option('--demo', '演示模式：首次启动载入演示机构、账号和台账，开启演示短信收件箱 (demo mode)')
    .option('--no-demo', '关闭演示模式，即使设置了 FANXIANG_DEMO (no demo mode)')
    .addOption(
      new Option('--prepare-only', 'internal: the first start, for a serving parent').hideHelp(),
    )
    .action(async (opts: { demo?: boolean; prepareOnly?: boolean }) => {
      const config = cliConfig({ demo: opts.demo });
      if (opts.prepareOnly) return prepareForParent(config);
      claimDataDir(config);
      await serve(config, { prepareInChild: () => prepareInChild(config) });
    });
}

/** Runs `serve --prepare-only` with this process's Node flags and waits for it to succeed. */
function prepareInChild(config: Config): Promise<void> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script started this process');
  const args = [
    ...process.execArgv,
    script,
    'serve',
    '--prepare-only',
    config.demo ? '--demo' : '--no-demo',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else {
        note(
          `首次启动准备未完成（${signal ?? `退出码 ${code}`}），请查看上面的信息后重新启动` +
            ` / the first start's preparation failed (${signal ?? `exit ${code}`}); see above, then start again`,
        );
        reject(new ExitCode(1));
      }
    });
  });
}

/**
 * The child's side: the parent holds the data directory's lock (and has closed the embedded
 * database), so the child refuses to run for anyone else — two processes must never open the
 * same PGlite files.
 */
async function prepareForParent(config: Config): Promise<void> {
  let holder = 0;
  try {
    holder = Number.parseInt(readFileSync(path.join(config.dataDir, 'fanxiang.lock'), 'utf8'), 10);
  } catch {
    /* no lock: refused below */
  }
  if (config.databaseUrl || holder !== process.ppid) {
    note(
      'serve --prepare-only 仅供 fanxiang serve 内部使用 / serve --prepare-only is internal to fanxiang serve',
    );
    throw new ExitCode(2);
  }
  const runtime = await openRuntime(config);
  for (const line of runtime.notes) console.log(line);
  try {
    await prepareStart(runtime, (line) => console.log(line));
  } finally {
    await runtime.close();
  }
}
