import { describe, expect, it } from 'vitest';
import { formatPercent, formatYuan, parseAmountFen, parsePercentBp } from './amount-input';

describe('amounts typed by people', () => {
  it('reads 元 and 万元 into whole fen without floating point', () => {
    expect(parseAmountFen('12,345.67')).toBe(1_234_567);
    expect(parseAmountFen('0.1')).toBe(10);
    expect(parseAmountFen('30', 'wan')).toBe(30_000_000);
    expect(parseAmountFen('1.234567', 'wan')).toBe(1_234_567);
    // 0.29 * 100 is 28.999… in floating point; the string reading is exact
    expect(parseAmountFen('0.29')).toBe(29);
    expect(parseAmountFen('4,000,000.00')).toBe(400_000_000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '-5', '1e5', '1.2.3', '0x10']) {
      expect(parseAmountFen(bad)).toBeNull();
    }
    expect(parseAmountFen('1.2345678', 'wan')).toBeNull();
  });

  it('reads per cent into basis points', () => {
    expect(parsePercentBp('3.45')).toBe(345);
    expect(parsePercentBp('3.45%')).toBe(345);
    expect(parsePercentBp('4')).toBe(400);
    expect(parsePercentBp('3.455')).toBeNull();
  });

  it('writes fen and basis points back', () => {
    expect(formatYuan(1_234_567)).toBe('12,345.67');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatPercent(345)).toBe('3.45%');
    expect(formatPercent(400)).toBe('4.00%');
  });
});
