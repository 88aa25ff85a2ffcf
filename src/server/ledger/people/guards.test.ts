import { describe, expect, it } from 'vitest';
import { ledgerDate, scrubDigits } from './guards.js';

describe('scrubDigits', () => {
  it('blanks identifier-like digit runs and keeps short figures', () => {
    expect(scrubDigits('核实 138-1234-5678 的 3 项信息')).toBe('核实 *** 的 3 项信息');
  });
});

describe('ledgerDate', () => {
  it('gives the calendar date in China, eight hours ahead of UTC', () => {
    expect(ledgerDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(ledgerDate(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
});
