/**
 * The series declarations evaluated in memory: what one ledger row adds to which counters. The
 * database does the same in SQL (triggers and `stats verify`); tests use this to check both
 * against an independent model of the ledger.
 *
 * @module
 */
import { sectionOf } from '../ledger/industries.js';
import { ancestorCodes } from '../regions/region-code.js';
import { dimKey, TOTAL_DIM } from './dimensions.js';
import { cstDate, monthOf, UNDATED_MONTH } from './periods.js';
import { seriesOf, type SeriesCode, type SeriesDef, type SourceTable } from './series.js';

/** The columns of a person that the series read. */
export interface PersonFacts {
  regionCode: string;
  status: string;
  statusDates: Record<string, string>;
  categories: readonly string[];
  createdAt: Date;
  mergedInto: string | null;
}

/** The columns of a market entity that the series read. */
export interface EntityFacts {
  regionCode: string;
  type: string;
  industryCode: string | null;
  foundedOn: string | null;
  jobsCreated: number;
  jobsPoverty: number;
  aboveScale: boolean;
  isWorkshop: boolean;
  isEcommerce: boolean;
  createdAt: Date;
  mergedInto: string | null;
}

/** One counter increment at the row's own region. */
export interface Contribution {
  series: SeriesCode;
  regionCode: string;
  month: string;
  dim: string;
  value: number;
}

type Row = Partial<PersonFacts & EntityFacts> & { regionCode: string; mergedInto: string | null };

function takes(s: SeriesDef, r: Row): boolean {
  switch (s.filter.kind) {
    case 'all':
      return true;
    case 'status':
      return (s.filter.statuses as readonly string[]).includes(r.status ?? '');
    case 'flag':
      if (s.filter.column === 'above_scale') return r.aboveScale === true;
      if (s.filter.column === 'is_workshop') return r.isWorkshop === true;
      return r.isEcommerce === true;
  }
}

function monthKey(s: SeriesDef, r: Row): string {
  let date: string | null | undefined;
  if (s.date === 'status_dates.started') date = r.statusDates?.started;
  else if (s.date === 'founded_on') date = r.foundedOn;
  else date = r.createdAt ? cstDate(r.createdAt) : null;
  return date ? monthOf(date) : UNDATED_MONTH;
}

function valueOf(s: SeriesDef, r: Row): number {
  if (s.value.kind === 'count') return 1;
  return (s.value.column === 'jobs_created' ? r.jobsCreated : r.jobsPoverty) ?? 0;
}

function dimKeys(s: SeriesDef, r: Row): string[] {
  const keys = [TOTAL_DIM];
  for (const d of s.dims) {
    if (d === 'category') for (const c of r.categories ?? []) keys.push(dimKey(d, c));
    if (d === 'entity_type' && r.type) keys.push(dimKey(d, r.type));
    if (d === 'industry_section') {
      const section = r.industryCode ? sectionOf(r.industryCode) : undefined;
      if (section) keys.push(dimKey(d, section.code));
    }
  }
  return keys;
}

/**
 * What a row of `source` adds to the counters at its own region (before the roll-up to its
 * ancestors): nothing for a merged row.
 *
 * @example
 * contributions('people', { regionCode: '500236128000', status: 'started',
 *   statusDates: { started: '2021-05-04' }, categories: ['veteran'], createdAt, mergedInto: null })
 * // => [{ series: 'people_started', month: '2021-05', dim: '', value: 1, … },
 * //     { series: 'people_started', month: '2021-05', dim: 'cat:veteran', value: 1, … }]
 */
export function contributions(source: SourceTable, row: Row): Contribution[] {
  if (row.mergedInto !== null) return [];
  const out: Contribution[] = [];
  for (const s of seriesOf(source)) {
    if (!takes(s, row)) continue;
    const month = monthKey(s, row);
    const value = valueOf(s, row);
    for (const dim of dimKeys(s, row)) {
      out.push({ series: s.code, regionCode: row.regionCode, month, dim, value });
    }
  }
  return out;
}

/**
 * The regions whose counters a row at `regionCode` feeds: every ancestor (the nation first)
 * and the region itself.
 *
 * @example
 * lineage('500236128000') // => ['000000000000', '500000000000', '500200000000', '500236000000', '500236128000']
 */
export function lineage(regionCode: string): string[] {
  return [...ancestorCodes(regionCode), regionCode];
}
