/**
 * The counters keep one row per source table, region and month, holding a vector of numbers:
 * one slot for each series' total and each member of each of its dimensions. This file says
 * which slot is which. A row of 16 (people) or 50 (entities) numbers replaces as many rows of
 * one number each, which is what keeps millions of sparse township-months cheap to write.
 *
 * Slots are positional: changing the layout means a migration that replaces the trigger
 * functions and refills the counters (the generated trigger migration always does both).
 *
 * @module
 */
import { DIMENSIONS, dimKey, TOTAL_DIM } from './dimensions.js';
import { seriesOf, type SeriesCode, type SourceTable } from './series.js';

/** One slot of a source's counter vector. */
export interface Slot {
  series: SeriesCode;
  /** `''` for the series' total, else a dimension key such as `cat:graduate`. */
  dim: string;
}

/**
 * The slots of a source's counter vector, in order (slot 1 first).
 *
 * @example
 * counterLayout('people')[0] // => { series: 'people_started', dim: '' }
 * counterLayout('people')[1] // => { series: 'people_started', dim: 'cat:migrant_worker' }
 */
export function counterLayout(source: SourceTable): Slot[] {
  const out: Slot[] = [];
  for (const s of seriesOf(source)) {
    out.push({ series: s.code, dim: TOTAL_DIM });
    for (const d of s.dims)
      for (const m of DIMENSIONS[d].members) out.push({ series: s.code, dim: dimKey(d, m.code) });
  }
  return out;
}
