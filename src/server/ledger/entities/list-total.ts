import { dimKey } from '../../../domain/indicators/dimensions.js';
import type { SeriesCode } from '../../../domain/indicators/series.js';
import { industryByCode } from '../../../domain/ledger/industries.js';
import { combineSlots, type SignedSlot } from '../people/list-total.js';

/** What an entity list's exact total needs to know of its filter. */
export interface EntityCountFilter {
  types?: string[] | undefined;
  industry?: string | undefined;
  isWorkshop?: boolean | undefined;
  aboveScale?: boolean | undefined;
  isEcommerce?: boolean | undefined;
  /** Any other filter (text, park, dates, credit code), or park-scoped grants. */
  other: boolean;
}

const FLAG_SERIES: Record<'isWorkshop' | 'aboveScale' | 'isEcommerce', SeriesCode> = {
  isWorkshop: 'entity_workshops',
  aboveScale: 'entity_above_scale',
  isEcommerce: 'entity_ecommerce',
};

/**
 * The counter slots holding an entity list's total, or null when the counters do not hold it:
 * the `entities` series by type (types partition the entities, so several add up), or by
 * industry section (a section letter, not a division), or one flag (set: its series; unset: all
 * minus it) — one of these at a time.
 *
 * @example
 * entityCountSlots({ isWorkshop: false, other: false }) // entities − entity_workshops
 */
export function entityCountSlots(f: EntityCountFilter): SignedSlot[] | null {
  if (f.other) return null;
  const parts: SignedSlot[][] = [];
  const types = [...new Set(f.types ?? [])];
  if (types.length > 0) {
    parts.push(
      types.map((t) => ({ series: 'entities', dim: dimKey('entity_type', t), sign: 1 }) as const),
    );
  }
  if (f.industry !== undefined) {
    if (industryByCode(f.industry)?.level !== 'section') return null;
    parts.push([{ series: 'entities', dim: dimKey('industry_section', f.industry), sign: 1 }]);
  }
  for (const key of ['isWorkshop', 'aboveScale', 'isEcommerce'] as const) {
    const flag = f[key];
    if (flag === undefined) continue;
    const series = FLAG_SERIES[key];
    parts.push(
      flag
        ? [{ series, dim: '', sign: 1 }]
        : [
            { series: 'entities', dim: '', sign: 1 },
            { series, dim: '', sign: -1 },
          ],
    );
  }
  if (parts.length > 1) return null;
  return combineSlots(parts[0] ?? [{ series: 'entities', dim: '', sign: 1 }]);
}
