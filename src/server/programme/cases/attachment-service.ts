import type { MaterialKind } from '../../../domain/loans/materials.js';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, isAppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { PRIVATE_DIR_MODE } from '../../platform/db/private-files.js';
import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../../access/scope/scope.js';
import { caseVisible } from './access.js';
import { incomingDir } from '../../platform/storage/attachment-store.js';
import { attachmentStoreOf } from './attachment-store-of.js';
import { ATTACHMENT_TYPES, sniffAttachment } from './attachment-sniff.js';
import type { AttachmentViewT } from './contract.js';
import { presentAttachment } from './presenter.js';
import { findAttachment, findCase, insertAttachment } from './repo.js';
import { readableCase } from './service.js';

/** The largest attachment accepted (scans of an ID card or a contract). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError('ATTACHMENT_TOO_LARGE', { limitMb: Math.round(limit / 1024 / 1024) });
}

/**
 * The request body of an upload route as a stream. The route hands the raw body over untouched,
 * except where the app's own parsers took it (a JSON or text body): those bytes are judged by
 * their content like any other upload, and refused as such — never a crash.
 */
export function uploadBody(body: unknown): Readable {
  if (body instanceof Readable) return body;
  const bytes =
    typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null);
  return Readable.from([Buffer.from(bytes)]);
}

/** Streams `body` to `file`, counting and hashing as it goes; removes the file on failure. */
async function receive(
  body: Readable,
  file: string,
  limit: number,
): Promise<{ size: number; sha256: string }> {
  let size = 0;
  const hash = createHash('sha256');
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    await rm(file, { force: true });
    if (isAppError(e)) throw e;
    throw new AppError('BAD_REQUEST', { reason: 'upload interrupted' });
  }
  if (size === 0) {
    await rm(file, { force: true });
    throw new AppError('ATTACHMENT_EMPTY');
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Adds a material to a case: case.work and a case the actor may read (NOT_FOUND otherwise); the
 * body is streamed to disk (ATTACHMENT_TOO_LARGE past {@link ATTACHMENT_MAX_BYTES}), its type
 * sniffed from the bytes (ATTACHMENT_TYPE_REFUSED unless PDF, JPEG, PNG, .xlsx or .docx), its
 * SHA-256 kept. The row and the audit record commit together; a refused file is removed.
 */
export async function uploadAttachment(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  body: Readable,
  upload: { name: string; materialKind?: MaterialKind; contentLength?: number | undefined },
): Promise<AttachmentViewT> {
  const actor = requirePermission(ctx, 'case.work');
  const row = await findCase(deps.db, caseId);
  if (!row || !caseVisible(actor, row)) {
    body.resume();
    throw new AppError('NOT_FOUND');
  }
  return storeAttachment(deps, caseId, body, upload, {
    uploadedBy: actor.userId,
    audit: (tx, now, details) =>
      recordAudit(tx, ctx, now, {
        action: 'case.attach',
        objectType: 'case',
        objectId: caseId,
        permission: 'case.work',
        details,
      }),
  });
}

/**
 * Stores a material of a case whose access the caller has checked (the officer's route above,
 * the applicant's own file on the portal): size limit, sniffed type, checksum; the row and the
 * caller's audit record commit together, a refused file is removed.
 */
export async function storeAttachment(
  deps: AppDeps,
  caseId: string,
  body: Readable,
  upload: { name: string; materialKind?: MaterialKind; contentLength?: number | undefined },
  by: {
    uploadedBy: string | null;
    audit: (tx: Executor, now: Date, details: Record<string, unknown>) => Promise<void>;
  },
): Promise<AttachmentViewT> {
  if (upload.contentLength !== undefined && upload.contentLength > ATTACHMENT_MAX_BYTES) {
    body.resume();
    throw tooLarge(ATTACHMENT_MAX_BYTES);
  }
  const id = randomUUID();
  const storageKey = `${caseId}/${id}`;
  const store = attachmentStoreOf(deps);
  // Received and sniffed in a temporary file first: the store only ever gets accepted content.
  const dir = incomingDir(deps.config);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = path.join(dir, id);
  let stored = false;
  try {
    const { size, sha256 } = await receive(body, file, ATTACHMENT_MAX_BYTES);
    const kind = await sniffAttachment(file);
    if (kind === null) throw new AppError('ATTACHMENT_TYPE_REFUSED');
    const contentType = ATTACHMENT_TYPES[kind];
    // The object before the row: a crash in between leaves an orphan object, never a row
    // without its bytes.
    await store.put(storageKey, file, { size, contentType, sha256 });
    stored = true;
    const now = deps.clock();
    const saved = await deps.db.transaction(async (tx) => {
      const a = await insertAttachment(tx, {
        id,
        caseId,
        name: upload.name,
        contentType,
        size,
        sha256,
        storageKey,
        uploadedBy: by.uploadedBy,
        uploadedAt: now,
        materialKind: upload.materialKind ?? 'other',
      });
      await by.audit(tx, now, {
        attachmentId: id,
        kind,
        materialKind: a.materialKind,
        size,
        sha256,
      });
      return a;
    });
    return presentAttachment(saved);
  } catch (e) {
    if (stored) await store.remove(storageKey).catch(() => undefined);
    throw e;
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Serves a material to an actor who may read its case (NOT_FOUND otherwise); every download is
 * audited before the first byte leaves.
 */
export async function downloadAttachment(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  attachmentId: string,
): Promise<{ stream: Readable; name: string; contentType: string; size: number }> {
  await readableCase(deps, ctx, caseId);
  const a = await findAttachment(deps.db, caseId, attachmentId);
  if (!a) throw new AppError('NOT_FOUND');
  // Opened first (a missing object is no download), audited before the first byte leaves.
  const stream = await attachmentStoreOf(deps).get(a.storageKey);
  const now = deps.clock();
  try {
    await deps.db.transaction(async (tx) => {
      await recordAudit(tx, ctx, now, {
        action: 'case.attachment_download',
        objectType: 'case',
        objectId: caseId,
        permission: 'case.read',
        details: { attachmentId, sha256: a.sha256 },
      });
    });
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return { stream, name: a.name, contentType: a.contentType, size: a.size };
}
