import { describe, expect, it } from 'vitest';
import {
  CASE_INDICATORS,
  caseIndicatorValue,
  type CaseMetric,
  fenToWan,
  isCaseTargetCode,
} from './case-indicators.js';

const def = (code: string) => {
  const d = CASE_INDICATORS.find((x) => x.code === code);
  if (!d) throw new Error(code);
  return d;
};
const sums = (
  ytd: Partial<Record<CaseMetric, number>>,
  cum: Partial<Record<CaseMetric, number>>,
) => ({
  ytd: (m: CaseMetric) => ytd[m] ?? 0,
  cumulative: (m: CaseMetric) => cum[m] ?? 0,
});

describe('case indicators', () => {
  it('show fen as 万元 with two decimals (4亿元 = 40,000万元)', () => {
    expect(fenToWan(40_000_000_000)).toBe(40_000);
    expect(fenToWan(12_345_678)).toBe(12.35);
  });

  it('read flows over the year, stocks and rates as now, ratios from two sums', () => {
    const s = sums(
      { disbursed_fen: 50_000_000, step_days: 7, steps: 3 },
      {
        disbursed_fen: 80_000_000,
        balance_fen: 40_000_000,
        overdue_fen: 1_000_000,
        compensated_fen: 2_000_000,
      },
    );
    expect(caseIndicatorValue(def('loans_disbursed'), s)).toBe(50);
    expect(caseIndicatorValue(def('loan_balance'), s)).toBe(40);
    expect(caseIndicatorValue(def('loan_overdue_rate'), s)).toBe(2.5);
    expect(caseIndicatorValue(def('loan_compensation_rate'), s)).toBe(2.5);
    expect(caseIndicatorValue(def('case_step_days'), s)).toBe(2.3);
  });

  it('give no rate without a denominator', () => {
    expect(caseIndicatorValue(def('loan_overdue_rate'), sums({}, {}))).toBeNull();
    expect(caseIndicatorValue(def('case_step_days'), sums({}, {}))).toBeNull();
  });

  it('take targets on the disbursed amounts only', () => {
    expect(isCaseTargetCode('loans_disbursed_migrant')).toBe(true);
    expect(isCaseTargetCode('loans_disbursed')).toBe(true);
    expect(isCaseTargetCode('loan_balance')).toBe(false);
  });
});
