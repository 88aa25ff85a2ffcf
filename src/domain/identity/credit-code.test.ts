import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  makeCreditCode,
  parseCreditCode,
} from './credit-code.js';

/** A "clean accept": well-formed and checksum valid. */
const cleanlyAccepted = (raw: string) => {
  const r = parseCreditCode(raw);
  return r.ok && r.value.checksumValid;
};

describe('creditCodeCheckChar / makeCreditCode', () => {
  it('computes the check character of a published code (91350100M000100Y43)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(makeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
  });

  it('throws RangeError for wrong length, lower case or characters outside the alphabet', () => {
    for (const bad of [
      '',
      '91350100M000100Y',
      '91350100m000100Y4',
      '91350100M000100I4',
      '91350100M000100S4',
    ]) {
      expect(() => creditCodeCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('parseCreditCode — examples', () => {
  it('accepts a valid code with checksumValid true, no warning, and extracts the region code', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: { creditCode: '91350100M000100Y43', regionCode: '350100', checksumValid: true },
    });
  });

  it('accepts registration authorities 1, 5, 9 and Y', () => {
    for (const first of ['1', '5', '9', 'Y']) {
      expect(cleanlyAccepted(makeCreditCode(`${first}2500236MA5U7XY4K`))).toBe(true);
    }
  });

  it('normalises lower case, full-width characters and surrounding whitespace', () => {
    for (const raw of [
      ' 91350100m000100y43 ',
      '９１３５０１００Ｍ０００１００Ｙ４３',
      '\t９１３５０１００ｍ０００１００ｙ４３　',
    ]) {
      expect(parseCreditCode(raw)).toMatchObject({
        ok: true,
        value: { creditCode: '91350100M000100Y43' },
      });
    }
  });

  it('accepts a pilot code with a wrong check character but flags CREDIT_CODE_CHECKSUM', () => {
    expect(parseCreditCode('91350100M000100Y40')).toEqual({
      ok: true,
      value: { creditCode: '91350100M000100Y40', regionCode: '350100', checksumValid: false },
      warning: 'CREDIT_CODE_CHECKSUM',
    });
  });

  it.each([
    ['empty', ''],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['letter I', '91350100M000100I43'],
    ['letter O', '91350100M000100O43'],
    ['letter Z', '91350100M000100Z43'],
    ['letter S', '91350100M000100S43'],
    ['letter V as check char', '91350100M000100Y4V'],
    ['letter in division code', '913501A0M000100Y43'],
    ['inner space', '91350100 M000100Y43'],
  ])('rejects %s with CREDIT_CODE_FORMAT', (_name, raw) => {
    expect(parseCreditCode(raw)).toEqual({ ok: false, code: 'CREDIT_CODE_FORMAT' });
  });
});

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
/** Valid codes: positions 1–2 and 9–17 from the alphabet, 3–8 digits, correct check char. */
const validCode = fc
  .tuple(
    fc.array(alphabetChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, body]) => makeCreditCode([...head, ...region, ...body].join('')));

const RUNS = { numRuns: 1000 };

describe('parseCreditCode — properties', () => {
  it('accepts every generated valid code with checksumValid true and no warning', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const r = parseCreditCode(code);
        expect(r).toEqual({
          ok: true,
          value: { creditCode: code, regionCode: code.slice(2, 8), checksumValid: true },
        });
      }),
      RUNS,
    );
  });

  // Weights 3^(i-1) mod 31 are non-zero mod the prime 31 and character values
  // differ by 1..30, so (v'-v)·w ≢ 0 (mod 31): every substitution is detected.
  it('never cleanly accepts a single-character substitution within the alphabet in the first 17 positions', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        // A plain predicate (no expect per variant): 510 variants a run stay fast under load.
        for (let i = 0; i < 17; i++) {
          for (const c of CREDIT_CODE_ALPHABET) {
            if (c === code[i]) continue;
            if (cleanlyAccepted(code.slice(0, i) + c + code.slice(i + 1))) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  // Swapping a≠b at positions i, i+1 changes the sum by (a-b)(w_i - w_{i+1})
  // = (a-b)·w_i·(1-3) = -2(a-b)·w_i ≢ 0 (mod 31). Between position 17 (weight 28)
  // and the check char (weight 1) the change is 27(a-b) ≢ 0, so that swap is detected too.
  it('never cleanly accepts an adjacent transposition of different characters, incl. position 17 with the check char', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        for (let i = 0; i < 17; i++) {
          const a = code.charAt(i);
          const b = code.charAt(i + 1);
          if (a === b) continue;
          expect(cleanlyAccepted(code.slice(0, i) + b + a + code.slice(i + 2))).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
