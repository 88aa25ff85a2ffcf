import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real `fanxiang` command in a child process, on embedded PGlite in temporary data
 * directories, the way an operator runs it. Each command starts PGlite (1–2 s, a new data
 * directory several more), so the cases share two directories; the rules behind the commands
 * are tested in-process (accounts.test.ts, src/server/platform/backup, src/server/platform/audit).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'fanxiang.js');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let base: string;
let county: string;
let server: string;

function fanxiang(args: string[], dataDir?: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) {
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL') delete clean[k];
  }
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      ...clean,
      FANXIANG_LOG_LEVEL: 'silent',
      FANXIANG_DATA_DIR: dataDir ?? path.join(base, 'unused'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'fanxiang-cli-'));
  county = path.join(base, 'county');
  server = path.join(base, 'server');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('fanxiang CLI', () => {
  it('lists its commands with zh-CN help', async () => {
    const top = await fanxiang(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'regions', 'user', 'audit', 'db', 'keygen']) {
      expect(top.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    }
    expect(top.stdout).toContain('用法 Usage: fanxiang');
    const user = await fanxiang(['user', '--help']);
    for (const cmd of ['create', 'disable', 'enable', 'reset-password', 'list']) {
      expect(user.stdout).toContain(`  ${cmd}`);
    }
  });

  it('refuses the first-start child command unless its parent serve holds the data directory', async () => {
    const r = await fanxiang(['serve', '--prepare-only', '--demo'], county);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('仅供 fanxiang serve 内部使用');
    expect((await fanxiang(['serve', '--help'])).stdout).not.toContain('prepare-only');
  });

  it('prints a new 32-byte master key and stops on a wrong configuration with exit 2', async () => {
    const key = await fanxiang(['keygen']);
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const bad = await fanxiang(['migrate'], undefined, { FANXIANG_PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('FANXIANG_PORT');
  });

  it('imports regions, manages an account and verifies the audit chain', async () => {
    const imported = await fanxiang(['regions', 'import', '--province', '50'], county);
    expect(imported.stderr).toContain('区划导入 / regions');
    expect(imported.stdout).toMatch(/区划导入完成 \/ regions imported: 1,\d{3}/);
    expect(imported.code).toBe(0);

    const created = await fanxiang(
      ['user', 'create', 'fj_wang', '--name', '王小明', '--region', '500236000000'],
      county,
    );
    expect(created.code).toBe(1); // --role is required
    const ok = await fanxiang(
      [
        'user',
        'create',
        'fj_wang',
        '--name',
        '王小明',
        '--region',
        '500236000000',
        '--role',
        'county_officer',
      ],
      county,
    );
    expect(ok.stdout).toContain('已创建账号 / account created: fj_wang');
    expect(ok.stdout).toMatch(/temporary password .*: \S{14,}/);
    expect(ok.code).toBe(0);

    const disabled = await fanxiang(['user', 'disable', 'fj_wang'], county);
    expect(disabled.stdout).toContain('已停用 / disabled: fj_wang');

    const verified = await fanxiang(['audit', 'verify'], county);
    expect(verified.stdout).toMatch(/审计链完整 \/ audit chain intact: [4-9] records/);
    expect(verified.stdout).toContain('已写入检查点 / checkpoint written: audit-');
    expect(verified.code).toBe(0);

    // The signed checkpoint outside the database is held against the chain from now on; a
    // checkpoint file changed by hand fails the verification.
    const checkpoints = path.join(county, 'audit-checkpoints');
    const [name] = readdirSync(checkpoints);
    const text = readFileSync(path.join(checkpoints, name!), 'utf8');
    writeFileSync(
      path.join(checkpoints, name!),
      text.replace(/"at": "[^"]*"/, '"at": "2020-01-01T00:00:00.000Z"'),
    );
    const forged = await fanxiang(['audit', 'verify'], county);
    expect(forged.stdout).toContain('checkpoint_signature');
    expect(forged.code).toBe(1);
    writeFileSync(path.join(checkpoints, name!), text);

    const role = await fanxiang(['db', 'grant-app-role', 'fanxiang_app'], county);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('the embedded database has a single role');

    // While another live process holds the data directory, commands refuse to open it.
    writeFileSync(path.join(county, 'fanxiang.lock'), `${process.pid}\n`);
    const busy = await fanxiang(['user', 'list'], county);
    rmSync(path.join(county, 'fanxiang.lock'));
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`in use by process ${process.pid}`);
  }, 300_000);

  it('backs up and restores into another data directory with the same key', async () => {
    const file = path.join(base, 'county.fxbak');
    const backup = await fanxiang(['db', 'backup', file], county);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('备份完成 / backup written');
    expect(existsSync(file)).toBe(true);

    const keyless = await fanxiang(['db', 'restore', file], server);
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('[BACKUP_KEY_MISMATCH]');

    copyFileSync(path.join(county, 'secret.key'), path.join(server, 'secret.key'));
    const restored = await fanxiang(['db', 'restore', file], server);
    expect(restored.stdout).toContain('恢复完成，行数和校验和一致 / restored and verified');
    expect(restored.code).toBe(0);

    const list = await fanxiang(['user', 'list'], server);
    expect(list.stdout).toMatch(/fj_wang\s+王小明\s+500236000000\s+county_officer.*停用 disabled/);
    expect((await fanxiang(['audit', 'verify'], server)).code).toBe(0);
  }, 300_000);
});
