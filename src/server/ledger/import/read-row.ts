import type { z } from 'zod';
import { parseCreditCode } from '../../../domain/identity/credit-code.js';
import { maskIdNumber, parseIdNumber } from '../../../domain/identity/id-number.js';
import { maskMobile } from '../../../domain/identity/phone.js';
import { isLedgerIssueCode } from '../../../domain/ledger/ledger-issues.js';
import { containsPersonalNumber, maskDigitLike } from '../../../domain/text/personal-number.js';
import { visibleText } from '../../../domain/text/plain-text.js';
import { type Cell, cellText, readCell } from './cells.js';
import { type ColumnDef, type ColumnMap, columnsOf, type ImportKind } from './columns.js';
import type { RawRow, RowIssue } from './row-types.js';

/**
 * Reading a row for validation: cells into contract values, contract issues onto columns, and
 * what the error report shows of a cell.
 */

const MAX_VALUE = 200;

/**
 * A cell as the error report shows it: ID numbers and phones masked (in free text too, every
 * digit hidden), control characters made visible (␀), long text cut.
 */
export function shownValue(col: ColumnDef | undefined, cell: Cell): string {
  const s = visibleText(cellText(cell).trim());
  if (col?.kind === 'idNumber') return s === '' ? '' : maskIdNumber(s);
  if (col?.kind === 'mobile') return s === '' ? '' : maskMobile(s);
  const shown = containsPersonalNumber(s) ? maskDigitLike(s) : s;
  return shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown;
}

function issueCode(issue: z.core.$ZodIssue, input: Record<string, unknown>, field: string) {
  if (isLedgerIssueCode(issue.message)) return issue.message;
  if (input[field] === undefined) return 'TEXT_REQUIRED';
  return issue.code === 'invalid_value' ? 'IMPORT_VALUE_UNKNOWN' : 'IMPORT_VALUE_INVALID';
}

export interface Read {
  input: Record<string, unknown>;
  issues: RowIssue[];
  byField: Map<string, { col: ColumnDef; cell: Cell }>;
}

/** Reads every mapped cell; unreadable cells become issues. */
export function readRow(raw: RawRow, map: ColumnMap): Read {
  const input: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const byField = new Map<string, { col: ColumnDef; cell: Cell }>();
  map.forEach((col, i) => {
    if (!col) return;
    const cell = raw.c[i];
    byField.set(col.field, { col, cell });
    const r = readCell(col, cell);
    if (!r.ok) issues.push({ column: col.header, code: r.code, value: shownValue(col, cell) });
    else if (r.value !== undefined) input[col.field] = r.value;
  });
  return { input, issues, byField };
}

/** Adds the contract's issues, one per column, to those already found. */
export function addSchemaIssues(read: Read, error: z.ZodError, kind: ImportKind): void {
  const marked = new Set(read.issues.map((i) => i.column));
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const at = read.byField.get(field);
    const column = at?.col.header ?? columnsOf(kind).find((c) => c.field === field)?.header;
    const name = column ?? '（整行）';
    if (marked.has(name)) continue;
    marked.add(name);
    read.issues.push({
      column: name,
      code: issueCode(issue, read.input, field),
      value: at ? shownValue(at.col, at.cell) : '',
    });
  }
}

/**
 * Refuses, as PERSONAL_NUMBER_IN_TEXT on its column, free text holding an ID or mobile number:
 * the same domain check as the API's (free text is stored in clear). Columns already refused are
 * left alone.
 */
export function addPersonalNumberIssues(read: Read, fields: readonly string[]): void {
  const marked = new Set(read.issues.map((i) => i.column));
  for (const field of fields) {
    const text = read.input[field];
    const at = read.byField.get(field);
    if (typeof text !== 'string' || !at || marked.has(at.col.header)) continue;
    if (!containsPersonalNumber(text)) continue;
    const value = shownValue(at.col, at.cell);
    read.issues.push({ column: at.col.header, code: 'PERSONAL_NUMBER_IN_TEXT', value });
  }
}

/** The file's header for a field (the field name if the file lacks the column). */
export function header(map: ColumnMap, field: string): string {
  return map.find((c) => c?.field === field)?.header ?? field;
}

/** The column map for a setup's field list. */
export function mapFromFields(kind: ImportKind, fields: readonly (string | null)[]): ColumnMap {
  const cols = columnsOf(kind);
  return fields.map((f) => (f === null ? null : (cols.find((c) => c.field === f) ?? null)));
}

/** True when every cell of a row is empty (blank rows are skipped, not reported). */
export function isBlankRow(raw: RawRow): boolean {
  return raw.c.every((c) => cellText(c).trim() === '');
}

/**
 * The normalised key of a row (ID number or credit code) without full validation, for
 * re-building the duplicate set of rows before a resumed job's checkpoint.
 */
export function rowKey(kind: ImportKind, map: ColumnMap, raw: RawRow): string | null {
  const field = kind === 'people' ? 'idNumber' : 'creditCode';
  const i = map.findIndex((c) => c?.field === field);
  const text = i < 0 ? '' : cellText(raw.c[i]).trim();
  if (text === '') return null;
  if (kind === 'people') {
    const r = parseIdNumber(text);
    return r.ok ? r.value.idNumber : null;
  }
  const r = parseCreditCode(text);
  return r.ok ? r.value.creditCode : null;
}
