import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  isWithin,
  joinRegionPath,
  parentRegionCode,
  regionLevel,
  regionPrefix,
  toRegionCode,
} from './region-code.js';

describe('region codes', () => {
  it('pads short division codes to 12 digits', () => {
    expect(toRegionCode('50')).toBe('500000000000');
    expect(toRegionCode('500236104')).toBe('500236104000');
    expect(() => toRegionCode('5002')).not.toThrow();
    expect(() => toRegionCode('50023')).toThrow();
  });

  it('derives the level from trailing zeros', () => {
    expect(regionLevel('000000000000')).toBe('nation');
    expect(regionLevel('500000000000')).toBe('province');
    expect(regionLevel('500200000000')).toBe('city');
    expect(regionLevel('500236000000')).toBe('county');
    expect(regionLevel('500236104000')).toBe('township');
    expect(regionLevel('500236104201')).toBe('village');
  });

  it('makes a code its own path: prefix, parent and ancestors', () => {
    expect(regionPrefix('500236000000')).toBe('500236');
    expect(regionPrefix('000000000000')).toBe('');
    expect(parentRegionCode('500236104201')).toBe('500236104000');
    expect(parentRegionCode('500000000000')).toBe('000000000000');
    expect(parentRegionCode('000000000000')).toBeNull();
    expect(ancestorCodes('500236104000')).toEqual([
      '000000000000',
      '500000000000',
      '500200000000',
      '500236000000',
    ]);
  });

  it('tests subtree membership by prefix', () => {
    expect(isWithin('500236104000', '500236000000')).toBe(true);
    expect(isWithin('500236000000', '500236000000')).toBe(true);
    expect(isWithin('500237000000', '500236000000')).toBe(false);
    expect(isWithin('410000000000', '000000000000')).toBe(true);
  });

  it('writes a path as officials do, without placeholders', () => {
    expect(joinRegionPath(['全国', '重庆市', '县', '奉节县', '兴隆镇'])).toBe(
      '重庆市 / 奉节县 / 兴隆镇',
    );
    expect(joinRegionPath(['全国', '北京市', '市辖区', '东城区'])).toBe('北京市 / 东城区');
  });
});
