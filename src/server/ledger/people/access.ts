import { AppError } from '../../../domain/errors/codes.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { assertRegionInScope, regionInScope } from '../../access/scope/scope.js';
import { findPerson, findPersonRow, type PersonListRow, type PersonRow } from './repo.js';

/**
 * How the people services find the record a request names: outside the actor's read scope it
 * does not exist (NOT_FOUND, so existence does not leak); a merged-away record answers
 * RECORD_MERGED with the survivor's id, so old links can follow it.
 */

function assertLive(row: { mergedInto: string | null }): void {
  if (row.mergedInto !== null) {
    throw new AppError('RECORD_MERGED', { mergedInto: row.mergedInto });
  }
}

/** A live person the actor may read, with region names. */
export async function readablePerson(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<PersonListRow> {
  const row = await findPerson(db, id);
  if (!row || !regionInScope(actor, 'person.read', row.regionCode)) {
    throw new AppError('NOT_FOUND');
  }
  assertLive(row);
  return row;
}

/**
 * A live person the actor may change, locked for the transaction: NOT_FOUND outside read scope,
 * SCOPE_OUTSIDE_OWN inside read but outside write scope.
 */
export async function writablePerson(tx: Executor, actor: Actor, id: string): Promise<PersonRow> {
  const row = await findPersonRow(tx, id, true);
  if (!row || !regionInScope(actor, 'person.read', row.regionCode)) {
    throw new AppError('NOT_FOUND');
  }
  assertLive(row);
  assertRegionInScope(actor, 'person.write', row.regionCode, 'write');
  return row;
}

/**
 * A live person whose personal data the actor may unmask: NOT_FOUND when the actor can neither
 * read nor unmask in its region, SCOPE_OUTSIDE_OWN when it can read but not unmask there.
 */
export async function unmaskablePerson(db: Executor, actor: Actor, id: string): Promise<PersonRow> {
  const row = await findPersonRow(db, id);
  const visible =
    row !== undefined &&
    (regionInScope(actor, 'person.read', row.regionCode) ||
      regionInScope(actor, 'person.unmask', row.regionCode));
  if (!row || !visible) throw new AppError('NOT_FOUND');
  assertLive(row);
  assertRegionInScope(actor, 'person.unmask', row.regionCode, 'write');
  return row;
}
