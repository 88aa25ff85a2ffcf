import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.js';
import { PRIVATE_DIR_MODE } from '../../platform/db/private-files.js';
import type { AppDeps } from '../../platform/http/types.js';
import { s3AttachmentStore } from './attachment-store-s3.js';

/** What the store is told about an object when it is put (already sniffed and checksummed). */
export interface StoredObjectMeta {
  size: number;
  contentType: string;
  sha256: string;
}

/**
 * Where the bytes of case attachments live, by their storage key (`<caseId>/<attachmentId>`).
 * Chosen once at boot from FANXIANG_ATTACHMENTS (see {@link createAttachmentStore}).
 */
export interface AttachmentStore {
  readonly kind: 'disk' | 's3';
  /** Takes the verified temporary file `file` into the store under `key` (the file may be moved). */
  put(key: string, file: string, meta: StoredObjectMeta): Promise<void>;
  /** The object's bytes as a stream; NOT_FOUND when there is none. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes an object (only to undo a put whose database row did not commit). */
  remove(key: string): Promise<void>;
}

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
  };
}

/** The store named by the configuration: the data directory, or the S3-compatible bucket. */
export function createAttachmentStore(config: Config): AttachmentStore {
  const a = config.attachments;
  if (a.kind === 's3') return s3AttachmentStore(a);
  return diskAttachmentStore(path.resolve(caseFilesDir(config)));
}

/** The store chosen at boot (buildApp sets it); deps built by hand get the configured one. */
export function attachmentStoreOf(deps: AppDeps): AttachmentStore {
  deps.attachmentStore ??= createAttachmentStore(deps.config);
  return deps.attachmentStore;
}
