import { describe, expect, it } from 'vitest';
import { RegionNameIndex, shortRegionName } from './region-names.js';

// A slice of 奉节县 as the division tree names it.
const index = new RegionNameIndex([
  { code: '500000000000', name: '重庆市' },
  { code: '500200000000', name: '县' },
  { code: '500236000000', name: '奉节县' },
  { code: '500236128000', name: '兴隆镇' },
  { code: '500236128200', name: '回龙村村民委员会' },
  { code: '500236134000', name: '青莲镇' },
  { code: '500236121000', name: '大树镇' },
  { code: '500236121204', name: '青莲村村民委员会' },
]);

describe('regions by written name', () => {
  it('finds a township by its name, with or without the county before it', () => {
    for (const text of ['兴隆镇', '奉节县兴隆镇', '奉节县 兴隆镇', '重庆市奉节县兴隆镇', '兴隆']) {
      expect(index.resolve(text), text).toEqual({ ok: true, code: '500236128000' });
    }
  });

  it('finds a village as officials write it, not as the committee is named', () => {
    expect(shortRegionName('回龙村村民委员会')).toBe('回龙村');
    expect(index.resolve('回龙村')).toEqual({ ok: true, code: '500236128200' });
    expect(index.resolve('兴隆镇回龙村')).toEqual({ ok: true, code: '500236128200' });
  });

  it('refuses a name two regions share, listing both, and accepts it narrowed by its township', () => {
    expect(index.resolve('青莲')).toEqual({
      ok: false,
      code: 'IMPORT_REGION_NAME_AMBIGUOUS',
      candidates: [
        { code: '500236121204', label: '奉节县大树镇青莲村' },
        { code: '500236134000', label: '奉节县青莲镇' },
      ],
    });
    expect(index.resolve('大树镇青莲村')).toEqual({ ok: true, code: '500236121204' });
    expect(index.resolve('青莲镇')).toEqual({ ok: true, code: '500236134000' });
  });

  it('refuses names that are not in the context, and ancestors that are not the region’s', () => {
    expect(index.resolve('吐祥镇')).toEqual({ ok: false, code: 'IMPORT_REGION_NAME_NOT_FOUND' });
    expect(index.resolve('兴隆镇青莲村').ok).toBe(false);
  });
});
