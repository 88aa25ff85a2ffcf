import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real `fanxiang` command in a child process, the way an operator runs it: the data folder
 * (embedded database, master key, lock) and backups are owner-only, whatever the umask of the
 * shell that started it — PGlite itself writes its files 0666.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'fanxiang.js');

function fanxiang(args: string[], dataDir: string): Promise<{ code: number | null; err: string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('FANXIANG_') || k === 'DATABASE_URL') delete env[k];
  }
  // A permissive shell (umask 000) must not matter: spawn through sh with that umask.
  const child = spawn('sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], {
    cwd: ROOT,
    env: { ...env, FANXIANG_LOG_LEVEL: 'silent', FANXIANG_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

/** Every path under `dir` (itself included) that group or others may read, write or enter. */
function opened(dir: string): string[] {
  const bad: string[] = [];
  const check = (p: string) => {
    if (statSync(p).mode & 0o077) bad.push(`${p} ${(statSync(p).mode & 0o777).toString(8)}`);
  };
  check(dir);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    check(path.join(e.parentPath, e.name));
  }
  return bad;
}

let base: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'fanxiang-modes-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('file permissions', () => {
  it('creates the data folder, the database files, the key and backups owner-only', async () => {
    const data = path.join(base, 'data');
    const migrated = await fanxiang(['migrate'], data);
    expect(migrated.code, migrated.err).toBe(0);
    expect(readdirSync(data)).toEqual(expect.arrayContaining(['pgdata', 'secret.key']));
    expect(readdirSync(path.join(data, 'pgdata')).length).toBeGreaterThan(10);
    expect(opened(data)).toEqual([]);

    const file = path.join(base, 'county.fxbak');
    const backup = await fanxiang(['db', 'backup', file], data);
    expect(backup.code, backup.err).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 300_000);

  it('makes an existing data folder owner-only again when a command opens it', async () => {
    const data = path.join(base, 'data');
    chmodSync(data, 0o777);
    chmodSync(path.join(data, 'pgdata'), 0o755);
    chmodSync(path.join(data, 'secret.key'), 0o644);
    chmodSync(path.join(data, 'pgdata', 'postgresql.auto.conf'), 0o666);
    const migrated = await fanxiang(['migrate'], data);
    expect(migrated.code, migrated.err).toBe(0);
    expect(opened(data)).toEqual([]);
  }, 300_000);
});
