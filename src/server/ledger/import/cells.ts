import { toHalfWidthTrimmed } from '../../../domain/identity/normalise.js';
import type { CatalogEntry } from '../../../domain/ledger/catalog.js';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../domain/ledger/industries.js';
import type { ColumnDef } from './columns.js';

/** A cell as a source hands it over: text from CSV; text, numbers, dates, booleans from xlsx. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A cell read for the contract: a value, nothing (empty), or the code of why it is unreadable. */
export type CellRead = { ok: true; value: unknown } | { ok: false; code: string };

const EMPTY: CellRead = { ok: true, value: undefined };
const ok = (value: unknown): CellRead => ({ ok: true, value });
const bad = (code: string): CellRead => ({ ok: false, code });

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as `YYYY-MM-DD` (xlsx dates arrive as UTC midnight). */
function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * The text of a cell as an official sees it: dates as `YYYY-MM-DD`, booleans as 是/否.
 *
 * @example
 * cellText(new Date(Date.UTC(2024, 2, 1))) // '2024-03-01'
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDay(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (typeof cell === 'number') return String(cell);
  return cell;
}

/** Excel serial day numbers (1900 system) of plausible dates, 1900-03-01 .. 9999-12-31. */
function fromExcelSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 61 || n > 2_958_465) return null;
  return isoDay(new Date(Date.UTC(1899, 11, 30) + n * 86_400_000));
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/;
const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as officials write it, normalised to `YYYY-MM-DD` (the contract then checks it
 * exists): 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, an xlsx date or serial.
 *
 * @example
 * readDate('2024年3月1日') // { ok: true, value: '2024-03-01' }
 */
export function readDate(cell: Cell): CellRead {
  if (cell instanceof Date) return ok(isoDay(cell));
  if (typeof cell === 'number') {
    const serial = fromExcelSerial(cell);
    if (serial) return ok(serial);
  }
  const s = toHalfWidthTrimmed(cellText(cell));
  if (s === '') return EMPTY;
  const m = DATE_RE.exec(s) ?? COMPACT_DATE_RE.exec(s);
  if (!m) return ok(s);
  return ok(`${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`);
}

/** Numbers written with thousands separators or full-width digits, as plain text. */
function numberText(cell: Cell): string {
  return toHalfWidthTrimmed(cellText(cell)).replace(/[,，]/g, '');
}

function readInt(cell: Cell): CellRead {
  if (typeof cell === 'number')
    return Number.isInteger(cell) ? ok(cell) : bad('IMPORT_NUMBER_FORMAT');
  const s = numberText(cell);
  if (s === '') return EMPTY;
  return /^[-+]?\d+$/.test(s) ? ok(Number(s)) : bad('IMPORT_NUMBER_FORMAT');
}

