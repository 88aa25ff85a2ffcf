import { describe, expect, it } from 'vitest';
import { INDUSTRY_DIVISIONS } from './industries.js';
import { INDUSTRY_ALIASES, industrySearchText, searchIndustries } from './industry-aliases.js';

describe('industry search words', () => {
  it('finds 81 修理 when an official types 维修, and not 80 居民服务业', () => {
    const codes = searchIndustries('维修').map((i) => i.code);
    expect(codes).toContain('81');
    expect(codes).not.toContain('80');
  });

  it('still finds industries by their official title and code', () => {
    expect(searchIndustries('修理').map((i) => i.code)).toContain('81');
    expect(searchIndustries('农副食品').map((i) => i.code)).toEqual(['13']);
    expect(industrySearchText('62')).toContain('农家乐');
  });

  it('attaches words only to divisions that exist', () => {
    const codes = new Set(INDUSTRY_DIVISIONS.map((d) => d.code as string));
    for (const code of Object.keys(INDUSTRY_ALIASES)) expect(codes.has(code)).toBe(true);
  });
});
