import { describe, expect, it } from 'vitest';
import {
  countBound,
  LIST_COUNT_BOUND,
  pageWithTotal,
  SEARCH_COUNT_BOUND,
  totalOfShortPage,
} from './list-paging.js';

describe('totalOfShortPage', () => {
  it('takes the total from a numbered page that came back without its extra row', () => {
    expect(totalOfShortPage({ kind: 'offset', offset: 0, limit: 21 }, 0)).toEqual({
      value: 0,
      exact: true,
    });
    expect(totalOfShortPage({ kind: 'offset', offset: 0, limit: 21 }, 20)).toEqual({
      value: 20,
      exact: true,
    });
    expect(totalOfShortPage({ kind: 'offset', offset: 40, limit: 21 }, 7)).toEqual({
      value: 47,
      exact: true,
    });
  });

  it('proves nothing from a full page, a page after a cursor or an empty page past the end', () => {
    expect(totalOfShortPage({ kind: 'offset', offset: 0, limit: 21 }, 21)).toBeNull();
    expect(totalOfShortPage({ kind: 'offset', offset: 40, limit: 21 }, 0)).toBeNull();
    const after = { kind: 'after', after: { value: 'x', id: 'y' }, limit: 21 } as const;
    expect(totalOfShortPage(after, 3)).toBeNull();
  });
});

describe('countBound', () => {
  it('counts a text search to a thousand and any other list to ten thousand', () => {
    expect(countBound(true)).toBe(SEARCH_COUNT_BOUND);
    expect(SEARCH_COUNT_BOUND).toBe(1_000);
    expect(countBound(false)).toBe(LIST_COUNT_BOUND);
    expect(LIST_COUNT_BOUND).toBe(10_000);
    expect(countBound(true, 3)).toBe(3);
  });
});

describe('pageWithTotal', () => {
  const first = { kind: 'offset', offset: 0, limit: 3 } as const;
  const rows = (n: number) => Promise.resolve(Array.from({ length: n }, (_, i) => i));
  const never = () => Promise.reject(new Error('counted'));

  it("takes the counters' total when they hold it, even for a full page", async () => {
    const exact = Promise.resolve({ value: 9_000_000, exact: true });
    const r = await pageWithTotal(first, rows(3), exact, never);
    expect(r).toEqual({ rows: [0, 1, 2], total: { value: 9_000_000, exact: true } });
  });

  it('takes a short page as its own total without counting', async () => {
    const r = await pageWithTotal(first, rows(2), Promise.resolve(null), never);
    expect(r.total).toEqual({ value: 2, exact: true });
  });

  it('counts only a full page the counters do not hold', async () => {
    let counted = 0;
    const count = () => {
      counted++;
      return Promise.resolve({ value: 1_000, exact: false });
    };
    const r = await pageWithTotal(first, rows(3), Promise.resolve(null), count);
    expect(r.total).toEqual({ value: 1_000, exact: false });
    expect(counted).toBe(1);
  });
});
