import { describe, expect, it } from 'vitest';
import { visibleChildren } from './visible-regions.js';

const CHONGQING = [
  { code: '500100000000', name: '市辖区' },
  { code: '500200000000', name: '县' },
];
const BELOW: Record<string, { code: string; name: string }[]> = {
  '500100000000': [{ code: '500101000000', name: '万州区' }],
  '500200000000': [
    { code: '500236000000', name: '奉节县' },
    { code: '500229000000', name: '城口县' },
  ],
};
const load = (codes: string[]) => Promise.resolve(codes.flatMap((c) => BELOW[c] ?? []));

describe('visibleChildren', () => {
  it('puts the children of 市辖区 and 县 in their place, in code order', async () => {
    const names = (await visibleChildren(CHONGQING, load)).map((r) => r.name);
    expect(names).toEqual(['万州区', '城口县', '奉节县']);
  });

  it('leaves placeholders out without expanding them when asked (a city picker)', async () => {
    expect(await visibleChildren(CHONGQING, load, { expand: false })).toEqual([]);
  });

  it('keeps a list without placeholders as it is, loading nothing', async () => {
    const cities = [{ code: '440300000000', name: '深圳市' }];
    const none = () => Promise.reject(new Error('must not load'));
    expect(await visibleChildren(cities, none)).toEqual(cities);
  });
});
