import { AppError } from '../../../domain/errors/codes.js';
import { countedReadStream } from './file-stream.js';
import { loadExcel } from '../export/xlsx-stream.js';
import type { Cell } from './cells.js';
import type { RawRow } from './row-types.js';

/** A row of a worksheet, with the sheet's position in the workbook (1 = first). */
export interface SheetRow extends RawRow {
  sheet: number;
}

/** An xlsx cell value as a plain cell: rich text joined, formulas by their result. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    }
    if ('result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return null;
}

/**
 * How often a read that failed before its first row is tried again. ExcelJS's streaming reader
 * has a known race (exceljs/exceljs#3064, seen here about once in 150 reads under load): when a
 * workbook stores `xl/workbook.xml` after its worksheets — ExcelJS itself writes it last — the
 * single streaming pass may reach the deferred worksheets before the workbook part is parsed,
 * and throws. Nothing has been read into the import then, so reading the file again is safe; a
 * file that is really malformed fails every time and is refused as before.
 */
const READ_ATTEMPTS = 3;

/**
 * Streams the rows of every worksheet of an .xlsx file in order, without loading the workbook
 * (ExcelJS's streaming reader; dates come back as dates because styles are read). Row numbers
 * are the ones Excel shows. `onBytes` is told how much of the file was read.
 */
export async function* xlsxRows(
  path: string,
  onBytes: (n: number) => void,
): AsyncGenerator<SheetRow> {
  for (let attempt = 1; ; attempt++) {
    let read = 0;
    const counted = (n: number) => {
      read += n;
      onBytes(n);
    };
    const rows = readXlsx(path, counted);
    let first: IteratorResult<SheetRow>;
    try {
      first = await rows.next();
    } catch (e) {
      if (e instanceof AppError && e.code === 'IMPORT_XLSX_MALFORMED' && attempt < READ_ATTEMPTS) {
        onBytes(-read); // the progress estimate starts again with the file
        continue;
      }
      throw e;
    }
    if (first.done) return;
    yield first.value;
    yield* rows;
    return;
  }
}

/** One streaming pass over the file (see xlsxRows). */
async function* readXlsx(path: string, onBytes: (n: number) => void): AsyncGenerator<SheetRow> {
  const { default: Excel } = await loadExcel();
  const file = countedReadStream(path, onBytes);
  const reader = new Excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheet = 0;
  let n = 0;
  try {
    for await (const worksheet of reader) {
      sheet++;
      for await (const row of worksheet) {
        n = row.number;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { n, c: cells, sheet };
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    // ExcelJS's own message is English: the user gets a coded sentence naming sheet and row.
    throw new AppError('IMPORT_XLSX_MALFORMED', { sheet, row: n + 1 });
  } finally {
    file.destroy();
  }
}
