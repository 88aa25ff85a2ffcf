import { z } from 'zod';

/** Largest page size any list endpoint serves. */
export const MAX_PAGE_SIZE = 200;
/** Default page size when the client does not ask for one. */
export const DEFAULT_PAGE_SIZE = 50;
/** Highest page number accepted: keeps OFFSET within reason (deep lists want a narrower filter). */
export const MAX_PAGE = 100_000;

/**
 * Paging parameters of every list endpoint's query string: `page` from 1 (default 1) and
 * `pageSize` 1..200 (default 50). Extend it with the endpoint's own filters.
 *
 * @example
 * const Query = PageQuery.extend({ q: z.string().optional() });
 */
export const PageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(1)
    .meta({ description: '页码，从 1 开始', example: 1 }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: `每页条数，1–${MAX_PAGE_SIZE}`, example: DEFAULT_PAGE_SIZE }),
});

/** The parsed paging parameters a service receives. */
export type PageRequest = z.infer<typeof PageQuery>;

/** One page of a list as every list endpoint answers it. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The response contract of a paged list of `item`: `{ items, total, page, pageSize }`.
 *
 * @example
 * const RegionPage = pageOf(RegionView);
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0).meta({ description: '符合条件的总条数' }),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/**
 * Rows to skip for a page.
 *
 * @example
 * pageOffset({ page: 3, pageSize: 50 }) // 100
 */
export function pageOffset(p: PageRequest): number {
  return (p.page - 1) * p.pageSize;
}

/**
 * Builds a page from fetched rows, presenting each one.
 *
 * @example
 * toPage(rows, total, query, presentRegion)
 */
export function toPage<R, V>(
  rows: readonly R[],
  total: number,
  p: PageRequest,
  present: (row: R) => V,
): Paged<V> {
  return { items: rows.map(present), total, page: p.page, pageSize: p.pageSize };
}
