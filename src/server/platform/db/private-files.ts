import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Owner-only files. The data directory holds the database, the master key, uploads and error
 * reports: nobody but the account running Fanxiang may read it. PGlite (Emscripten's file system)
 * creates its files 0666 whatever the umask, so its directory is tightened after it opens and
 * again when it closes; the directory itself (0700) already shuts everyone else out meanwhile.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only, and makes an existing one owner-only. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes every directory under `dir` (itself included) 0700 and every file 0600. */
export function restrictTree(dir: string): void {
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(full, PRIVATE_DIR_MODE);
    else if (entry.isFile()) chmodSync(full, PRIVATE_FILE_MODE);
  }
}
