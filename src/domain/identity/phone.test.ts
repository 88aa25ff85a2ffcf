import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskMobile, parseMobile } from './phone.js';

describe('parseMobile', () => {
  it.each([
    ['plain 11 digits', '13812345678'],
    ['+86 prefix', '+8613812345678'],
    ['86 prefix', '8613812345678'],
    ['spaces and dashes', ' +86 138-1234-5678 '],
    ['grouped with spaces', '138 1234 5678'],
    ['full-width digits and plus', '＋８６　１３８１２３４５６７８'],
  ])('accepts %s and returns the canonical 11 digits', (_name, raw) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value: '13812345678' });
  });

  it('accepts every second digit 3–9', () => {
    for (const d of '3456789') expect(parseMobile(`1${d}012345678`).ok).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['prefix 12', '12812345678'],
    ['prefix 10', '10812345678'],
    ['not starting with 1', '23812345678'],
    ['landline', '023-12345678'],
    ['letters', '1381234567a'],
    ['other country code', '+8513812345678'],
    ['plus without 86', '+13812345678'],
    ['dots as separators', '138.1234.5678'],
  ])('rejects %s with PHONE_FORMAT', (_name, raw) => {
    expect(parseMobile(raw)).toEqual({ ok: false, code: 'PHONE_FORMAT' });
  });

  it('accepts any generated 1[3-9] number with any +86/86 prefix and separators (property)', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', '+86', '86', '+86 ', '86-'),
        fc.constantFrom('', ' ', '-'),
        (m, prefix, sep) => {
          const raw = `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`;
          expect(parseMobile(raw)).toEqual({ ok: true, value: m });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits and masks the middle 4', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('masks short inputs completely', () => {
    expect(maskMobile('1234567')).toBe('*******');
  });
});
