import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../identity/id-number.js';
import { containsPersonalNumber, maskDigitLike } from './personal-number.js';

/** Fixed seed, printed by fast-check on failure, so a failing run can be replayed. */
const SEED = 20261207;

/** A real ID number: province, county, a birth date, a sequence, its check character. */
const idNumber = fc
  .record({
    county: fc.constantFrom('500236', '512226', '110105', '440304', '411302'),
    year: fc.integer({ min: 1940, max: 2008 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ county, year, month, day, seq }) => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    return makeIdNumber(`${county}${year}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`);
  });

/** A mainland mobile number: 1, then 3–9, then nine digits. */
const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);

/** What people put between digits: spaces, dots, dashes, slashes, brackets, full-width forms. */
const separator = fc.constantFrom(
  ' ',
  '  ',
  '.',
  '-',
  '—',
  '/',
  '\\',
  '(',
  ')',
  ') ',
  '（',
  '）',
  '【',
  '】',
  '·',
  '、',
  '，',
  '_',
  '\u3000',
  '－',
  '．',
  '／',
);

const FULL_WIDTH = '０１２３４５６７８９';

/** Splices up to five separators between the digits of `digits`, some digits full-width. */
function disguised(number: fc.Arbitrary<string>) {
  return fc
    .record({
      digits: number,
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }),
      seps: fc.array(separator, { minLength: 5, maxLength: 5 }),
      wide: fc.boolean(),
      before: fc.constantFrom('', '电话', '身份证', '联系方式：', '技能：种植 '),
      after: fc.constantFrom('', ' 王师傅', '，欢迎联系', '。'),
    })
    .map(({ digits, cuts, seps, wide, before, after }) => {
      let out = '';
      const at = new Set(cuts.filter((c) => c < digits.length));
      [...digits].forEach((ch, i) => {
        if (at.has(i)) out += seps[i % seps.length];
        out += wide && /\d/.test(ch) ? FULL_WIDTH[Number(ch)] : ch;
      });
      return `${before}${out}${after}`;
    });
}

describe('containsPersonalNumber', () => {
  it('finds the cases from the issue, written with brackets, dots and slashes', () => {
    expect(containsPersonalNumber('电话(137)1234.5678 身份证500236/198503154565')).toBe(true);
    expect(containsPersonalNumber('电话(137)1234.5678')).toBe(true);
    expect(containsPersonalNumber('身份证500236/198503154565')).toBe(true);
  });

  it('spots mobile numbers however they are grouped, with or without 86', () => {
    for (const text of [
      '电话13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '0086-138-1234-5678',
      '１３８１２３４５６７８',
      '13812345678、13912345678',
      '138 1234 5678 139 1234 5678',
    ]) {
      expect(containsPersonalNumber(text), text).toBe(true);
    }
  });

  it('spots ID numbers, including a lower-case x check character', () => {
    const id = makeIdNumber('11010519491231002');
    expect(containsPersonalNumber(`身份证 ${id.toLowerCase()}`)).toBe(true);
    expect(containsPersonalNumber(`${id.slice(0, 6)} ${id.slice(6)}`)).toBe(true);
    expect(containsPersonalNumber(`${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`)).toBe(
      true,
    );
  });

  it('spots generated ID numbers with separators spliced between their digits', () => {
    fc.assert(
      fc.property(disguised(idNumber), (text) => containsPersonalNumber(text)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('spots generated mobile numbers with separators spliced between their digits', () => {
    fc.assert(
      fc.property(disguised(mobile), (text) => containsPersonalNumber(text)),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('spots numbers with invisible characters, combining marks or other scripts’ digits inside', () => {
    // Each of these looks like (or reads as) 137 1234 5678 on screen and in Excel.
    for (const text of [
      '137\u200b1234\u200b5678', // zero-width space
      '137\u200d1234\u200d5678', // zero-width joiner
      '137\u00ad1234\u00ad5678', // soft hyphen
      '137\u20601234\u20605678', // word joiner
      '137\u200e1234\u200e5678', // left-to-right mark
      '137\u{e0020}12345678', // tag space
      '1\u03013\u03017\u030112345678', // combining accents
      '1\ufe0f37\ufe0f12345678', // variation selectors
      '1\ufe0f\u20e33\ufe0f\u20e37\ufe0f\u20e312345678', // keycaps
      '137    1234    5678', // a long run of spaces
      '١٣٧١٢٣٤٥٦٧٨', // Arabic-Indic digits
      '१३७१२३४५६७८', // Devanagari digits
      '幺三七 一二三四 五六七八', // Chinese numerals, as phone numbers are read out
      '身份证五〇〇二三六一九八五〇三一五四五六五',
    ]) {
      expect(containsPersonalNumber(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('spots generated numbers with invisible characters spliced between their digits', () => {
    const invisible = fc.constantFrom(
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\u00ad',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u2066',
      '\ufe0f',
      '\u0301',
      '\u{e0020}',
    );
    fc.assert(
      fc.property(
        fc.oneof(idNumber, mobile),
        fc.array(invisible, { minLength: 18, maxLength: 18 }),
        fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
        (digits, marks, where) => {
          const text = [...digits].map((ch, i) => (where[i] ? `${ch}${marks[i]}` : ch)).join('');
          return containsPersonalNumber(`联系方式：${text}`);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('lets ordinary figures through', () => {
    for (const text of [
      '年产遮阳网 120000 平方米',
      '2024-03-01 返乡',
      '带动就业 35 人',
      '12812345678',
      '厂房 3 号楼 2 层 201 室，面积 1,200 平方米',
      '2023 年营业收入 2600 万元，纳税 120 万元',
      '电话：023-56551234',
      '一三五种植，二四六养殖，七八九月收获',
      '第一二三批学员共 120 人',
    ]) {
      expect(containsPersonalNumber(text), text).toBe(false);
    }
  });

  it('lets text without long digit runs through, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^[^\d０-９]{1,8}$/), fc.stringMatching(/^\d{1,4}$/)), {
          maxLength: 6,
        }),
        (parts) => !containsPersonalNumber(parts.join('年')),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('masks every digit-like character when a number is shown in a report', () => {
    expect(maskDigitLike('电话①③⑦ 1234 五六七八')).toBe('电话*** **** ****');
    expect(maskDigitLike('身份证５００２３６١٩٨٥')).toBe('身份证**********');
  });
});
