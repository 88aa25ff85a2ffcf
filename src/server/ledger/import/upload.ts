import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, isAppError } from '../../../domain/errors/codes.js';

/** The largest file an import accepts (a million-row CSV is about 130 MB). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError('IMPORT_FILE_TOO_LARGE', { limitMb: Math.round(limit / 1024 / 1024) });
}

/**
 * Streams a request body to `file` (created new, owner-only), never holding it in memory;
 * refuses more than `limit` bytes with IMPORT_FILE_TOO_LARGE and nothing with IMPORT_FILE_EMPTY.
 * Returns the size; on any failure the partial file is removed.
 */
export async function receiveUpload(
  body: Readable,
  file: string,
  limit: number = IMPORT_MAX_BYTES,
  declared?: number,
): Promise<number> {
  if (declared !== undefined && declared > limit) {
    body.resume();
    throw tooLarge(limit);
  }
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    await rm(file, { force: true });
    if (isAppError(e)) throw e;
    throw new AppError('BAD_REQUEST', { reason: 'upload interrupted' });
  }
  if (bytes === 0) {
    await rm(file, { force: true });
    throw new AppError('IMPORT_FILE_EMPTY');
  }
  return bytes;
}
