import { describe, expect, it } from 'vitest';
import { toHalfWidthTrimmed } from './normalise.js';

describe('toHalfWidthTrimmed', () => {
  it('converts full-width digits, letters and symbols to ASCII', () => {
    expect(toHalfWidthTrimmed('０１２３４５６７８９ＡＺａｚＸｘ＋－')).toBe('0123456789AZazXx+-');
  });

  it('trims ASCII and ideographic (full-width) whitespace around the value', () => {
    expect(toHalfWidthTrimmed(' \t　１２３　\n')).toBe('123');
  });

  it('leaves other characters unchanged', () => {
    expect(toHalfWidthTrimmed('奉节 county')).toBe('奉节 county');
  });
});
