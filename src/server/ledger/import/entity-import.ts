import { and, inArray, isNull } from 'drizzle-orm';
import { isAppError } from '../../../domain/errors/codes.js';
import type { EntityLinkT } from '../../../domain/ledger/entity-schema.js';
import type { Executor } from '../../platform/db/client.js';
import { linksOfEntity } from '../entities/link-repo.js';
import { entities } from '../entities/table.js';
import { createEntityRecord, type EntityPatch, updateEntityRecord } from '../entities/write.js';
import { people } from '../people/table.js';
import type { ValidEntity } from './row-types.js';
import {
  type BatchOutcome,
  importContext,
  patchFrom,
  refusal,
  type WriteEnv,
} from './write-env.js';

type EntityRow = typeof entities.$inferSelect;

const PATCH_FIELDS = [
  'name',
  'type',
  'isWorkshop',
  'industryCode',
  'regionCode',
  'foundedOn',
  'registeredCapitalWan',
  'employees',
  'jobsCreated',
  'jobsPoverty',
  'annualRevenueWan',
  'isEcommerce',
  'products',
  'pilotCode',
  'pilotCodeReason',
];
const NULLABLE = new Set(['registeredCapitalWan', 'annualRevenueWan', 'pilotCodeReason']);

function liveEntities(tx: Executor, codes: string[]): Promise<EntityRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(entities)
    .where(and(inArray(entities.creditCode, codes), isNull(entities.mergedInto)));
}

function founders(tx: Executor, bidx: string[]) {
  if (bidx.length === 0) return Promise.resolve([]);
  return tx
    .select({ id: people.id, bidx: people.idNumberBidx, regionCode: people.regionCode })
    .from(people)
    .where(and(inArray(people.idNumberBidx, bidx), isNull(people.mergedInto)));
}

/** Adds the founder to an entity's links unless it is already there (imports never unlink). */
async function linksWithFounder(
  tx: Executor,
  entityId: string,
  founder: EntityLinkT,
): Promise<EntityLinkT[] | undefined> {
  const current = await linksOfEntity(tx, entityId);
  const has = current.some((l) => l.personId === founder.personId && l.role === 'founder');
  if (has) return undefined;
  return [
    ...current.map((l) => ({ personId: l.personId, role: l.role as EntityLinkT['role'] })),
    founder,
  ];
}

async function writeOne(
  tx: Executor,
  r: ValidEntity,
  row: EntityRow | undefined,
  founder: EntityLinkT | null,
  env: WriteEnv,
): Promise<'created' | 'updated' | 'unchanged'> {
  const o = {
    meta: env.meta,
    action: 'import',
    context: importContext(env, r.n),
    canLink: (code: string) => env.linkable(code),
  };
  if (!row) {
    const input = { ...r.input, links: founder ? [founder] : [] };
    // A savepoint: a credit code registered meanwhile fails this row, not the batch.
    await tx.transaction((sp) => createEntityRecord(sp, input, o));
    return 'created';
  }
  const patch = patchFrom(r.input, PATCH_FIELDS, NULLABLE, env.present) as EntityPatch;
  if (founder) patch.links = await linksWithFounder(tx, row.id, founder);
  const changes = await updateEntityRecord(tx, row, patch, o);
  return changes.length > 0 ? 'updated' : 'unchanged';
}

/**
 * Writes a batch of validated entities through the shared entity write model, one by one (a
 * county holds thousands, not millions): a new credit code is created, a known one updated when
 * something changed; the 创办人身份证号 column links the founder, who must be a live person the
 * importer may read. Refusals are reported against the row.
 */
export async function writeEntities(
  tx: Executor,
  rows: ValidEntity[],
  env: WriteEnv,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [], warnings: [] };
  const existing = new Map(
    (
      await liveEntities(
        tx,
        rows.map((r) => r.row.creditCode),
      )
    ).map((e) => [e.creditCode, e]),
  );
  const wanted = rows.flatMap((r) => (r.founder ? [r.founder.bidx] : []));
  const people = new Map((await founders(tx, wanted)).map((p) => [p.bidx, p]));
  for (const r of rows) {
    const row = existing.get(r.row.creditCode);
    if (row && !env.writable(row.regionCode)) {
      out.rejected.push({
        n: r.n,
        column: r.key.column,
        code: 'IMPORT_RECORD_OUTSIDE_SCOPE',
        value: r.key.value,
      });
      continue;
    }
    let founder: EntityLinkT | null = null;
    if (r.founder) {
      const p = people.get(r.founder.bidx);
      if (!p || !env.linkable(p.regionCode)) {
        out.rejected.push({
          n: r.n,
          column: r.founder.column,
          code: 'IMPORT_FOUNDER_NOT_FOUND',
          value: r.founder.value,
        });
        continue;
      }
      founder = { personId: p.id, role: 'founder' };
    }
    try {
      out[await writeOne(tx, r, row, founder, env)]++;
      out.warnings.push(...r.warnings.map((w) => ({ n: r.n, ...w })));
    } catch (e) {
      if (!isAppError(e)) throw e;
      out.rejected.push(...refusal(e, r.n, r.key, env));
    }
  }
  return out;
}
