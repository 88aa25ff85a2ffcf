import { describe, expect, it } from 'vitest';
import {
  AmountWan,
  boundedText,
  charLength,
  hasAtMost4Decimals,
  HeadCount,
  IsoDate,
  IsoDateTime,
  RegionCode12,
} from './fields.js';

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? 'OK' : r.error?.issues[0]?.message;

describe('shared ledger fields', () => {
  it('counts characters, not UTF-16 units, so a rare character counts once', () => {
    expect(charLength('𠈌王')).toBe(2);
    expect('𠈌王'.length).toBe(3);
  });

  it('accepts real calendar dates only', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(messageOf(IsoDate.safeParse('2023-02-29'))).toBe('DATE_FORMAT');
    expect(messageOf(IsoDate.safeParse('2023-4-1'))).toBe('DATE_FORMAT');
  });

  it('accepts timestamps with an offset and refuses ones without', () => {
    expect(IsoDateTime.safeParse('2024-03-01T09:30:00+08:00').success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-01T01:30:00Z').success).toBe(true);
    expect(messageOf(IsoDateTime.safeParse('2024-03-01 09:30'))).toBe('DATETIME_FORMAT');
  });

  it('takes 12-digit region codes, trimmed, and refuses short ones', () => {
    expect(RegionCode12.parse(' 500236104000 ')).toBe('500236104000');
    expect(messageOf(RegionCode12.safeParse('500236'))).toBe('REGION_CODE_FORMAT');
  });

  it('trims bounded text and reports overlong or missing text by code', () => {
    expect(boundedText(5).parse('  遮阳网  ')).toBe('遮阳网');
    expect(messageOf(boundedText(5).safeParse('一二三四五六'))).toBe('TEXT_TOO_LONG');
    expect(messageOf(boundedText(5, 1).safeParse('   '))).toBe('TEXT_REQUIRED');
  });

  it('counts heads as non-negative 32-bit integers', () => {
    expect(HeadCount.parse(0)).toBe(0);
    expect(messageOf(HeadCount.safeParse(-1))).toBe('COUNT_RANGE');
    expect(messageOf(HeadCount.safeParse(1.5))).toBe('COUNT_RANGE');
    expect(messageOf(HeadCount.safeParse(2 ** 31))).toBe('COUNT_RANGE');
  });

  it('tells amounts with at most four decimals from longer ones, as typed', () => {
    for (const ok of [0, 12, 12.3456, 0.0001, 1e-4, 999999999999.9999]) {
      expect(hasAtMost4Decimals(ok)).toBe(true);
    }
    for (const bad of [12.34567, 0.00001, 0.1 + 0.2, 1e-7]) {
      expect(hasAtMost4Decimals(bad)).toBe(false);
    }
  });

  it('accepts amounts in 万元 from 0 below the numeric(16,4) limit', () => {
    expect(AmountWan.parse(2600.5)).toBe(2600.5);
    expect(messageOf(AmountWan.safeParse(-0.5))).toBe('AMOUNT_RANGE');
    expect(messageOf(AmountWan.safeParse(1e12))).toBe('AMOUNT_RANGE');
    expect(messageOf(AmountWan.safeParse(1.23456))).toBe('AMOUNT_DECIMALS');
    expect(messageOf(AmountWan.safeParse('12'))).toBe('AMOUNT_RANGE');
  });
});
