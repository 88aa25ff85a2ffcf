import type { FieldChange } from './table.js';

/** A value as history stores it: `undefined`, `''` and `[]` all read as "not set" (null). */
function normalise(v: unknown): unknown {
  if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  return v;
}

/** Equal by value; both already normalised. Arrays and objects are compared as JSON. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two snapshots of a record, in the order of `fields`, as
 * `{ field, from, to }` (arrays and objects compared by value). Snapshots hold display values:
 * personal fields must already be masked.
 *
 * @example
 * diffFields({ status: 'returned', skills: '' }, { status: 'started', skills: '' }, ['status', 'skills'])
 * // => [{ field: 'status', from: 'returned', to: 'started' }]
 */
export function diffFields<K extends string>(
  before: Partial<Record<K, unknown>>,
  after: Partial<Record<K, unknown>>,
  fields: readonly K[],
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const from = normalise(before[field]);
    const to = normalise(after[field]);
    if (!same(from, to)) out.push({ field, from, to });
  }
  return out;
}

/**
 * The changes of a newly created record: every field that is set, from null to its value.
 *
 * @example
 * createdFields({ name: '张三', returnDate: null }, ['name', 'returnDate'])
 * // => [{ field: 'name', from: null, to: '张三' }]
 */
export function createdFields<K extends string>(
  values: Partial<Record<K, unknown>>,
  fields: readonly K[],
): FieldChange[] {
  return diffFields({}, values, fields);
}
