import { inArray } from 'drizzle-orm';
import { AppError } from '../../../domain/errors/codes.js';
import { containsPersonalNumber } from '../../../domain/text/personal-number.js';
import type { FieldIssue } from '../../../domain/ledger/ledger-issues.js';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/regions/table.js';

/**
 * Checks shared by the ledger's write paths (people and entities, API and importer).
 */

/**
 * Refuses with REGION_UNKNOWN (422, naming the field) the first region code that does not exist.
 * Absent fields are skipped.
 *
 * @example
 * await assertRegionsExist(tx, { hukouRegionCode: '500236128000', currentRegionCode: undefined })
 */
export async function assertRegionsExist(
  db: Executor,
  fields: Record<string, string | null | undefined>,
): Promise<void> {
  const wanted = Object.entries(fields).filter((e): e is [string, string] => !!e[1]);
  if (wanted.length === 0) return;
  const codes = [...new Set(wanted.map(([, code]) => code))];
  const found = await db
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, codes));
  const known = new Set(found.map((r) => r.code));
  for (const [field, code] of wanted) {
    if (!known.has(code)) throw new AppError('REGION_UNKNOWN', { code, field });
  }
}

/**
 * A VALIDATION error for cross-field issues found on the server, shaped like the schema's own
 * (`body.<field>` with the ledger issue code; the HTTP edge adds the zh-CN / en text).
 */
export function validationError(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', {
    issues: issues.map((i) => ({ path: ['body', ...i.path].join('.'), code: i.code })),
  });
}

/** True when `error` is PostgreSQL's unique violation of the named index (both drivers). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  return candidates.some((e) => {
    const pg = e as { code?: unknown; constraint?: unknown } | null;
    return pg?.code === '23505' && pg.constraint === constraint;
  });
}

/** China Standard Time (UTC+8, no daylight saving) offset, in milliseconds. */
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar date in China of an instant, as `YYYY-MM-DD`: the date officials see, e.g. for the
 * day a status was reached.
 *
 * @example
 * ledgerDate(new Date('2026-11-20T23:30:00Z')) // '2026-11-21'
 */
export function ledgerDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Free text with identifier-like digit runs (six digits or more, as ID and phone numbers) blanked
 * out, for text that goes into the audit trail.
 *
 * @example
 * scrubDigits('核实 13812345678 的身份') // '核实 *** 的身份'
 */
export function scrubDigits(text: string): string {
  return text.replace(/\p{Nd}(?:[\s-]?\p{Nd}){5,}/gu, '***');
}

/**
 * Refuses free text carrying an ID or mobile number (PERSONAL_NUMBER_IN_TEXT naming the field):
 * free text is stored in clear, so such numbers belong in their encrypted fields. The importer
 * applies the same domain check ({@link containsPersonalNumber}) to its rows.
 */
export function assertNoPersonalNumbers(fields: Record<string, string | null | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    if (text && containsPersonalNumber(text)) {
      throw new AppError('PERSONAL_NUMBER_IN_TEXT', { field });
    }
  }
}
