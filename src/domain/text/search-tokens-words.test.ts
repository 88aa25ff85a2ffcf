import { describe, expect, it } from 'vitest';
import { searchTokens } from './search-tokens.js';

/** The tokens as defined: chars, bigrams, and the segmenter's words of each run on its own. */
function reference(text: string): string[] {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const out = new Set<string>();
  const clean = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Nd}+(?:[ \t-]\p{Nd}+)+/gu, (m) =>
      m.replace(/\P{Nd}/gu, '').length >= 11 ? ' ' : m,
    )
    .replace(/\p{Nd}{6,}/gu, ' ');
  for (const m of clean.matchAll(
    /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu,
  )) {
    const [, han, word] = m;
    if (han !== undefined) {
      const chars = [...han];
      for (const c of chars) out.add(c);
      for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
      for (const s of seg.segment(han)) if (s.isWordLike) out.add(s.segment);
    } else if (word !== undefined && [...word].length >= 2) {
      out.add(word);
    }
  }
  return [...out].sort();
}

const TEXTS = [
  '王伟 电焊',
  '欧阳小红 脐橙种植、电商直播',
  '买买提·吐尔逊 农民专业合作社',
  'Anna Lee 遮阳网加工 LED灯 12V',
  '重庆市奉节县兴隆镇返乡创业园 电话 138 1234 5678',
  '中华人民共和国国务院，北京大学生物系',
  '张三',
  '',
];

describe('searchTokens with remembered segmenter words', () => {
  it('gives the tokens of each run segmented on its own, first time and again', () => {
    for (const t of TEXTS) expect(searchTokens(t)).toEqual(reference(t));
    for (const t of TEXTS) expect(searchTokens(t)).toEqual(reference(t));
    const joined = TEXTS.join(' ');
    expect(searchTokens(joined)).toEqual(reference(joined));
  });
});
