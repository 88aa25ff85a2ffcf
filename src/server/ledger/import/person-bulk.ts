import { randomUUID } from 'node:crypto';
import type { FieldChange } from '../history/table.js';
import type { PersonInsert } from '../people/row.js';
import { arrayLiteral } from './sql-bulk.js';

/**
 * New people travel from the validation threads to the batch writer as lines of PostgreSQL's
 * COPY text format (the `people` columns plus what the history entry needs): the main thread
 * only joins bytes, the batch is COPYed into a temporary staging table, and one statement
 * inserts the new people and their history from there.
 */

/** The `people` columns a new person is inserted with (times and authors are the batch's). */
export const PERSON_COPY_COLUMNS = [
  'id',
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
 * The staging table of a batch: one per connection, emptied at every commit (and by a
 * rollback), so it never holds more than the batch in flight — sealed values only.
 */
export const PERSON_STAGING = 'fx_import_people';

// prettier-ignore
export const PERSON_STAGING_DDL = `CREATE TEMP TABLE IF NOT EXISTS ${PERSON_STAGING} (
  _n integer NOT NULL, id uuid NOT NULL, name text NOT NULL, sex char(1) NOT NULL, birth_date date NOT NULL,
  id_number_enc text NOT NULL, id_number_bidx text NOT NULL, id_number_mask text NOT NULL,
  phone_enc text, phone_bidx text, phone_mask text, region_code char(12) NOT NULL,
  hukou_region_code char(12), current_region_code char(12), categories text[] NOT NULL,
  away_province_code char(2), away_city_code char(4), months_away integer, return_date date,
  education text, skills text NOT NULL, status text NOT NULL, status_dates jsonb NOT NULL,
  search_tokens text[] NOT NULL, _changes jsonb NOT NULL
) ON COMMIT DELETE ROWS`;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A value as one field of a COPY text line: `\N` for null, backslash, tab and line breaks
 * escaped.
 *
 * @example
 * copyField('a\tb') // 'a\\tb'
 * copyField(null)   // '\\N'
 */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : s;
}

/**
 * A time-ordered id (UUID version 7: 48 bits of milliseconds, then 74 random bits): rows
 * imported together sit together in the primary key, the region index and the history index
 * instead of landing on random pages of each.
 */
export function orderedUuid(ms: number): string {
  const r = randomUUID();
  const t = ms.toString(16).padStart(12, '0').slice(-12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${r.slice(15)}`;
}

/**
 * A new person's row (from the shared write model) as a line of the staging table's COPY
 * text: the row number, the id, the `people` columns, then the history entry's changes.
 */
export function personCopyLine(
  r: PersonInsert,
  changes: FieldChange[],
  n: number,
  id: string,
): string {
  const f = copyField;
  return `${[
    n,
    id,
    f(r.name),
    f(r.sex),
    f(r.birthDate),
    f(r.idNumberEnc),
    f(r.idNumberBidx),
    f(r.idNumberMask),
    f(r.phoneEnc),
    f(r.phoneBidx),
    f(r.phoneMask),
    f(r.regionCode),
    f(r.hukouRegionCode),
    f(r.currentRegionCode),
    f(arrayLiteral(r.categories)),
    f(r.awayProvinceCode),
    f(r.awayCityCode),
    f(r.monthsAway),
    f(r.returnDate),
    f(r.education),
    f(r.skills ?? ''),
    f(r.status),
    f(JSON.stringify(r.statusDates ?? {})),
    f(arrayLiteral(r.searchTokens ?? [])),
    f(JSON.stringify(changes)),
  ].join('\t')}\n`;
}
