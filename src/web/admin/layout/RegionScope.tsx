import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { isWithin, regionPrefix } from '../../../domain/regions/region-code';
import type { Region, SessionGrant } from '../../shared/types';
import { getRegion } from '../components/regionCache';
import { useSession } from '../session/SessionProvider';

export interface RegionChoice {
  code: string;
  label: string;
}

interface RegionScope {
  /** The regions the user's grants reach, none inside another. */
  roots: string[];
  /** The region the console is looking at (the region switcher), within the roots. */
  current: RegionChoice | null;
  setCurrent: (choice: RegionChoice) => void;
}

const RegionScopeContext = createContext<RegionScope | null>(null);

/**
 * The grants' region codes, minimised so that no root lies inside another.
 *
 * @example
 * scopeRootsOf([{ regionCode: '500236000000' }, { regionCode: '500236128000' }]) // ['500236000000']
 */
export function scopeRootsOf(grants: Pick<SessionGrant, 'regionCode'>[]): string[] {
  const codes = [...new Set(grants.map((g) => g.regionCode))].sort(
    (a, b) => regionPrefix(a).length - regionPrefix(b).length || a.localeCompare(b),
  );
  const roots: string[] = [];
  for (const code of codes) if (!roots.some((r) => isWithin(code, r))) roots.push(code);
  return roots;
}

/** How a region is named in the switcher: its full path, or 全国 for the nation. */
export function regionLabel(region: Pick<Region, 'name' | 'pathName'>): string {
  return region.pathName || region.name;
}

function storageKey(userId: string): string {
  return `fx.region.${userId}`;
}

function readStored(userId: string, roots: string[]): RegionChoice | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    const parsed = raw ? (JSON.parse(raw) as RegionChoice) : null;
    return parsed && roots.some((r) => isWithin(parsed.code, r)) ? parsed : null;
  } catch {
    return null;
  }
}

export function RegionScopeProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const userId = session?.userId ?? '';
  const grants = session?.grants;
  const roots = useMemo(() => scopeRootsOf(grants ?? []), [grants]);
  const [current, setCurrentState] = useState<RegionChoice | null>(() => readStored(userId, roots));

  useEffect(() => {
    if (current && roots.some((r) => isWithin(current.code, r))) return;
    const first = roots[0];
    if (!first) return;
    getRegion(first)
      .then((r) => setCurrentState({ code: r.code, label: regionLabel(r) }))
      .catch(() => setCurrentState({ code: first, label: first }));
  }, [current, roots]);

  const value = useMemo<RegionScope>(
    () => ({
      roots,
      current,
      setCurrent: (choice) => {
        setCurrentState(choice);
        try {
          localStorage.setItem(storageKey(userId), JSON.stringify(choice));
        } catch {
          // Storage unavailable: the choice lasts for this page.
        }
      },
    }),
    [roots, current, userId],
  );
  return <RegionScopeContext.Provider value={value}>{children}</RegionScopeContext.Provider>;
}

export function useRegionScope(): RegionScope {
  const ctx = useContext(RegionScopeContext);
  if (!ctx) throw new Error('useRegionScope outside RegionScopeProvider');
  return ctx;
}
