import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { z } from 'zod';

/** An .xlsx download in a route contract (streams and buffers skip serialisation). */
export const XlsxFile = z.any().meta({
  description:
    '.xlsx 文件（Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）',
});

/** The content type of an .xlsx file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A Content-Disposition for a download: an ASCII fallback name and the Chinese name (RFC 6266,
 * RFC 5987).
 *
 * @example
 * attachment('people.xlsx', '人员台账.xlsx')
 */
export function attachment(ascii: string, name: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a spreadsheet cell, neutralised against formula injection: a value that Excel or a
 * CSV reader would take for a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe.
 *
 * @example
 * safeText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A column of a streamed sheet: header, width, and `text` to format the cells as text (@). */
export interface SheetColumn {
  header: string;
  width: number;
  text?: boolean;
  date?: boolean;
  /** Long text wrapped within the column (for a report meant to be printed). */
  wrap?: boolean;
}

/** How a sheet prints (paper, orientation, fit to width, header row repeated on every page). */
export type SheetPrint = Partial<ExcelJS.PageSetup>;

/** A cell value as written: strings neutralised, dates as dates, numbers and booleans as is. */
export type OutCell = string | number | boolean | Date | null;

/**
 * A date (`YYYY-MM-DD`) as an Excel date: officials sort and filter by it; shown as 2024-03-01.
 */
export function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * ExcelJS, loaded on first use: a process that only imports CSV never pays for it (~15 MB).
 *
 * @example
 * const { default: Excel } = await loadExcel();
 */
export function loadExcel(): Promise<{ default: typeof ExcelJS }> {
  return import('exceljs');
}

/** A workbook written straight to a stream, one worksheet, rows appended with back-pressure. */
export interface SheetWriter {
  /** The .xlsx bytes, to hand to the HTTP reply. */
  stream: Readable;
  /** Appends rows; waits while the reader (the HTTP client) has not caught up. */
  add(rows: OutCell[][]): Promise<void>;
  /** Ends the sheet and the workbook. */
  finish(): Promise<void>;
  /** True when the reader went away (the download was cancelled). */
  closed(): boolean;
}

/** Display width of text in column units: CJK and full-width characters count two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * How many lines the row's wrapped cells need: streamed rows get no automatic height in every
 * spreadsheet program (LibreOffice keeps one line and the text overlaps), so it is set here.
 */
function wrappedLines(columns: SheetColumn[], values: OutCell[]): number {
  let lines = 1;
  columns.forEach((c, i) => {
    const v = values[i];
    if (!c.wrap || typeof v !== 'string') return;
    lines = Math.max(lines, Math.ceil(textWidth(v) / Math.max(1, c.width - 1)));
  });
  return lines;
}

/**
 * Starts a streamed .xlsx (ExcelJS WorkbookWriter, inline strings, no shared-string table in
 * memory) with one sheet and a bold, frozen header row.
 */
export async function sheetWriter(
  sheetName: string,
  columns: SheetColumn[],
  print?: SheetPrint,
): Promise<SheetWriter> {
  const { default: Excel } = await loadExcel();
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  let gone = false;
  out.on('close', () => {
    gone = true;
  });
  const wb = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    ...(print ? { pageSetup: print } : {}),
  });
  ws.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : c.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    stream: out,
    async add(rows) {
      for (const values of rows) {
        const cells = values.map((v) => (typeof v === 'string' ? safeText(v) : v));
        const row = ws.addRow(cells);
        const lines = wrappedLines(columns, values);
        if (lines > 1) row.height = 15 * lines;
        columns.forEach((c, i) => {
          if (c.wrap) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
          else if (lines > 1) row.getCell(i + 1).alignment = { vertical: 'top' };
          if (c.text) row.getCell(i + 1).numFmt = '@';
          else if (c.date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
        });
        row.commit();
      }
      if (out.writableNeedDrain && !gone) {
        await Promise.race([once(out, 'drain'), once(out, 'close')]);
      }
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
    closed: () => gone,
  };
}

/**
 * Runs a producer that fills a sheet, destroying the stream if it fails (the client then sees
 * a truncated download rather than a corrupt file presented as complete).
 */
export function produce(writer: SheetWriter, fill: () => Promise<void>): void {
  fill()
    .then(() => writer.finish())
    .catch((e: unknown) => {
      writer.stream.destroy(e instanceof Error ? e : new Error(String(e)));
    });
}