function readAmount(cell: Cell): CellRead {
  if (typeof cell === 'number') {
    // Spreadsheet arithmetic leaves binary noise (12.300000000000001): keep 4 decimals.
    const r = Math.round(cell * 10_000) / 10_000;
    return ok(Math.abs(r - cell) < 1e-9 ? r : cell);
  }
  const s = numberText(cell);
  if (s === '') return EMPTY;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? ok(Number(s)) : bad('IMPORT_NUMBER_FORMAT');
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无']);

function readBool(cell: Cell): CellRead {
  if (typeof cell === 'boolean') return ok(cell);
  const s = toHalfWidthTrimmed(cellText(cell)).toLowerCase();
  if (s === '') return EMPTY;
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad('IMPORT_BOOLEAN_FORMAT');
}

/** A code by its code, Chinese or English name (case-insensitive). */
function catalogCode(entries: readonly CatalogEntry[], raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  return entries.find((e) => e.code === s || e.zh === raw.trim() || e.en.toLowerCase() === s)?.code;
}

function readCatalog(cell: Cell, entries: readonly CatalogEntry[]): CellRead {
  const s = toHalfWidthTrimmed(cellText(cell));
  if (s === '') return EMPTY;
  const code = catalogCode(entries, s);
  return code === undefined ? bad('IMPORT_VALUE_UNKNOWN') : ok(code);
}

/**
 * Several categories in one cell, separated by 、 , ， ; ； / or spaces, in catalog order (so
 * the same set written in another order is the same value).
 */
function readCategories(cell: Cell, entries: readonly CatalogEntry[]): CellRead {
  const s = cellText(cell).trim();
  if (s === '') return EMPTY;
  const codes: string[] = [];
  for (const part of s.split(/[、,，;；/\s]+/)) {
    if (part === '') continue;
    const code = catalogCode(entries, toHalfWidthTrimmed(part));
    if (code === undefined) return bad('IMPORT_VALUE_UNKNOWN');
    codes.push(code);
  }
  const order = (c: string) => entries.findIndex((e) => e.code === c);
  return ok(codes.sort((a, b) => order(a) - order(b)));
}

const INDUSTRY_BY_NAME = new Map<string, string>([
  ...INDUSTRY_SECTIONS.map((s) => [s.zh, s.code] as const),
  ...INDUSTRY_DIVISIONS.map((d) => [d.zh, d.code] as const),
]);

/** An industry as a code, "13 农副食品加工业" (the drop-down's form) or a name. */
function readIndustry(cell: Cell): CellRead {
  if (typeof cell === 'number') return ok(String(cell).padStart(2, '0'));
  const s = toHalfWidthTrimmed(cellText(cell));
  if (s === '') return EMPTY;
  const byName = INDUSTRY_BY_NAME.get(s);
  if (byName) return ok(byName);
  const m = /^([A-Ta-t]|\d{1,2})(?![\dA-Za-z])/.exec(s);
  if (m?.[1]) return ok(/^\d$/.test(m[1]) ? `0${m[1]}` : m[1].toUpperCase());
  return ok(s);
}

/** Long numbers that Excel turned into floating point lose digits: say so plainly. */
const SCIENTIFIC_RE = /^\d+(\.\d+)?e\+?\d+$/i;

function readIdNumber(cell: Cell): CellRead {
  if (typeof cell === 'number') return bad('IMPORT_NUMBER_MANGLED');
  const s = cellText(cell).trim();
  if (s === '') return EMPTY;
  return SCIENTIFIC_RE.test(s) ? bad('IMPORT_NUMBER_MANGLED') : ok(s);
}

/**
 * A region code; 6-digit county and 9-digit township codes are padded to 12 digits, and the
 * template's drop-down form "500236128000 兴隆镇" keeps its code. (Names alone are resolved to
 * codes before validation, within the importer's counties.)
 */
function readRegion(cell: Cell): CellRead {
  const s = toHalfWidthTrimmed(cellText(cell)).replace(/\s+/g, '');
  if (s === '') return EMPTY;
  if (SCIENTIFIC_RE.test(s)) return bad('IMPORT_NUMBER_MANGLED');
  const picked = /^(\d{12})\D/.exec(s);
  if (picked?.[1]) return ok(picked[1]);
  return ok(/^(\d{6}|\d{9})$/.test(s) ? s.padEnd(12, '0') : s);
}

function readDigits(cell: Cell, n: number): CellRead {
  const s = toHalfWidthTrimmed(cellText(cell)).replace(/\s+/g, '');
  if (s === '') return EMPTY;
  // A full region code in a province or city column: keep the part that column asks for.
  return ok(/^\d{12}$/.test(s) ? s.slice(0, n) : s);
}

function readText(cell: Cell): CellRead {
  const s = cellText(cell);
  return s.trim() === '' ? EMPTY : ok(s);
}

/**
 * Reads one cell for its column: a contract value, undefined for an empty cell, or an import
 * issue code (IMPORT_NUMBER_FORMAT, IMPORT_VALUE_UNKNOWN, ...). Range and format checks are
 * left to the contract (PersonCreate / EntityCreate).
 *
 * @example
 * readCell(PEOPLE_COLUMNS[5], '退役军人、农民工') // { ok: true, value: ['migrant_worker', 'veteran'] }
 */
export function readCell(col: ColumnDef, cell: Cell): CellRead {
  switch (col.kind) {
    case 'text':
      return readText(cell);
    case 'idNumber':
      return readIdNumber(cell);
    case 'mobile':
      return typeof cell === 'number' ? ok(String(cell)) : readText(cell);
    case 'region':
      return readRegion(cell);
    case 'catalog':
      return readCatalog(cell, col.catalog ?? []);
    case 'categories':
      return readCategories(cell, col.catalog ?? []);
    case 'int':
      return readInt(cell);
    case 'amount':
      return readAmount(cell);
    case 'date':
      return readDate(cell);
    case 'bool':
      return readBool(cell);
    case 'industry':
      return readIndustry(cell);
    case 'digits':
      return readDigits(cell, col.digits ?? 0);
  }
}
