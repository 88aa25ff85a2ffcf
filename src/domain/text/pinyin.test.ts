import { describe, expect, it } from 'vitest';
import { isPinyinQuery, pinyinKeys } from './pinyin.js';

describe('pinyin keys', () => {
  it('gives toneless full pinyin and initials', () => {
    expect(pinyinKeys('奉节县')).toEqual({ full: 'fengjiexian', initials: 'fjx' });
  });
  it('reads polyphonic place names as places are read', () => {
    expect(pinyinKeys('重庆市').initials).toBe('cqs');
  });
  it('writes ü as v, as people type it', () => {
    expect(pinyinKeys('吕梁市').full).toBe('lvliangshi');
  });
  it('remembers a reading per name and per surname flag, never mixing the two', () => {
    const place = pinyinKeys('单县');
    const surname = pinyinKeys('单县', { surname: true });
    expect(pinyinKeys('单县')).toBe(place);
    expect(pinyinKeys('单县', { surname: true })).toBe(surname);
    expect(surname.full).toBe('shanxian');
    expect(place.full).not.toBe(surname.full);
  });
  it('recognises latin-letter queries', () => {
    expect(isPinyinQuery('fjx')).toBe(true);
    expect(isPinyinQuery('奉节')).toBe(false);
  });
});
