import { describe, expect, it } from 'vitest';
import { splitCheck } from './split';

describe('splitting a target to the regions below', () => {
  it('tells what is left to split, or by how much the children exceed the parent', () => {
    expect(splitCheck(320, [100, 200])).toEqual({ sum: 300, diff: 20 });
    expect(splitCheck(320, [200, 200])).toEqual({ sum: 400, diff: -80 });
    expect(splitCheck(320, [320, null])).toEqual({ sum: 320, diff: 0 });
    expect(splitCheck(0.3, [0.1, 0.2])).toEqual({ sum: 0.3, diff: 0 });
  });
});
