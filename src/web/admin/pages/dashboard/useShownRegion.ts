import { useEffect, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isWithin } from '../../../../domain/regions/region-code';
import { useRegionScope } from '../../layout/RegionScope';

/** The year in the address (`?year=2021`), else the current year. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getFullYear();
  return [
    year,
    (next) =>
      setParams(
        (p) => {
          p.set('year', String(next));
          return p;
        },
        { replace: true },
      ),
  ];
}

/** The years offered by the year pickers: the programme's years up to next year, newest first. */
export function yearChoices(): number[] {
  const last = new Date().getFullYear() + 1;
  const out: number[] = [];
  for (let y = last; y >= 2020; y--) out.push(y);
  return out;
}

export interface ShownRegion {
  /** The region shown: the drill-down in the address, else the header's region switcher. */
  code: string | null;
  /** The scope root the region lies in (the breadcrumbs never go above it); null outside scope. */
  root: string | null;
}

/**
 * The dashboard's region. Drilling down puts the region in the address
 * (`/stats/dashboard/500236128000`); choosing another region in the header's switcher leaves
 * the drill-down for that region.
 */
export function useShownRegion(): ShownRegion {
  const { regionCode } = useParams();
  const { roots, current } = useRegionScope();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const seen = useRef(current?.code);

  useEffect(() => {
    const before = seen.current;
    seen.current = current?.code;
    if (before && current && before !== current.code && regionCode) {
      const qs = params.toString();
      void navigate(`/stats/dashboard${qs ? `?${qs}` : ''}`);
    }
    // Only a change of the switcher's region leaves the drill-down.
  }, [current?.code]);

  const code = regionCode ?? current?.code ?? null;
  const root = code ? (roots.find((r) => isWithin(code, r)) ?? null) : null;
  return { code, root };
}
