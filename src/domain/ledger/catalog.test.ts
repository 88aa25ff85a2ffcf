import { describe, expect, it } from 'vitest';
import { catalog, catalogName, describeCatalog } from './catalog.js';

const SEXES = catalog(['M', 'F'] as const, {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
});

describe('catalog', () => {
  it('builds frozen entries in the order of the codes', () => {
    expect(SEXES).toEqual([
      { code: 'M', zh: '男', en: 'Male' },
      { code: 'F', zh: '女', en: 'Female' },
    ]);
    expect(Object.isFrozen(SEXES)).toBe(true);
    expect(Object.isFrozen(SEXES[0])).toBe(true);
  });

  it('names a code in either language and passes unknown codes through', () => {
    expect(catalogName(SEXES, 'F', 'zh')).toBe('女');
    expect(catalogName(SEXES, 'F', 'en')).toBe('Female');
    expect(catalogName(SEXES, 'X', 'zh')).toBe('X');
  });

  it('describes a catalog as code–name pairs for OpenAPI', () => {
    expect(describeCatalog('性别', SEXES)).toBe('性别：M 男，F 女');
  });
});
