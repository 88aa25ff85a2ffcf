import { api } from '../../shared/api';
import type { Region } from '../../shared/types';

const cache = new Map<string, Promise<Region>>();

/**
 * GET /api/regions/:code, once per code for the life of the page (the division tree does not
 * change while someone works); a failed lookup is forgotten so it can be tried again.
 */
export function getRegion(code: string): Promise<Region> {
  let found = cache.get(code);
  if (!found) {
    found = api<Region>(`/api/regions/${code}`);
    cache.set(code, found);
    found.catch(() => cache.delete(code));
  }
  return found;
}
