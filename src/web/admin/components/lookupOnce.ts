import { useEffect, useState } from 'react';

/**
 * A lookup by key that asks the server once per key for the life of the page (regions and
 * organisations do not change while someone works); a failed lookup is forgotten so it can be
 * tried again.
 *
 * @example
 * const getOrg = lookupOnce((id) => api<Org>(`/api/orgs/${id}`));
 */
export function lookupOnce<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let found = cache.get(key);
    if (!found) {
      found = load(key);
      cache.set(key, found);
      found.catch(() => cache.delete(key));
    }
    return found;
  };
}

/** What `show` makes of the looked-up value of `key`; `fallback` until (or unless) it arrives. */
export function useLookedUp<T>(
  lookup: (key: string) => Promise<T>,
  key: string,
  show: (value: T) => string,
  fallback: string,
): string {
  const [text, setText] = useState(fallback);
  useEffect(() => {
    let live = true;
    setText(fallback);
    lookup(key).then(
      (v) => live && setText(show(v)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lookup, key, show, fallback]);
  return text;
}
