import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format } from './i18n';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console message catalogs', () => {
  it('have the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('leave no message empty', () => {
    for (const catalog of [zhCN, en] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, zh] of Object.entries(zhCN)) {
      expect(placeholders(en[key as keyof typeof zhCN]), key).toEqual(placeholders(zh));
    }
  });

  it('write placeholders as {name}, never i18next’s {{name}} (printed as “{2021}年”)', () => {
    for (const catalog of [zhCN, en] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) expect(text, key).not.toMatch(/\{\{/);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(zhCN['common.total'], { total: 3 })).toBe('共 3 条');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
