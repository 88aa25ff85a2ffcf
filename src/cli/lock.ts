import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../server/config.js';
import { makePrivateDir } from '../server/platform/db/private-files.js';

/**
 * The embedded database (PGlite) must be opened by one process at a time: a second process
 * opening the same directory — `fanxiang user create` while `fanxiang serve` runs — loses its
 * writes or corrupts the files, and PGlite itself does not refuse. Every CLI command that opens
 * the embedded database therefore holds `<dataDir>/fanxiang.lock` (with its PID) until it exits;
 * a lock left by a process that no longer runs is taken over.
 */

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory's lock for the rest of the process, or returns the PID of the
 * running process that holds it. Nothing to lock when the database is PostgreSQL.
 */
export function lockDataDir(config: Config): { heldBy: number } | null {
  if (config.databaseUrl) return null;
  makePrivateDir(config.dataDir);
  const file = path.join(config.dataDir, 'fanxiang.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      process.once('exit', () => {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      });
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let pid = 0;
    try {
      pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      /* removed meanwhile: try again */
    }
    if (pid > 0 && pid !== process.pid && alive(pid)) return { heldBy: pid };
    try {
      unlinkSync(file);
    } catch {
      /* another process took it over first */
    }
  }
  return { heldBy: 0 };
}
