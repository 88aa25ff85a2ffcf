import { describe, expect, it } from 'vitest';
import {
  formatAxis,
  formatExact,
  formatMoney,
  formatPct,
  formatShort,
  formatWithUnit,
  groupDigits,
  niceCeil,
  ungroupDigits,
} from './numbers';

describe('dashboard numbers as officials write them', () => {
  it('writes exact figures with thousands separators', () => {
    expect(formatExact(11200)).toBe('11,200');
    expect(formatExact(0)).toBe('0');
    expect(formatExact(1234.567)).toBe('1,234.57');
  });

  it('writes large figures in 万 and 亿, dropping trailing zeros', () => {
    expect(formatShort(11200)).toBe('1.12万');
    expect(formatShort(3500)).toBe('3,500');
    expect(formatShort(20000)).toBe('2万');
    expect(formatShort(400_000_000)).toBe('4亿');
    expect(formatShort(11200, 'en')).toBe('11.2K');
  });

  it('writes money in 元, 万元 and 亿元', () => {
    expect(formatMoney(800)).toBe('800元');
    expect(formatMoney(52000)).toBe('5.2万元');
    expect(formatMoney(40000, '万元')).toBe('4亿元');
    expect(formatWithUnit(300, '万元')).toBe('300万元');
  });

  it('puts the unit after the figure, and percentages with one decimal', () => {
    expect(formatWithUnit(11200, '人')).toBe('1.12万人');
    expect(formatWithUnit(12, 'persons', 'en')).toBe('12 persons');
    expect(formatPct(97.345)).toBe('97.3%');
    expect(formatPct(100)).toBe('100%');
    expect(formatPct(null)).toBe('—');
    expect(formatAxis(15000)).toBe('1.5万');
  });

  it('groups the digits typed into a number field and reads them back', () => {
    expect(groupDigits('11200')).toBe('11,200');
    expect(groupDigits(1234.5)).toBe('1,234.5');
    expect(groupDigits('')).toBe('');
    expect(ungroupDigits('11,200')).toBe(11200);
  });

  it('rounds an axis maximum up to a half step of its magnitude', () => {
    expect(niceCeil(320)).toBe(350);
    expect(niceCeil(11200)).toBe(15000);
    expect(niceCeil(1000)).toBe(1000);
    expect(niceCeil(0)).toBe(1);
  });
});
