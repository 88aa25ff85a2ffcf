import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../domain/identity/id-number.js';
import { containsPersonalNumber, ledgerDate, scrubDigits } from './guards.js';

describe('containsPersonalNumber', () => {
  it('spots mobile numbers however they are grouped, with or without 86', () => {
    for (const text of [
      '电话13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '１３８１２３４５６７８',
    ]) {
      expect(containsPersonalNumber(text), text).toBe(true);
    }
  });

  it('spots ID numbers, including a lower-case x check character', () => {
    const id = makeIdNumber('11010519491231002');
    expect(containsPersonalNumber(`身份证 ${id.toLowerCase()}`)).toBe(true);
    expect(containsPersonalNumber(`${id.slice(0, 6)} ${id.slice(6)}`)).toBe(true);
  });

  it('lets ordinary figures through', () => {
    for (const text of [
      '年产遮阳网 120000 平方米',
      '2024-03-01 返乡',
      '带动就业 35 人',
      '12812345678',
    ]) {
      expect(containsPersonalNumber(text), text).toBe(false);
    }
  });
});

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
