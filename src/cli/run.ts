import { userInfo } from 'node:os';
import { AppError } from '../domain/errors/codes.js';
import { errorMessage } from '../domain/errors/messages.js';
import {
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  type PasswordProblem,
  passwordProblemsSentence,
  passwordProblemText,
} from '../domain/auth/password-policy.js';
import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { lockDataDir } from './lock.js';

/** Ends a command with an exit code after its message has been printed. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Writes a line for the operator (notes, progress, warnings) to stderr; data goes to stdout. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Who runs the command, as the audit trail names them: `cli:<os user>`. */
export function operatorName(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/**
 * The configuration from the environment (a ConfigError ends the command with exit 2);
 * `flags.demo` is `serve --demo` / `--no-demo`, which wins over FANXIANG_DEMO.
 */
export function cliConfig(flags: { demo?: boolean } = {}): Config {
  return loadConfig(process.env, flags);
}

/**
 * Takes the embedded database's data directory for this process (see lock.ts), or ends the
 * command with exit 1 when another running process has it.
 */
export function claimDataDir(config: Config): void {
  const busy = lockDataDir(config);
  if (!busy) return;
  note(
    `数据目录 ${config.dataDir} 正被进程 ${busy.heldBy} 使用（fanxiang serve 是否在运行？），请先停止它` +
      ` / the data directory is in use by process ${busy.heldBy} (is \`fanxiang serve\` running?); stop it first`,
  );
  throw new ExitCode(1);
}

/**
 * Opens the configured database for one command and always closes it again (PGlite keeps the
 * process alive otherwise). Start-up notes go to stderr.
 */
export async function withRuntime<T>(
  fn: (runtime: Runtime) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = cliConfig();
  claimDataDir(config);
  const runtime = await openRuntime(config, opts);
  try {
    for (const line of runtime.notes) note(line);
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** The English message of an error, with password problems in English too. */
function englishMessage(err: AppError): string {
  const details = { ...err.details };
  if (err.code === 'PASSWORD_POLICY' && Array.isArray(details.problems)) {
    const problems = details.problems as PasswordProblem[];
    const policy = (details.policy as PasswordPolicy | undefined) ?? DEFAULT_PASSWORD_POLICY;
    details.reasons = problems.map((p) => passwordProblemText(p, policy, 'en'));
    details.reasonText = passwordProblemsSentence(problems, policy, 'en');
  }
  return errorMessage(err.code, 'en', details);
}

/**
 * Turns what a command threw into a message and an exit code: 2 for configuration errors,
 * 1 for refused operations (with the error code, zh-CN then English) and unexpected failures.
 */
export function reportFailure(err: unknown): number {
  if (err instanceof ExitCode) return err.code;
  if (err instanceof ConfigError) {
    note(err.message);
    return 2;
  }
  if (err instanceof AppError) {
    note(`错误 / error [${err.code}]: ${errorMessage(err.code, 'zh-CN', err.details)}`);
    note(`  ${englishMessage(err)}`);
    return 1;
  }
  note(
    `内部错误 / internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  return 1;
}

/** Thousands separators, e.g. 665,281. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
