import { describe, expect, it } from 'vitest';
import * as en from './catalog-en';
import * as zh from './catalog-zh';
import { dateText, LOAN_EN, LOAN_ZH } from './loans-catalog';

const HAN = /[\u4e00-\u9fff]/;

/** Every text of a catalog value: strings, lists, and functions called with sample arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 'x' : 2));
    return texts((value as (...a: unknown[]) => unknown)(...args));
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

const PAIRS: [string, unknown, unknown][] = [
  ['strings', zh.ZH, en.EN],
  ['sexes', zh.SEX_NAMES_ZH, en.SEX_NAMES_EN],
  ['categories', zh.CATEGORY_NAMES_ZH, en.CATEGORY_NAMES_EN],
  ['statuses', zh.STATUS_NAMES_ZH, en.STATUS_NAMES_EN],
  ['education', zh.EDUCATION_NAMES_ZH, en.EDUCATION_NAMES_EN],
  ['entity types', zh.ENTITY_TYPE_NAMES_ZH, en.ENTITY_TYPE_NAMES_EN],
  ['services', zh.SERVICE_TEXT_ZH, en.SERVICE_TEXT_EN],
  ['loans', LOAN_ZH, LOAN_EN],
];

describe('portal catalogs', () => {
  it('have the same keys in zh-CN and English', () => {
    for (const [what, z, e] of PAIRS) {
      expect(Object.keys(e as object).sort(), what).toEqual(Object.keys(z as object).sort());
    }
  });

  it('leave nothing empty, and the English one holds no Chinese', () => {
    for (const [what, z, e] of PAIRS) {
      for (const t of [...texts(z), ...texts(e)]) expect(t.trim(), what).not.toBe('');
      for (const t of texts(e)) expect(t, what).not.toMatch(HAN);
    }
  });

  it('writes dates as each reader does', () => {
    expect(dateText('2026-12-07', 'zh-CN')).toBe('2026年12月7日');
    expect(dateText('2026-12-07', 'en')).toBe('7 Dec 2026');
    // A timestamp is read in China Standard Time: 20:00 UTC is the next day in 奉节.
    expect(dateText('2026-12-07T20:00:00Z', 'en')).toBe('8 Dec 2026');
  });
});
