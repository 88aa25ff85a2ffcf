/**
 * Field schemas shared by the person and entity contracts. Every check that can fail puts a
 * {@link LedgerIssueCode} in the issue's `message`, so the server and the web form can show the
 * same zh-CN / en text.
 *
 * @module
 */
import { z } from 'zod';
import { plainText } from '../text/plain-text.js';
import type { LedgerIssueCode } from './ledger-issues.js';

/** Length of a string in characters (code points), so a rare-character name counts as one. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29). */
export const IsoDate = z.iso
  .date({ error: 'DATE_FORMAT' satisfies LedgerIssueCode })
  .meta({ example: '2024-03-01' });

/** An ISO 8601 timestamp with an offset, e.g. `2024-03-01T09:30:00+08:00`. */
export const IsoDateTime = z.iso
  .datetime({ offset: true, error: 'DATETIME_FORMAT' satisfies LedgerIssueCode })
  .meta({ example: '2024-03-01T09:30:00+08:00' });

/** A 12-digit 统计用区划代码. Whether the region exists is the server's check. */
export const RegionCode12 = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'REGION_CODE_FORMAT' satisfies LedgerIssueCode)
  .meta({ description: '12 位统计用区划代码', example: '500236128000' });

/** Optimistic-locking version the client last read. */
export const Version = z.int().min(1).meta({ description: '读取时的版本号（乐观锁）' });

/**
 * Free text: trimmed, at most `max` characters, no control characters or lone surrogates, one line
 * unless `multiline`; each failure with a ledger issue code (see {@link plainText}).
 *
 * @example
 * boundedText(500).parse('  遮阳网  '); // => '遮阳网'
 */
export function boundedText(max: number, min = 0, multiline = false): z.ZodString {
  return plainText({ max, min, multiline });
}

/** A head count: a 32-bit integer ≥ 0 (fits a PostgreSQL `integer`). */
export const HeadCount = z.int32({ error: 'COUNT_RANGE' satisfies LedgerIssueCode }).min(0, {
  error: 'COUNT_RANGE' satisfies LedgerIssueCode,
});

/** Upper bound of an amount in 万元: the `numeric(16,4)` columns hold 12 integer digits. */
export const MAX_AMOUNT_WAN = 1e12;

/**
 * True when `v`, written the shortest way JavaScript writes it back (what the user typed), has at
 * most 4 decimals; so 0.1 + 0.2 (0.30000000000000004) does not pass but 0.1234 does.
 *
 * @example
 * hasAtMost4Decimals(12.3456);  // => true
 * hasAtMost4Decimals(12.34567); // => false
 */
export function hasAtMost4Decimals(v: number): boolean {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (m === null) return false;
  return (m[1]?.length ?? 0) - Number(m[2] ?? 0) <= 4;
}

/** An amount in 万元: ≥ 0, below {@link MAX_AMOUNT_WAN}, at most 4 decimals. */
export const AmountWan = z
  .number({ error: 'AMOUNT_RANGE' satisfies LedgerIssueCode })
  .min(0, 'AMOUNT_RANGE' satisfies LedgerIssueCode)
  .lt(MAX_AMOUNT_WAN, 'AMOUNT_RANGE' satisfies LedgerIssueCode)
  .refine(hasAtMost4Decimals, 'AMOUNT_DECIMALS' satisfies LedgerIssueCode)
  .meta({ description: '金额（万元），最多 4 位小数' });
