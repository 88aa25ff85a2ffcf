import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens } from './search-tokens.js';

/** What `search_tokens @> query_tokens` does in PostgreSQL / PGlite. */
function matches(doc: string, query: string): boolean {
  const tokens = new Set(searchTokens(doc));
  const wanted = queryTokens(query);
  return wanted.length > 0 && wanted.every((t) => tokens.has(t));
}

const PARK = '奉节县兴隆镇返乡创业园 遮阳网加工';

describe('searchTokens', () => {
  it('indexes every character and every adjacent bigram of a Chinese run', () => {
    const tokens = searchTokens('遮阳网');
    for (const t of ['遮', '阳', '网', '遮阳', '阳网']) expect(tokens).toContain(t);
    expect(tokens).not.toContain('遮网');
  });

  it('adds the words Intl.Segmenter finds', () => {
    const tokens = searchTokens('农民专业合作社');
    for (const w of new Intl.Segmenter('zh', { granularity: 'word' }).segment('农民专业合作社')) {
      if (w.isWordLike) expect(tokens).toContain(w.segment);
    }
  });

  it('returns a sorted array without duplicates', () => {
    const tokens = searchTokens('创业 创业 创业园');
    expect(tokens).toEqual([...new Set(tokens)].sort());
  });

  it('does not join characters across punctuation or spaces', () => {
    expect(searchTokens('返乡，创业')).not.toContain('乡创');
    expect(searchTokens('返乡 创业')).not.toContain('乡创');
  });

  it('indexes latin and digit words of two or more characters, lower-cased', () => {
    expect(searchTokens('LED lights, 12V 型号 A')).toEqual(
      expect.arrayContaining(['led', 'lights', '12v']),
    );
    expect(searchTokens('LED lights, 12V 型号 A')).not.toContain('a');
  });

  it('folds full-width letters and digits to ASCII', () => {
    expect(searchTokens('ＬＥＤ灯 ２０２４')).toEqual(
      expect.arrayContaining(['led', '2024', '灯']),
    );
  });

  it('leaves digit runs of six or more out of the index', () => {
    const tokens = searchTokens(
      '身份证 50023619900101123X 电话13812345678 邮编 404600 年产 5000 吨',
    );
    expect(tokens.some((t) => /\d{6,}/.test(t))).toBe(false);
    expect(tokens).not.toContain('404600');
    expect(tokens).not.toContain('x');
    expect(tokens).toContain('5000');
  });

  it('leaves phone and card numbers typed in groups out of the index', () => {
    const tokens = searchTokens('联系 138 1234 5678 或 138-1234-5678，卡号 6222 0212 3456 7890');
    expect(tokens.some((t) => /^\d+$/.test(t))).toBe(false);
    expect(searchTokens('规格 100-200 目')).toEqual(expect.arrayContaining(['100', '200']));
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' ，。！ ')).toEqual([]);
  });
});

describe('queryTokens', () => {
  it('asks for the bigrams of a longer Chinese run and the character of a single one', () => {
    expect(queryTokens('返乡创业')).toEqual(['乡创', '创业', '返乡']);
    expect(queryTokens('遮阳')).toEqual(['遮阳']);
    expect(queryTokens('网')).toEqual(['网']);
  });

  it('lower-cases latin words and keeps digits', () => {
    expect(queryTokens('LED 灯')).toEqual(['led', '灯']);
    expect(queryTokens('2024')).toEqual(['2024']);
  });

  it('drops single letters when the query has other tokens, keeps them otherwise', () => {
    expect(queryTokens('A级 景区')).toEqual(['景区', '级']);
    expect(queryTokens('x')).toEqual(['x']);
  });

  it('is empty for an empty or blank query', () => {
    expect(queryTokens('')).toEqual([]);
    expect(queryTokens('  ，')).toEqual([]);
  });
});

describe('matching a document', () => {
  it('finds the park by any part of its name or products', () => {
    for (const q of ['返乡创业', '遮阳', '兴隆', '遮阳网', '奉节', '创业园', '加工', '网']) {
      expect(matches(PARK, q), q).toBe(true);
    }
  });

  it('does not match a query with a character the document lacks', () => {
    expect(matches(PARK, 'x')).toBe(false);
    expect(matches(PARK, '创业园区')).toBe(false);
    expect(matches(PARK, '遮阳伞')).toBe(false);
  });

  it('matches a latin product by a lower-case word', () => {
    expect(matches('LED lights', 'led')).toBe(true);
    expect(matches('LED lights', 'Lights')).toBe(true);
    expect(matches('LED lights', 'lamp')).toBe(false);
  });

  it('never finds a document by an ID or phone number', () => {
    expect(matches('张三 13812345678', '13812345678')).toBe(false);
    expect(matches('张三 138 1234 5678', '138 1234 5678')).toBe(false);
  });

  it('does not match everything for an empty query', () => {
    expect(matches(PARK, '')).toBe(false);
  });
});

/** A Chinese character from the common block or, now and then, Extension B (outside the BMP). */
const hanChar = fc
  .oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }) },
  )
  .map((cp) => String.fromCodePoint(cp));

/** A string over a small alphabet, so that repeated characters and bigrams occur. */
const smallHan = fc.constantFrom(...'返乡创业园遮阳网加工兴隆镇奉节县𠈌');

describe('recall (property)', () => {
  it('finds a Chinese document by any of its substrings', () => {
    const docAndSub = fc
      .array(fc.oneof(hanChar, smallHan), { minLength: 1, maxLength: 40 })
      .chain((chars) =>
        fc
          .tuple(fc.nat({ max: chars.length - 1 }), fc.nat({ max: chars.length - 1 }))
          .map(([a, b]) => ({
            doc: chars.join(''),
            sub: chars.slice(Math.min(a, b), Math.max(a, b) + 1).join(''),
          })),
      );
    fc.assert(
      fc.property(docAndSub, ({ doc, sub }) => {
        const tokens = new Set(searchTokens(doc));
        const wanted = queryTokens(sub);
        expect(wanted.length).toBeGreaterThan(0);
        for (const t of wanted) expect(tokens.has(t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a mixed document by any of its Chinese runs or latin words', () => {
    const part = fc.oneof(
      fc.array(smallHan, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
      fc.stringMatching(/^[A-Za-z]{2,8}$/),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.nat(), (parts, pick) => {
        const doc = parts.join(' ');
        const query = parts[pick % parts.length]!;
        expect(matches(doc, query)).toBe(true);
      }),
    );
  });
});
