import { describe, expect, it } from 'vitest';
import {
  divisionsOf,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  IndustryCode,
  industryByCode,
  sectionOf,
} from './industries.js';

describe('GB/T 4754-2017 catalog', () => {
  it('has exactly 20 sections A–T and 97 divisions 01–97, codes unique', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.code)).size).toBe(97);
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('puts every division in an existing section, in section order, none empty', () => {
    const letters = INDUSTRY_SECTIONS.map((s) => s.code as string);
    let last = 0;
    for (const d of INDUSTRY_DIVISIONS) {
      const at = letters.indexOf(d.section);
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
    }
    for (const s of INDUSTRY_SECTIONS) expect(divisionsOf(s.code).length).toBeGreaterThan(0);
  });

  it('splits the divisions over the sections as the standard does', () => {
    const counts = INDUSTRY_SECTIONS.map((s) => divisionsOf(s.code).length);
    expect(counts).toEqual([5, 7, 31, 3, 4, 2, 8, 2, 3, 4, 1, 2, 3, 4, 3, 1, 2, 5, 6, 1]);
  });

  it('carries the official names of well-known sections and divisions', () => {
    const zh = (code: string) => industryByCode(code)?.zh;
    expect(zh('A')).toBe('农、林、牧、渔业');
    expect(zh('D')).toBe('电力、热力、燃气及水生产和供应业');
    expect(zh('01')).toBe('农业');
    expect(zh('05')).toBe('农、林、牧、渔专业及辅助性活动');
    expect(zh('06')).toBe('煤炭开采和洗选业');
    expect(zh('13')).toBe('农副食品加工业');
    expect(zh('14')).toBe('食品制造业');
    expect(zh('51')).toBe('批发业');
    expect(zh('52')).toBe('零售业');
    expect(zh('61')).toBe('住宿业');
    expect(zh('62')).toBe('餐饮业');
    expect(zh('97')).toBe('国际组织');
    for (const e of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(e.zh).toMatch(/^\p{Script=Han}[\p{Script=Han}、]*$/u);
      expect(e.en.length).toBeGreaterThan(0);
    }
  });

  it('finds the section of a division, and of a section itself', () => {
    expect(sectionOf('62')?.code).toBe('H');
    expect(sectionOf('43')?.zh).toBe('制造业');
    expect(sectionOf('H')?.code).toBe('H');
    expect(sectionOf('00')).toBeUndefined();
    expect(industryByCode('98')).toBeUndefined();
    expect(industryByCode('a')).toBeUndefined();
  });

  it('validates a section letter or a division code, trimmed and upper-cased', () => {
    expect(IndustryCode.parse(' c ')).toBe('C');
    expect(IndustryCode.parse('13')).toBe('13');
    for (const bad of ['U', '00', '98', '131', '1', 'C13', '']) {
      const r = IndustryCode.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('INDUSTRY_CODE_UNKNOWN');
    }
  });
});
