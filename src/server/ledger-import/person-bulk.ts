import type { FieldChange } from '../ledger-history/table.js';
import type { PersonInsert } from '../people/row.js';

/**
 * New people travel from the validation threads to the batch writer as one JSON text per row
 * (the `people` columns plus the history entry's changes), which PostgreSQL unpacks with
 * `json_populate_recordset(null::people, …)`: the main thread only joins strings, and a batch of
 * new people and their history is one statement.
 */

/** The `people` columns a new person is inserted with from its JSON (times and authors are the batch's). */
export const PERSON_JSON_COLUMNS = [
  'name',
  'sex',
  'birth_date',
  'id_number_enc',
  'id_number_bidx',
  'id_number_mask',
  'phone_enc',
  'phone_bidx',
  'phone_mask',
  'region_code',
  'hukou_region_code',
  'current_region_code',
  'categories',
  'away_province_code',
  'away_city_code',
  'months_away',
  'return_date',
  'education',
  'skills',
  'status',
  'status_dates',
  'search_tokens',
] as const;

/**
 * A new person's row (from the shared write model) as JSON keyed by column name, with what the
 * history insert reads: `_changes` and `_n` (the row number, for the entry's context).
 */
export function personJson(r: PersonInsert, changes: FieldChange[], n: number): string {
  return JSON.stringify({
    name: r.name,
    sex: r.sex,
    birth_date: r.birthDate,
    id_number_enc: r.idNumberEnc,
    id_number_bidx: r.idNumberBidx,
    id_number_mask: r.idNumberMask,
    phone_enc: r.phoneEnc ?? null,
    phone_bidx: r.phoneBidx ?? null,
    phone_mask: r.phoneMask ?? null,
    region_code: r.regionCode,
    hukou_region_code: r.hukouRegionCode ?? null,
    current_region_code: r.currentRegionCode ?? null,
    categories: r.categories,
    away_province_code: r.awayProvinceCode ?? null,
    away_city_code: r.awayCityCode ?? null,
    months_away: r.monthsAway ?? null,
    return_date: r.returnDate ?? null,
    education: r.education ?? null,
    skills: r.skills ?? '',
    status: r.status,
    status_dates: r.statusDates ?? {},
    search_tokens: r.searchTokens ?? [],
    _changes: changes,
    _n: n,
  });
}
