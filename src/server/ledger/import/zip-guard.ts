import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';
import { AppError } from '../../../domain/errors/codes.js';

/**
 * Limits on what an uploaded .xlsx may inflate to. An .xlsx is a zip: a few megabytes can hold
 * gigabytes of XML (a "decompression bomb"), so the upload limit alone does not bound the work.
 */
export interface XlsxLimits {
  /** Largest total of inflated bytes over every part of the workbook. */
  maxUncompressedBytes: number;
  /** Largest ratio of inflated bytes to file size, once past {@link RATIO_FLOOR_BYTES}. */
  maxRatio: number;
  /** Most entries of the shared-string table (each is held in memory while the file is read). */
  maxSharedStrings: number;
}

/** The defaults (the configuration's, see src/server/config.ts). */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  maxSharedStrings: 1_000_000,
};

/** The ratio is judged only past this many inflated bytes (small files compress very well). */
export const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

/** Excel's own limit of columns in a row (XFD). */
export const MAX_CELLS_PER_ROW = 16_384;

/**
 * Largest XML of one shared string: Excel holds at most 32,767 characters in a cell (≤ 128 KB
 * of UTF-8 plus rich-text markup), so a larger one is not from Excel.
 */
export const MAX_SHARED_STRING_XML_BYTES = 1024 * 1024;

const mb = (n: number) => Math.round(n / 1024 / 1024);

/**
 * Counts elements in the XML of a workbook part as it streams past, chunk by chunk, keeping only
 * a short tail between chunks: shared strings (`<si>`) and their size in sharedStrings.xml, and
 * cells (`<c>`) per row (`<row>`) in a worksheet.
 */
class PartScanner {
  private tail = '';
  sharedStrings = 0;
  // Where the current shared string began (the start of the part before the first one).
  private siStart = 0;
  private cellsInRow = 0;
  private offset = 0;

  constructor(
    private readonly kind: 'sharedStrings' | 'worksheet',
    private readonly limits: XlsxLimits,
  ) {}

  push(chunk: Buffer): void {
    // latin1 maps byte to char one to one: the tags looked for are ASCII.
    const text = this.tail + chunk.toString('latin1');
    const base = this.offset - this.tail.length;
    const re = this.kind === 'sharedStrings' ? /<(?:\w+:)?si[\s>/]/g : /<(?:\w+:)?(row|c)[\s>/]/g;
    // A tag cut at the chunk's end is found in the next chunk: the last few characters are kept
    // and looked at again (a tag looked for is shorter than that).
    const limit = Math.max(0, text.length - 16);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < limit) {
      if (this.kind === 'sharedStrings') this.sharedString(base + m.index);
      else if (m[1] === 'row') this.cellsInRow = 0;
      else if (++this.cellsInRow > MAX_CELLS_PER_ROW) {
        throw new AppError('IMPORT_TOO_MANY_CELLS', { limit: MAX_CELLS_PER_ROW });
      }
    }
    this.offset += chunk.length;
    this.tail = text.slice(limit);
    if (this.kind === 'sharedStrings') {
      if (this.offset - this.siStart > MAX_SHARED_STRING_XML_BYTES) {
        throw new AppError('IMPORT_FILE_UNREADABLE', {
          reason: `共享字符串超过 ${MAX_SHARED_STRING_XML_BYTES / 1024} KB，不是 Excel 生成的单元格`,
        });
      }
    }
  }

  private sharedString(at: number): void {
    if (at - this.siStart > MAX_SHARED_STRING_XML_BYTES) {
      throw new AppError('IMPORT_FILE_UNREADABLE', {
        reason: `共享字符串超过 ${MAX_SHARED_STRING_XML_BYTES / 1024} KB，不是 Excel 生成的单元格`,
      });
    }
    this.siStart = at;
    if (++this.sharedStrings > this.limits.maxSharedStrings) {
      throw new AppError('IMPORT_TOO_MANY_CELLS', { limit: this.limits.maxSharedStrings });
    }
  }
}

/**
 * Checks an .xlsx archive before the workbook reader sees it, by inflating every part once with
 * the zip parser ExcelJS itself uses (unzipper's streaming `Parse`, local headers in file order),
 * so both see exactly the same entries. It counts the **real** inflated bytes, never the sizes the
 * zip declares (those can lie), and stops at the first limit passed; nothing is kept in memory but
 * the chunk in flight.
 *
 * Refuses with
 * - IMPORT_FILE_TOO_LARGE_UNCOMPRESSED: more than `maxUncompressedBytes` inflated in total;
 * - IMPORT_COMPRESSION_RATIO: past 10 MB inflated, more than `maxRatio` times the file size;
 * - IMPORT_TOO_MANY_CELLS: more shared strings than `maxSharedStrings`, or a row with more cells
 *   than Excel allows (16,384);
 * - IMPORT_FILE_NOT_SPREADSHEET: a zip without `xl/workbook.xml` (a .docx, a plain .zip);
 * - IMPORT_FILE_UNREADABLE: a broken archive.
 *
 * @example
 * await checkXlsxArchive('/tmp/upload.xlsx', 5_800_000, DEFAULT_XLSX_LIMITS)
 */
export async function checkXlsxArchive(
  path: string,
  fileSize: number,
  limits: XlsxLimits,
): Promise<void> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const zip = unzipper.Parse({ forceStream: true });
  const feeding = pipeline(file, zip).catch(() => undefined);
  let total = 0;
  let workbook = false;
  try {
    for await (const item of zip) {
      const entry = item as unzipper.Entry;
      const name = entry.path;
      if (name === 'xl/workbook.xml') workbook = true;
      const scanner =
        name === 'xl/sharedStrings.xml'
          ? new PartScanner('sharedStrings', limits)
          : /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
            ? new PartScanner('worksheet', limits)
            : null;
      for await (const chunk of entry) {
        const buf = chunk as Buffer;
        total += buf.length;
        if (total > limits.maxUncompressedBytes) {
          throw new AppError('IMPORT_FILE_TOO_LARGE_UNCOMPRESSED', {
            limitMb: mb(limits.maxUncompressedBytes),
          });
        }
        if (total > RATIO_FLOOR_BYTES && total > limits.maxRatio * fileSize) {
          throw new AppError('IMPORT_COMPRESSION_RATIO', { ratio: limits.maxRatio });
        }
        scanner?.push(buf);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_UNREADABLE', {
      reason: `xlsx 压缩包损坏：${e instanceof Error ? e.message.slice(0, 200) : String(e)}`,
    });
  } finally {
    file.destroy();
    zip.destroy();
    await feeding;
  }
  if (!workbook) {
    throw new AppError('IMPORT_FILE_NOT_SPREADSHEET', {
      detected: 'zip 压缩包（不含 Excel 工作簿）',
    });
  }
}
