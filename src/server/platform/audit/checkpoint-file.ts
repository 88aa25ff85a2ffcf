import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { CheckpointStore } from './checkpoint.js';

function isErrno(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === code;
}

/**
 * Checkpoints as files in a directory (FANXIANG_AUDIT_CHECKPOINT_DIR). A file is written under a
 * temporary name and then hard-linked to its final name, which fails when the name exists: a
 * reader never sees half a file and two instances never overwrite each other.
 */
export class FileCheckpointStore implements CheckpointStore {
  constructor(readonly location: string) {}

  async list(): Promise<string[]> {
    try {
      return await readdir(this.location);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return [];
      throw err;
    }
  }

  read(name: string): Promise<string> {
    return readFile(path.join(this.location, name), 'utf8');
  }

  async writeOnce(name: string, body: string): Promise<boolean> {
    await mkdir(this.location, { recursive: true });
    const temp = path.join(this.location, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temp, body, { mode: 0o640, flag: 'wx' });
    try {
      await link(temp, path.join(this.location, name));
      return true;
    } catch (err) {
      if (isErrno(err, 'EEXIST')) return false;
      throw err;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}

/** The configured checkpoint store: today a directory (FANXIANG_AUDIT_CHECKPOINT_DIR). */
export function checkpointStoreFor(config: Pick<Config, 'auditCheckpointDir'>): CheckpointStore {
  return new FileCheckpointStore(config.auditCheckpointDir);
}
