import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ID_PROVINCE_CODES,
  idNumberCheckChar,
  makeIdNumber,
  maskIdNumber,
  parseIdNumber,
} from './id-number.js';

/** Fixed reference date so that results do not depend on the wall clock. */
const TODAY = new Date(2025, 5, 15);
const parse = (raw: string) => parseIdNumber(raw, TODAY);
const codeOf = (raw: string) => {
  const r = parse(raw);
  return r.ok ? 'OK' : r.code;
};

describe('idNumberCheckChar / makeIdNumber', () => {
  it('computes X as check character for the GB 11643 example 11010519491231002', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(makeIdNumber('11010519491231002')).toBe('11010519491231002X');
  });

  it('throws RangeError unless given exactly 17 ASCII digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100X']) {
      expect(() => idNumberCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('parseIdNumber — accepted numbers', () => {
  it('parses birth date, sex, province and county from a valid number', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'F',
        provinceCode: '11',
        countyCode: '110105',
      },
    });
  });

  it('accepts a pre-1997 Fengjie (512226) number although the county code is historical', () => {
    const id = makeIdNumber('51222619800101123');
    const r = parse(id);
    expect(r).toMatchObject({ ok: true, value: { countyCode: '512226', sex: 'M' } });
  });

  it('accepts residence-permit province codes 71, 81 and 82', () => {
    for (const p of ['71', '81', '82']) {
      expect(codeOf(makeIdNumber(`${p}000019900101124`))).toBe('OK');
    }
  });

  it('normalises a lowercase x check character to upper case', () => {
    expect(parse('11010519491231002x')).toMatchObject({
      ok: true,
      value: { idNumber: '11010519491231002X' },
    });
  });

  it('accepts full-width digits, full-width Ｘ/ｘ and surrounding whitespace pasted from Excel', () => {
    for (const raw of [
      '１１０１０５１９４９１２３１００２Ｘ',
      ' \t１１０１０５１９４９１２３１００２ｘ　\n',
    ]) {
      expect(parse(raw)).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } });
    }
  });

  it('accepts 29 February of a leap year and a person born today', () => {
    expect(codeOf(makeIdNumber('50023620000229123'))).toBe('OK');
    expect(codeOf(makeIdNumber('50023620250615123'))).toBe('OK');
  });
});

describe('parseIdNumber — rejected numbers', () => {
  it.each([
    ['empty', ''],
    ['17 digits', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['old 15-digit number', '110105491231002'],
    ['X not in last position', '1101051949123100X2'],
    ['other letter as check', '11010519491231002A'],
    ['inner whitespace', '110105 19491231002X'],
  ])('rejects %s with ID_NUMBER_FORMAT', (_name, raw) => {
    expect(codeOf(raw)).toBe('ID_NUMBER_FORMAT');
  });

  it('rejects a wrong check character with ID_NUMBER_CHECKSUM', () => {
    expect(codeOf('110105194912310021')).toBe('ID_NUMBER_CHECKSUM');
  });

  it('rejects unknown province codes with ID_NUMBER_PROVINCE', () => {
    for (const p of ['00', '10', '16', '20', '39', '55', '66', '70', '80', '83', '99']) {
      expect(codeOf(makeIdNumber(`${p}010519900101123`))).toBe('ID_NUMBER_PROVINCE');
    }
  });

  it.each([
    ['30 February', '20010230'],
    ['29 February of a non-leap century year', '19000229'],
    ['31 April', '19900431'],
    ['month 13', '19901301'],
    ['month 00', '19900001'],
    ['day 00', '19900100'],
    ['year before 1900', '18991231'],
    ['date after the injected today', '20250616'],
  ])('rejects birth date with %s with ID_NUMBER_BIRTH_DATE', (_name, yyyymmdd) => {
    expect(codeOf(makeIdNumber(`500236${yyyymmdd}123`))).toBe('ID_NUMBER_BIRTH_DATE');
  });

  it('uses the current date when no today is given', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(parseIdNumber(makeIdNumber(`500236${nextYear}0101123`))).toEqual({
      ok: false,
      code: 'ID_NUMBER_BIRTH_DATE',
    });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters and masks the birth date with 8 asterisks', () => {
    expect(maskIdNumber('500236199001011234')).toBe('500236********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks short inputs completely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Valid province, random county digits, real birth date 1930–2010, random sequence. */
const validId = fc
  .record({
    province: fc.constantFrom(...ID_PROVINCE_CODES),
    county: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date(Date.UTC(1930, 0, 1)),
      max: new Date(Date.UTC(2010, 11, 31)),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, county, birth, seq }) => {
    const ymd = `${birth.getUTCFullYear()}-${pad(birth.getUTCMonth() + 1, 2)}-${pad(birth.getUTCDate(), 2)}`;
    const id = makeIdNumber(`${province}${pad(county, 4)}${ymd.replaceAll('-', '')}${pad(seq, 3)}`);
    return { id, birthDate: ymd, sex: seq % 2 === 1 ? 'M' : 'F' };
  });

const RUNS = { numRuns: 1000 };

describe('parseIdNumber — properties', () => {
  it('accepts every generated valid number and round-trips birth date and sex', () => {
    fc.assert(
      fc.property(validId, ({ id, birthDate, sex }) => {
        expect(parse(id)).toMatchObject({ ok: true, value: { idNumber: id, birthDate, sex } });
      }),
      RUNS,
    );
  });

  // Weights are 2^(18-i) mod 11; every weight is non-zero mod the prime 11, so a
  // substitution changes the weighted sum by (d'-d)·w ≢ 0 (mod 11).
  it('rejects every single-character substitution (other digit or X) in the first 17 positions', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        for (let i = 0; i < 17; i++) {
          for (const c of '0123456789X') {
            if (c === id[i]) continue;
            expect(parse(id.slice(0, i) + c + id.slice(i + 1)).ok).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  // Adjacent weights satisfy w_i = 2·w_{i+1} (mod 11), including w_17 = 2 and the
  // check weight 1, so swapping a≠b changes the sum by (a-b)·w_{i+1} ≢ 0 (mod 11).
  // Swapping an X check character into position 17 is a format error.
  it('rejects every adjacent transposition of different characters, incl. position 17 with the check char', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        for (let i = 0; i < 17; i++) {
          const a = id.charAt(i);
          const b = id.charAt(i + 1);
          if (a === b) continue;
          expect(parse(id.slice(0, i) + b + a + id.slice(i + 2)).ok).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
