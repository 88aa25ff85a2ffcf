import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../../domain/errors/codes.js';
import { countedReadStream } from './file-stream.js';
import type { RawRow } from './row-types.js';

/** Text encodings a CSV from an official may come in. */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a CSV file: a byte-order mark decides; otherwise the whole file is checked
 * as UTF-8 and anything that is not valid UTF-8 is read as GB18030 (a superset of GBK, what
 * Chinese Excel writes when saving "CSV (逗号分隔)").
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      if (first) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
        if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
        if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(buf, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes a byte stream with the WHATWG decoder (GB18030, UTF-16) into text chunks. */
function decoding(encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The separator of the header line: comma, tab (Excel's "Unicode text") or semicolon. */
async function detectDelimiter(path: string, encoding: CsvEncoding): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: 64 * 1024 });
  let head = '';
  for await (const chunk of stream) head += new TextDecoder(encoding).decode(chunk as Buffer);
  const line = head.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, line.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] && counts[0][1] > 1 ? counts[0][0] : ',';
}

/**
 * Streams the records of a CSV file as rows numbered the way a spreadsheet shows them (record
 * 1 is row 1; an empty line is an empty row). `onBytes` is told how much of the file was read.
 */
export async function* csvRows(path: string, onBytes: (n: number) => void): AsyncGenerator<RawRow> {
  const encoding = await detectEncoding(path);
  const delimiter = await detectDelimiter(path, encoding);
  const file = countedReadStream(path, onBytes);
  const text: Readable = encoding === 'utf-8' ? file : file.pipe(decoding(encoding));
  const parser = text.pipe(
    parse({
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }),
  );
  let n = 0;
  try {
    for await (const record of parser) {
      n++;
      yield { n, c: record as string[] };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    // csv-parse's own message is English: the user gets a coded sentence naming the row where
    // reading stopped, numbered as a spreadsheet shows it (a quoted cell may span several lines).
    throw new AppError('IMPORT_CSV_MALFORMED', { line: n + 1 });
  } finally {
    file.destroy();
    parser.destroy();
  }
}
