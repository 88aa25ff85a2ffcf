import { and, isNull, sql } from 'drizzle-orm';
import { isAppError } from '../../../domain/errors/codes.js';
import type { Executor } from '../../platform/db/client.js';
import { people } from '../people/table.js';
import { type PersonPatch, updatePersonRecord } from '../people/write.js';
import { copyInto } from './copy-in.js';
import { PERSON_COPY_COLUMNS, PERSON_STAGING, PERSON_STAGING_DDL } from './person-bulk.js';
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

/** The rows of a batch the writer is given: accepted rows, and every valid row's COPY line by chunk. */
export interface PeopleBatch {
  rows: ValidPerson[];
  /** COPY text lines per chunk (person-bulk.ts), for every row validation passed. */
  copy: Uint8Array[];
  /** Rows in `copy` the batch refused (region, scope, duplicate): left out by the insert. */
  excluded: number[];
}

const COLUMNS = sql.raw(PERSON_COPY_COLUMNS.join(', '));
const STAGING = sql.raw(PERSON_STAGING);

/**
 * Inserts the batch's new people and their `import` history entries (the API's `create` entry:
 * every field set, identifiers masked): the rows are COPYed into the connection's staging table,
 * then one statement inserts them, leaving out refused rows and skipping a person already
 * registered (ON CONFLICT, handled as an update), and writes the history of those inserted.
 * Returns the blind indexes of the people inserted.
 */
async function insertNew(tx: Executor, batch: PeopleBatch, env: WriteEnv): Promise<Set<string>> {
  if (batch.rows.length === 0 || batch.copy.length === 0) return new Set();
  const { now, actorId, actorLogin } = env.meta;
  const at = now.toISOString();
  await tx.execute(sql.raw(PERSON_STAGING_DDL));
  await copyInto(tx, env.backend, PERSON_STAGING, batch.copy);
  const res = await tx.execute(sql`
    WITH ins AS (
      INSERT INTO people (${COLUMNS}, created_at, updated_at, created_by, updated_by)
      SELECT ${COLUMNS}, ${at}::timestamptz, ${at}::timestamptz, ${actorId}::uuid, ${actorId}::uuid
      FROM ${STAGING}
      WHERE _n <> ALL(${`{${batch.excluded.join(',')}}`}::integer[])
      ON CONFLICT (id_number_bidx) WHERE merged_into IS NULL DO NOTHING
      RETURNING id, id_number_bidx
    ),
    hist AS (
      INSERT INTO record_history (object_type, object_id, at, actor_id, actor_login, action, changes, context)
      SELECT 'person', ins.id, ${at}::timestamptz, ${actorId}::uuid, ${actorLogin}, 'import', s._changes,
        jsonb_build_object('jobId', ${env.jobId}::text, 'row', s._n)
      FROM ins JOIN ${STAGING} s ON s.id = ins.id
    )
    SELECT id_number_bidx FROM ins`);
  const { rows } = res as { rows: { id_number_bidx: string }[] };
  return new Set(rows.map((r) => r.id_number_bidx));
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
