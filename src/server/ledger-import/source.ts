import { open, stat } from 'node:fs/promises';
import { AppError } from '../../domain/errors/codes.js';
import { type ColumnMap, headerMatches, type ImportKind, mapHeader } from './columns.js';
import { csvRows } from './parse-csv.js';
import { xlsxRows } from './parse-xlsx.js';
import type { RawRow } from './row-types.js';

/** Rows searched for the header (officials put a title or a date above it). */
const HEADER_SEARCH_ROWS = 10;

export type FileFormat = 'xlsx' | 'csv';

/**
 * The format of an uploaded file by its first bytes: a zip (`PK\x03\x04`) is an xlsx workbook,
 * an old binary .xls (`D0 CF 11 E0`) is refused, anything else is read as CSV text.
 */
export async function sniffFormat(path: string): Promise<FileFormat> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead === 0) throw new AppError('IMPORT_FILE_EMPTY');
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new AppError('IMPORT_FILE_UNREADABLE', {
        reason: '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV',
      });
    }
    if (head.includes(0) && !(head[0] === 0xff || head[0] === 0xfe)) {
      throw new AppError('IMPORT_FILE_UNREADABLE', { reason: '不是 .xlsx 或 CSV 文件' });
    }
    return 'csv';
  } finally {
    await fh.close();
  }
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
 * Opens an import file: finds the header among the first rows (of the first worksheet that has
 * one), maps it, and refuses a file missing required columns with IMPORT_HEADER_MISSING.
 */
export async function openImportSource(path: string, kind: ImportKind): Promise<ImportSource> {
  const format = await sniffFormat(path);
  const { size } = await stat(path);
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
