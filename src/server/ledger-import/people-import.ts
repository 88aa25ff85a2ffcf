import { and, isNull, sql } from 'drizzle-orm';
import { isAppError } from '../../domain/errors/codes.js';
import type { Executor } from '../db/client.js';
import { people } from '../people/table.js';
import { type PersonPatch, updatePersonRecord } from '../people/write.js';
import { PERSON_JSON_COLUMNS } from './person-bulk.js';
import { arrayLiteral } from './sql-bulk.js';
import type { ValidPerson } from './row-types.js';
import {
  type BatchOutcome,
  importContext,
  patchFrom,
  refusal,
  type WriteEnv,
} from './write-env.js';

type PersonRow = typeof people.$inferSelect;

const PATCH_FIELDS = [
  'name',
  'sex',
  'birthDate',
  'mobile',
  'hukouRegionCode',
  'currentRegionCode',
  'categories',
  'awayProvinceCode',
  'awayCityCode',
  'monthsAway',
  'returnDate',
  'education',
  'skills',
  'status',
];
const NULLABLE = new Set(['awayProvinceCode', 'awayCityCode', 'monthsAway', 'returnDate']);

function livePeople(tx: Executor, bidx: string[]): Promise<PersonRow[]> {
  if (bidx.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(people)
    .where(
      and(
        sql`${people.idNumberBidx} = ANY(${arrayLiteral(bidx)}::text[])`,
        isNull(people.mergedInto),
      ),
    );
}

/** The rows of a batch the writer is given: accepted rows, and every valid row's JSON by chunk. */
export interface PeopleBatch {
  rows: ValidPerson[];
  /** Comma-separated row JSON per chunk (person-bulk.ts), for every row validation passed. */
  json: Uint8Array[];
  /** Rows in `json` the batch refused (region, scope, duplicate): left out by the insert. */
  excluded: number[];
}

const COMMA = Buffer.from(',');

/** The batch's rows as one JSON array parameter: bytes for PostgreSQL, text for PGlite. */
function jsonArray(chunks: Uint8Array[], env: WriteEnv): Buffer | string {
  const parts: Uint8Array[] = [Buffer.from('[')];
  chunks.forEach((c, i) => parts.push(...(i > 0 ? [COMMA, c] : [c])));
  parts.push(Buffer.from(']'));
  const bytes = Buffer.concat(parts);
  return env.backend === 'postgres' ? bytes : bytes.toString('utf8');
}

// prettier-ignore
const ROW_TYPE = sql.raw(`name text, sex char(1), birth_date date, id_number_enc text, id_number_bidx text,
  id_number_mask text, phone_enc text, phone_bidx text, phone_mask text, region_code char(12),
  hukou_region_code char(12), current_region_code char(12), categories text[], away_province_code char(2),
  away_city_code char(4), months_away integer, return_date date, education text, skills text, status text,
  status_dates jsonb, search_tokens text[], _changes jsonb, _n integer`);

/**
 * Inserts the batch's new people and their `import` history entries (the API's `create` entry:
 * every field set, identifiers masked) in one statement, unpacking the rows' JSON in the
 * database; refused rows are left out, a person already registered is skipped (ON CONFLICT) and
 * handled as an update. Returns the new ids by blind index.
 */
async function insertNew(tx: Executor, batch: PeopleBatch, env: WriteEnv) {
  if (batch.rows.length === 0 || batch.json.length === 0) return new Map<string, string>();
  const { now, actorId, actorLogin } = env.meta;
  const cols = sql.raw(PERSON_JSON_COLUMNS.join(', '));
  const at = now.toISOString();
  const res = await tx.execute(sql`
    WITH src AS (
      SELECT * FROM json_to_recordset(${jsonArray(batch.json, env)}::json) AS x(${ROW_TYPE})
      WHERE x._n <> ALL(${`{${batch.excluded.join(',')}}`}::integer[])
    ),
    ins AS (
      INSERT INTO people (${cols}, created_at, updated_at, created_by, updated_by)
      SELECT ${cols}, ${at}::timestamptz, ${at}::timestamptz, ${actorId}::uuid, ${actorId}::uuid
      FROM src
      ON CONFLICT (id_number_bidx) WHERE merged_into IS NULL DO NOTHING
      RETURNING id, id_number_bidx
    ),
    hist AS (
      INSERT INTO record_history (object_type, object_id, at, actor_id, actor_login, action, changes, context)
      SELECT 'person', ins.id, ${at}::timestamptz, ${actorId}::uuid, ${actorLogin}, 'import', src._changes,
        jsonb_build_object('jobId', ${env.jobId}::text, 'row', src._n)
      FROM ins JOIN src USING (id_number_bidx)
    )
    SELECT id, id_number_bidx FROM ins`);
  const ids = new Map<string, string>();
  const { rows } = res as { rows: { id: string; id_number_bidx: string }[] };
  for (const d of rows) {
    ids.set(d.id_number_bidx, d.id);
  }
  return ids;
}

/** The validated input of a row, decoded from its chunk's bytes. */
function inputOf(r: ValidPerson): Record<string, unknown> {
  const bytes = r.inputs?.subarray(r.input[0], r.input[1]);
  if (!bytes) throw new Error(`row ${r.n}: validated input missing`);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
}

/** Updates a person already in the ledger through the shared write model (history included). */
async function updateOne(tx: Executor, r: ValidPerson, row: PersonRow, env: WriteEnv) {
  const present = new Set(env.present);
  if (present.has('awayCityCode')) present.add('awayProvinceCode');
  if (r.phoneBidx === row.phoneBidx) present.delete('mobile');
  const input = inputOf(r);
  const patch = patchFrom(input, PATCH_FIELDS, NULLABLE, present) as PersonPatch;
  if (r.ledgerRegionCode) patch.ledgerRegionCode = r.ledgerRegionCode;
  const o = { meta: env.meta, action: 'import', context: importContext(env, r.n) };
  return updatePersonRecord(tx, env.keys, row, patch, o);
}

/**
 * Writes a batch of validated people in the batch's transaction: new ID numbers inserted in one
 * statement with their `import` history; people already in the ledger (same blind index)
 * updated field by field when something changed, left alone (no write, no history) when not.
 * A person held by a ledger outside the importer's scope, or a refused status change, is
 * reported against the row.
 */
export async function writePeople(
  tx: Executor,
  batch: PeopleBatch,
  env: WriteEnv,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] };
  const inserted = await insertNew(tx, batch, env);
  out.created = inserted.size;
  const known = batch.rows.filter((r) => !inserted.has(r.bidx));
  const existing = new Map(
    (
      await livePeople(
        tx,
        known.map((r) => r.bidx),
      )
    ).map((p) => [p.idNumberBidx, p]),
  );
  for (const r of known) {
    const row = existing.get(r.bidx);
    if (!row || !env.writable(row.regionCode)) {
      out.rejected.push({
        n: r.n,
        column: r.key.column,
        code: 'IMPORT_RECORD_OUTSIDE_SCOPE',
        value: r.key.value,
      });
      continue;
    }
    try {
      const changes = await updateOne(tx, r, row, env);
      if (changes.length > 0) out.updated++;
      else out.unchanged++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      out.rejected.push(...refusal(e, r.n, r.key, env));
    }
  }
  return out;
}
