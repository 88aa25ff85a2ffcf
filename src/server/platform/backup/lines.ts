import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../../domain/errors/codes.js';
import { PRIVATE_FILE_MODE } from '../db/private-files.js';

const CHUNK = 64 * 1024;

/**
 * Writes lines into a gzip file with back-pressure. The data goes to `<file>.partial` and is
 * renamed into place by {@link GzipLineWriter.finish}, so an interrupted backup never leaves a
 * file that looks complete.
 */
export class GzipLineWriter {
  private readonly gzip = createGzip();
  private readonly partial: string;
  private readonly done: Promise<void>;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.done = pipeline(this.gzip, createWriteStream(this.partial, { mode: PRIVATE_FILE_MODE }));
    this.done.catch(() => undefined);
  }

  /** Queues a line; lines go to gzip in chunks of about 64 KB, which is much cheaper. */
  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingLength += line.length + 1;
    if (this.pendingLength >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingLength = 0;
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  /** Flushes, closes and moves the file into place. */
  async finish(): Promise<void> {
    await this.flush();
    this.gzip.end();
    await this.done;
    renameSync(this.partial, this.file);
  }

  /** Gives up: closes and removes the partial file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
    rmSync(this.partial, { force: true });
  }
}

/**
 * Reads a gzip file line by line (split on "\n" only), streaming. A file that is not gzip or
 * is cut short reports BACKUP_INVALID.
 */
export async function* gzipLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  gunzip.setEncoding('utf8');
  const piped = pipeline(createReadStream(file), gunzip);
  piped.catch(() => undefined);
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    await piped;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new AppError('BACKUP_INVALID', { reason: 'gzip: damaged or truncated' });
    }
    throw err;
  }
  if (rest !== '') yield rest;
}
