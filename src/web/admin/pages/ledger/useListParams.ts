import type { SorterResult } from 'antd/es/table/interface';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type ParamPatch = Record<string, string | string[] | null | undefined>;

/**
 * A list's filters, sort and page kept in the address (`?status=returned&page=2`), so going back
 * from a detail page finds the list as it was. Changing any filter goes back to page 1.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);
  const getAll = useCallback(
    (key: string) => (params.get(key) ?? '').split(',').filter(Boolean),
    [params],
  );
  const set = useCallback(
    (patch: ParamPatch) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const text = Array.isArray(value) ? value.join(',') : value;
            if (text) next.set(key, text);
            else next.delete(key);
          }
          if (!('page' in patch)) next.delete('page');
          if (!('after' in patch)) next.delete('after');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const page = Number(get('page') ?? 1) || 1;
  const pageSize = Number(get('pageSize') ?? 20) || 20;
  return { params, get, getAll, set, page, pageSize };
}

/** The sort a table header click asks for, as the API's `sort` and `order`. */
export function sortPatch<T>(sorter: SorterResult<T> | SorterResult<T>[]): ParamPatch {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || typeof s.columnKey !== 'string') return { sort: null, order: null };
  return { sort: s.columnKey, order: s.order === 'ascend' ? 'asc' : 'desc' };
}

/** The antd sort order a column shows for the current `sort` / `order`. */
export function sortOrderOf(
  column: string,
  sort: string | undefined,
  order: string | undefined,
): 'ascend' | 'descend' | null {
  if ((sort ?? 'updatedAt') !== column) return null;
  const o = order ?? (column === 'updatedAt' ? 'desc' : 'asc');
  return o === 'asc' ? 'ascend' : 'descend';
}
