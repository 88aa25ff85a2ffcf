import { open, stat } from 'node:fs/promises';
import { AppError } from '../../../domain/errors/codes.js';
import { type ColumnMap, headerMatches, type ImportKind, mapHeader } from './columns.js';
import { csvRows } from './parse-csv.js';
import { xlsxRows } from './parse-xlsx.js';
import { checkXlsxArchive, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './zip-guard.js';
import type { RawRow } from './row-types.js';

/** Rows searched for the header (officials put a title or a date above it). */
const HEADER_SEARCH_ROWS = 10;

export type FileFormat = 'xlsx' | 'csv';

/** Signatures of files that are not spreadsheets this import reads, with what they are. */
const NOT_SPREADSHEETS: readonly { magic: number[]; what: string }[] = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: '旧版 Excel（.xls）或 Office 97-2003 文档，请在 Excel 中另存为 .xlsx',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文档' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { magic: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { magic: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: '可执行程序' },
];

/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 4096;

/**
 * The format of an uploaded file by its content, never its name or declared type: a zip
 * (`PK\x03\x04`) is an xlsx workbook (checked further by {@link checkXlsxArchive}); a known
 * signature of something else (an old .xls, a PDF, an image, an archive) or binary content
 * refuses with IMPORT_FILE_NOT_SPREADSHEET naming what it looks like; text is read as CSV.
 */
export async function sniffFormat(path: string): Promise<FileFormat> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) throw new AppError('IMPORT_FILE_EMPTY');
    const bytes = head.subarray(0, bytesRead);
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    for (const { magic, what } of NOT_SPREADSHEETS) {
      if (bytes.subarray(0, magic.length).equals(Buffer.from(magic))) {
        throw new AppError('IMPORT_FILE_NOT_SPREADSHEET', { detected: what });
      }
    }
    if (!looksLikeText(bytes)) {
      throw new AppError('IMPORT_FILE_NOT_SPREADSHEET', { detected: '二进制文件' });
    }
    return 'csv';
  } finally {
    await fh.close();
  }
}

/**
 * Whether the first bytes of a file are text: UTF-16 with its byte-order mark, or at most 1 % of
 * control characters (NUL included) other than tab, line feed, carriage return, form feed and
 * escape. A stray NUL in one cell of a CSV is that row's error (TEXT_CONTROL_CHARACTER), not a
 * reason to refuse the whole file; binary formats are dense with NULs and other control bytes.
 */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  let control = 0;
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control * 100 <= bytes.length;
}

/** An opened import file: its header mapped to columns, then the data rows in order. */
export interface ImportSource {
  format: FileFormat;
  size: number;
  map: ColumnMap;
  /** Row number of the header. */
  headerRow: number;
  /** The data rows after the header (blank rows included; the caller skips them). */
  rows: AsyncGenerator<RawRow>;
  /** Bytes of the file read so far (for the progress estimate). */
  bytesRead(): number;
  close(): Promise<void>;
}

/**
 * Opens an import file: refuses what is not a spreadsheet and an .xlsx past `limits` (before any
 * row is read), finds the header among the first rows (of the first worksheet that has one), maps
 * it, and refuses a file missing required columns with IMPORT_HEADER_MISSING.
 */
export async function openImportSource(
  path: string,
  kind: ImportKind,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<ImportSource> {
  const format = await sniffFormat(path);
  const { size } = await stat(path);
  if (format === 'xlsx') await checkXlsxArchive(path, size, limits);
  let bytes = 0;
  const onBytes = (n: number) => {
    bytes += n;
  };
  const all = format === 'xlsx' ? xlsxRows(path, onBytes) : csvRows(path, onBytes);
  let header: { n: number; sheet: number; cells: string[] } | null = null;
  let best: string[] = [];
  for (;;) {
    const next = await all.next();
    if (next.done) break;
    const row = next.value as RawRow & { sheet?: number };
    const sheet = row.sheet ?? 1;
    if (row.n > HEADER_SEARCH_ROWS) {
      if (format === 'csv') break;
      continue;
    }
    const cells = row.c.map((c) =>
      typeof c === 'string' ? c : c === null || c === undefined ? '' : String(c),
    );
    if (headerMatches(kind, cells) >= 2) {
      header = { n: row.n, sheet, cells };
      break;
    }
    if (headerMatches(kind, cells) > headerMatches(kind, best)) best = cells;
  }
  if (!header) {
    await all.return(undefined);
    const missing = mapHeader(kind, best).missing;
    throw new AppError('IMPORT_HEADER_MISSING', { columns: missing });
  }
  const { map, missing } = mapHeader(kind, header.cells);
  if (missing.length > 0) {
    await all.return(undefined);
    throw new AppError('IMPORT_HEADER_MISSING', { columns: missing });
  }
  const sheet = header.sheet;
  async function* data(): AsyncGenerator<RawRow> {
    for (;;) {
      const next = await all.next();
      if (next.done) return;
      const row = next.value as RawRow & { sheet?: number };
      if ((row.sheet ?? 1) !== sheet) return;
      yield { n: row.n, c: row.c };
    }
  }
  return {
    format,
    size,
    map,
    headerRow: header.n,
    rows: data(),
    bytesRead: () => bytes,
    async close() {
      await all.return(undefined);
    },
  };
}
