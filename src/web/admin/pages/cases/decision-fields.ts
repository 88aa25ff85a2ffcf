import { parseAmountFen, parsePercentBp } from '../../../shared/amount-input';

/**
 * How a field a case type declares is typed in a decision form, from its name's ending (the
 * convention of src/domain/cases): `…Fen` an amount typed in 元, `…Bp` a rate typed in %,
 * `…On` a date, `…Months` a whole number; anything else text.
 */
export type FieldKind = 'amount' | 'rate' | 'date' | 'months' | 'text';

export function fieldKind(name: string): FieldKind {
  if (name.endsWith('Fen')) return 'amount';
  if (name.endsWith('Bp')) return 'rate';
  if (name.endsWith('On')) return 'date';
  if (name.endsWith('Months')) return 'months';
  return 'text';
}

/** The value sent for what was typed, or `undefined` when it cannot be read (the form says so). */
export function fieldValue(name: string, text: string): unknown {
  const v = text.trim();
  switch (fieldKind(name)) {
    case 'amount':
      return parseAmountFen(v) ?? undefined;
    case 'rate':
      return parsePercentBp(v) ?? undefined;
    case 'months':
      return /^\d{1,3}$/.test(v) ? Number(v) : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
    default:
      return v || undefined;
  }
}

/** The label of a field without the storage unit of its declared name: 「放款金额（分）」→「放款金额」. */
export function fieldLabel(declared: string): string {
  return declared.replace(/（分）$/, '').replace(/（基点[^）]*）$/, '');
}
