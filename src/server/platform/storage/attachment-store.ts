import { createReadStream, type Dirent } from 'node:fs';
import { access, mkdir, opendir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { PRIVATE_DIR_MODE } from '../db/private-files.js';
import { s3AttachmentStore } from './attachment-store-s3.js';
import type { AttachmentStore } from './store.js';

/** `<dataDir>/case-files`: the disk store's objects, and every store's temporary uploads. */
export function caseFilesDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'case-files');
}

/** Where an upload is received and sniffed before it goes into the store (same file system). */
export function incomingDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(caseFilesDir(config), '.incoming');
}

/** Today's behaviour: `<dataDir>/case-files/<caseId>/<attachmentId>`, owner-only. */
export function diskAttachmentStore(root: string): AttachmentStore {
  const at = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`storage key outside the store: ${key}`);
    return file;
  };
  return {
    kind: 'disk',
    async put(key, file) {
      const target = at(key);
      await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
      await rename(file, target);
    },
    async get(key) {
      const file = at(key);
      const stream = createReadStream(file);
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      return stream;
    },
    async exists(key) {
      try {
        await access(at(key));
        return true;
      } catch {
        return false;
      }
    },
    async remove(key) {
      await rm(at(key), { force: true });
    },
    async *listBefore(before) {
      // `<caseId>/<attachmentId>`; `.incoming` holds uploads in flight, not objects.
      for await (const dir of await entriesOf(root)) {
        if (!dir.isDirectory() || dir.name.startsWith('.')) continue;
        for await (const f of filesBefore(path.join(root, dir.name), before)) {
          yield { key: `${dir.name}/${f.name}`, modifiedAt: f.modifiedAt };
        }
      }
    },
  };
}

/** The entries of a directory, or none when it does not exist (yet, or any more). */
async function entriesOf(dir: string): Promise<AsyncIterable<Dirent>> {
  try {
    return await opendir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (async function* () {})();
    throw e;
  }
}

/**
 * The files of a directory last modified before `before` (a missing directory has none): the
 * disk store's objects of a case, and the temporary uploads the orphan sweep clears.
 */
export async function* filesBefore(
  dir: string,
  before: Date,
): AsyncIterable<{ name: string; file: string; modifiedAt: Date }> {
  for await (const f of await entriesOf(dir)) {
    if (!f.isFile()) continue;
    const file = path.join(dir, f.name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtime < before) yield { name: f.name, file, modifiedAt: info.mtime };
  }
}

/** The store named by the configuration: the data directory, or the S3-compatible bucket. */
export function createAttachmentStore(config: Config): AttachmentStore {
  const a = config.attachments;
  if (a.kind === 's3') return s3AttachmentStore(a);
  return diskAttachmentStore(path.resolve(caseFilesDir(config)));
}
