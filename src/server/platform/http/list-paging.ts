import { z } from 'zod';
import { AppError } from '../../../domain/errors/codes.js';
import { blindIndex, decrypt, encrypt, type Keys } from '../crypto/keys.js';
import { PageQuery, type PageRequest } from './paging.js';

/**
 * Paging of the large ledger lists (people, entities) at national scale: numbered pages for the
 * first {@link MAX_NUMBERED_PAGE} pages, then keyset paging with an opaque `next` cursor; and a
 * total that is exact when it is cheap (the counters, or a count under the bound) and otherwise
 * a bounded "10,000+".
 */

/** Deepest page reached by number (OFFSET); further pages follow the `next` cursor. */
export const MAX_NUMBERED_PAGE = 50;
/** A list counts matching rows up to this many; beyond it the total reads "10,000+". */
export const LIST_COUNT_BOUND = 10_000;
/**
 * A text search counts up to this many ("1,000+"): every row counted has its tokens checked,
 * and a common surname matches hundreds of thousands nationally, so a search that finds more
 * than a thousand asks the official to narrow it rather than read ten thousand rows.
 */
export const SEARCH_COUNT_BOUND = 1_000;

/**
 * How far a list counts: a text search to {@link SEARCH_COUNT_BOUND}, any other list to
 * {@link LIST_COUNT_BOUND}; `override` (a test's) wins.
 */
export const countBound = (search: boolean, override?: number): number =>
  override ?? (search ? SEARCH_COUNT_BOUND : LIST_COUNT_BOUND);

export const ListPageQuery = PageQuery.extend({
  after: z.string().min(1).max(1000).optional().meta({
    description:
      '下一页游标：上一页响应中的 next（与同一筛选条件一起使用）；有 after 时不按页码跳过',
  }),
});

/** The parsed paging parameters of a ledger list. */
export type ListPageRequest = z.infer<typeof ListPageQuery>;

/**
 * The total of a list: `exact` when counted in full (from the counters or a count under the
 * bound); otherwise `value` is the bound and the list holds more ("10,000+").
 */
export const ListTotal = z
  .object({
    value: z.number().int().min(0),
    exact: z.boolean().meta({ description: 'false：至少 value 条（如 10,000+），请缩小范围' }),
  })
  .meta({ id: 'ListTotal', description: '符合条件的总条数；exact 为 false 时是下限' });
export type ListTotalT = z.infer<typeof ListTotal>;

/** The response contract of a ledger list: items, total, page, pageSize and the next cursor. */
export function listPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: ListTotal,
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    next: z
      .string()
      .nullable()
      .meta({ description: '下一页游标（传给 after）；没有下一页时为 null' }),
  });
}

/** One page of a ledger list as the service answers it. */
export interface ListPage<T> {
  items: T[];
  total: ListTotalT;
  page: number;
  pageSize: number;
  next: string | null;
}

/** Where a keyset page starts: after the row with this sort value and id. */
export interface KeysetPosition {
  value: string | number | null;
  id: string;
}

/** How a list page is fetched: by offset (numbered pages) or after a keyset position. */
export type PageWindow =
  | { kind: 'offset'; offset: number; limit: number }
  | { kind: 'after'; after: KeysetPosition; limit: number };

const CursorBody = z.object({
  v: z.union([z.string(), z.number(), z.null()]),
  id: z.uuid(),
  f: z.string(),
});

/**
 * A fingerprint of what the list is (actor, list, filters, sort) that a cursor carries: a cursor
 * from another list, filter, sort or user is refused rather than silently mixed in.
 */
export function listFingerprint(keys: Keys, parts: unknown): string {
  return blindIndex(keys, 'list-cursor', JSON.stringify(parts)).slice(0, 22);
}

/**
 * The opaque cursor after `row`: sealed (AES-GCM) so it neither shows a name in a URL or a log
 * nor can be altered.
 */
export function encodeCursor(keys: Keys, fingerprint: string, pos: KeysetPosition): string {
  return encrypt(keys, JSON.stringify({ v: pos.value, id: pos.id, f: fingerprint }));
}

/** Opens a cursor; LIST_CURSOR_INVALID (400) when altered or made for another list. */
export function decodeCursor(keys: Keys, fingerprint: string, cursor: string): KeysetPosition {
  let body: z.infer<typeof CursorBody>;
  try {
    body = CursorBody.parse(JSON.parse(decrypt(keys, cursor)));
  } catch {
    throw new AppError('LIST_CURSOR_INVALID');
  }
  if (body.f !== fingerprint) throw new AppError('LIST_CURSOR_INVALID');
  return { value: body.v, id: body.id };
}

/**
 * The total a numbered page proves by itself: a page that came back without its extra row holds
 * the last matching row, so the list has exactly `offset + rows` rows and nothing needs counting
 * (a narrow search or a small county answers without a count). Null for a full page, a page
 * after a cursor, and an empty page past the end.
 *
 * @example
 * totalOfShortPage({ kind: 'offset', offset: 40, limit: 21 }, 7) // { value: 47, exact: true }
 * totalOfShortPage({ kind: 'offset', offset: 0, limit: 21 }, 21) // null
 */
export function totalOfShortPage(window: PageWindow, rows: number): ListTotalT | null {
  if (window.kind !== 'offset' || rows >= window.limit) return null;
  if (rows === 0 && window.offset > 0) return null;
  return { value: window.offset + rows, exact: true };
}

/**
 * A page with its total, found the cheapest exact way: the page is read beside `exact` (the
 * counters' total, null when they do not hold it); without it a short page is its own total
 * ({@link totalOfShortPage}); only a full page is counted, by `count` (bounded by the caller).
 */
export async function pageWithTotal<R>(
  window: PageWindow,
  page: Promise<R[]>,
  exact: Promise<ListTotalT | null>,
  count: () => Promise<ListTotalT>,
): Promise<{ rows: R[]; total: ListTotalT }> {
  const [rows, counted] = await Promise.all([page, exact]);
  return { rows, total: counted ?? totalOfShortPage(window, rows.length) ?? (await count()) };
}

/**
 * The window a request asks for: after its cursor, else a numbered page up to
 * {@link MAX_NUMBERED_PAGE} (LIST_PAGE_TOO_DEEP beyond it). One row more than the page is
 * fetched to know whether there is a next page.
 */
export function pageWindow(keys: Keys, fingerprint: string, p: ListPageRequest): PageWindow {
  const limit = p.pageSize + 1;
  if (p.after !== undefined) {
    return { kind: 'after', after: decodeCursor(keys, fingerprint, p.after), limit };
  }
  if (p.page > MAX_NUMBERED_PAGE) {
    throw new AppError('LIST_PAGE_TOO_DEEP', { maxPage: MAX_NUMBERED_PAGE });
  }
  return { kind: 'offset', offset: (p.page - 1) * p.pageSize, limit };
}

/**
 * Cuts the fetched rows (one more than a page when there is a next page) to the page, with the
 * cursor after its last row.
 */
export function toListPage<R, V>(
  keys: Keys,
  fingerprint: string,
  rows: readonly R[],
  total: ListTotalT,
  p: PageRequest,
  position: (row: R) => KeysetPosition,
  present: (row: R) => V,
): ListPage<V> {
  const page = rows.slice(0, p.pageSize);
  const last = page[page.length - 1];
  const next =
    rows.length > p.pageSize && last !== undefined
      ? encodeCursor(keys, fingerprint, position(last))
      : null;
  return { items: page.map(present), total, page: p.page, pageSize: p.pageSize, next };
}
