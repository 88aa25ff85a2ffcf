import { createReadStream } from 'node:fs';
import { pipeline, type Readable, Transform } from 'node:stream';

/**
 * A file read stream that reports each chunk's size as it passes (for the progress estimate);
 * nothing flows until the returned stream is consumed.
 */
export function countedReadStream(path: string, onBytes: (n: number) => void): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  // pipeline(): destroying the returned stream closes the file too.
  pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), counter, () => undefined);
  return counter;
}
