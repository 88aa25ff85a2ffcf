import type { Readable } from 'node:stream';

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
  /**
   * Removes an object: to undo a put whose database row did not commit, and for the orphan sweep.
   */
  remove(key: string): Promise<void>;
  /** Every object put before `before`, in no particular order (for the orphan sweep). */
  listBefore(before: Date): AsyncIterable<StoredObject>;
}

/** An object of the store as the orphan sweep sees it. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
}
