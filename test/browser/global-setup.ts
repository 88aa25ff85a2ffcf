import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts the real server once for all browser tests, as the README does after `npm run build`:
 * `node dist/cli/main.js serve --demo` (demo accounts and the dev SMS inbox) on a fresh data directory (first start imports the division tree
 * and the demo accounts) and a free port, read back from the line it prints.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    fanxiang: { baseUrl: string; dataDir: string };
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 480_000;

function waitForAddress(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in time:\n${output.join('')}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = /Fanxiang is running at (http:\/\/\S+)/.exec(output.join(''));
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join('')}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    // SIGTERM: the server closes the embedded database before it exits.
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const built of ['dist/cli/main.js', 'dist/web/index.html', 'dist/web/admin/index.html']) {
    if (!existsSync(path.join(ROOT, built))) {
      throw new Error(
        `${built} is missing: run \`npm run build\` first (npm run test:browser does)`,
      );
    }
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fanxiang-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FANXIANG_DATA_DIR: dataDir,
    FANXIANG_PORT: '0',
    FANXIANG_HOST: '127.0.0.1',
    FANXIANG_LOG_LEVEL: 'warn',
  };
  // The embedded database, whatever the surrounding shell points at.
  delete env.DATABASE_URL;
  delete env.FANXIANG_SECRET_KEY;
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  try {
    const baseUrl = await waitForAddress(child, output);
    project.provide('fanxiang', { baseUrl, dataDir });
  } catch (err) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
