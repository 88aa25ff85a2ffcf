import type { AppDeps } from '../../platform/http/types.js';
import { createAttachmentStore } from '../../platform/storage/attachment-store.js';
import type { AttachmentStore } from '../../platform/storage/store.js';

/** The store chosen at boot (buildApp sets it); deps built by hand get the configured one. */
export function attachmentStoreOf(deps: AppDeps): AttachmentStore {
  deps.attachmentStore ??= createAttachmentStore(deps.config);
  return deps.attachmentStore;
}
