import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSubsidySums,
  SUBSIDY_INDICATORS,
  subsidyFigures,
  subsidyIndicatorValue,
} from './subsidy-indicators.js';

describe('贴息 indicators', () => {
  it('gives due, paid, outstanding and the paid rate from the claims’ sums', () => {
    // 南阳 2017: a prefecture paid 56.66 % of what it owed
    const s = { dueFen: 1_000_000_00, paidFen: 566_600_00 };
    expect(subsidyFigures(s)).toEqual({
      dueFen: 100_000_000,
      paidFen: 56_660_000,
      outstandingFen: 43_340_000,
      paidRatePct: 56.7,
    });
    expect(subsidyIndicatorValue('subsidy_due', s)).toBe(100);
    expect(subsidyIndicatorValue('subsidy_paid', s)).toBe(56.66);
    expect(subsidyIndicatorValue('subsidy_outstanding', s)).toBe(43.34);
    expect(subsidyIndicatorValue('subsidy_paid_rate', s)).toBe(56.7);
  });

  it('has no rate when nothing is due, and 100 % when all is paid', () => {
    expect(subsidyFigures({ dueFen: 0, paidFen: 0 }).paidRatePct).toBeNull();
    expect(subsidyIndicatorValue('subsidy_paid_rate', { dueFen: 1, paidFen: 1 })).toBe(100);
  });

  it('declares each indicator once, in zh-CN, with 已付 and 欠付 as parts of 应付', () => {
    expect(SUBSIDY_INDICATORS.map((d) => d.code)).toEqual([
      'subsidy_due',
      'subsidy_paid',
      'subsidy_outstanding',
      'subsidy_paid_rate',
    ]);
    expect(SUBSIDY_INDICATORS.map((d) => d.zh)).toEqual([
      '贴息应付',
      '贴息已付',
      '贴息欠付',
      '贴息兑付率',
    ]);
    expect(SUBSIDY_INDICATORS.filter((d) => d.partOf === 'subsidy_due')).toHaveLength(2);
  });

  it('always has paid + outstanding = due to the fen, summed by quarter or by region', () => {
    const claim = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([due, share]) => ({ dueFen: due, paidFen: Math.floor(due * share) }));
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 40 }), (claims) => {
        const total = subsidyFigures(addSubsidySums(claims));
        expect(total.paidFen + total.outstandingFen).toBe(total.dueFen);
        expect(total.outstandingFen).toBeGreaterThanOrEqual(0);
        const parts = claims.map(subsidyFigures);
        expect(parts.reduce((n, p) => n + p.outstandingFen, 0)).toBe(total.outstandingFen);
        if (total.paidRatePct !== null) {
          expect(total.paidRatePct).toBeGreaterThanOrEqual(0);
          expect(total.paidRatePct).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
