import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { movePersonLinks } from '../entities/link-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta, writeHistory } from '../history/service.js';
import { requirePermission } from '../../access/scope/scope.js';
import { writablePerson } from './access.js';
import type { MergeBodyT, PersonDetailViewT } from './contract.js';
import { moveConsents, updatePersonAtVersion } from './repo.js';
import { personDetail } from './service.js';

/**
 * Merges a duplicate person into the survivor (`id`, at the `version` the client read): every
 * entity link of the duplicate moves to the survivor (a link the survivor already has is dropped,
 * not doubled), every consent moves too, and the duplicate is marked merged so it leaves every
 * list. The survivor keeps its own field values. Both keep their history, with `merge_in` and
 * `merged_away` entries; the survivor's timeline shows both. Both records must be in the actor's
 * person.write scope.
 */
export async function mergePeople(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: MergeBodyT,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.write');
  if (body.duplicateId === id) throw new AppError('MERGE_SELF');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [first, second] = [id, body.duplicateId].sort() as [string, string];
    const a = await writablePerson(tx, actor, first);
    const b = await writablePerson(tx, actor, second);
    const [survivor, duplicate] = a.id === id ? [a, b] : [b, a];
    if (survivor.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', { version: survivor.version });
    }
    const links = await movePersonLinks(tx, duplicate.id, survivor.id);
    const consentsMoved = await moveConsents(tx, duplicate.id, survivor.id);
    const stamp = { updatedAt: now, updatedBy: ctx.actor?.userId ?? null };
    const ok =
      (await updatePersonAtVersion(tx, duplicate.id, duplicate.version, {
        ...stamp,
        mergedInto: survivor.id,
      })) && (await updatePersonAtVersion(tx, survivor.id, survivor.version, stamp));
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const moved = { linksMoved: links.moved, linksDropped: links.dropped, consentsMoved };
    await writeHistory(tx, changeMeta(ctx, now), [
      // The duplicate's entry first, so the survivor's `merge_in` is the newer of the two.
      {
        objectType: 'person',
        objectId: duplicate.id,
        action: 'merged_away',
        changes: [{ field: 'mergedInto', from: null, to: survivor.id }],
        context: { survivorId: survivor.id },
      },
      {
        objectType: 'person',
        objectId: survivor.id,
        action: 'merge_in',
        changes: [{ field: 'mergedFrom', from: null, to: duplicate.id }],
        context: { duplicateId: duplicate.id, ...moved },
      },
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'person.merge',
      objectType: 'person',
      objectId: survivor.id,
      permission: 'person.write',
      details: { duplicateId: duplicate.id, ...moved },
    });
  });
  return personDetail(deps.db, id);
}
