import { AppError } from '../../../domain/errors/codes.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { entityInScope } from '../../access/scope/scope.js';
import { type EntityListRow, type EntityRow, findEntity, findEntityRow } from './repo.js';

/**
 * How the entity services find the record a request names: outside the actor's entity.read scope
 * (region, or park for park grants) it does not exist; a merged-away record answers RECORD_MERGED
 * with the survivor's id.
 */

function assertLive(row: { mergedInto: string | null }): void {
  if (row.mergedInto !== null) throw new AppError('RECORD_MERGED', { mergedInto: row.mergedInto });
}

/** A live entity the actor may read, with names. */
export async function readableEntity(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<EntityListRow> {
  const row = await findEntity(db, id);
  if (!row || !entityInScope(actor, 'entity.read', row)) throw new AppError('NOT_FOUND');
  assertLive(row);
  return row;
}

/**
 * A live entity the actor may change, locked for the transaction: NOT_FOUND outside read scope,
 * SCOPE_OUTSIDE_OWN inside read but outside write scope.
 */
export async function writableEntity(tx: Executor, actor: Actor, id: string): Promise<EntityRow> {
  const row = await findEntityRow(tx, id, true);
  if (!row || !entityInScope(actor, 'entity.read', row)) throw new AppError('NOT_FOUND');
  assertLive(row);
  if (!entityInScope(actor, 'entity.write', row)) throw new AppError('SCOPE_OUTSIDE_OWN');
  return row;
}
