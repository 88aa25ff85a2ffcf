import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta, writeHistory } from '../history/service.js';
import type { MergeBodyT } from '../people/contract.js';
import { requirePermission } from '../../access/scope/scope.js';
import { writableEntity } from './access.js';
import type { EntityDetailViewT } from './contract.js';
import { moveEntityLinks } from './link-repo.js';
import { updateEntityAtVersion } from './repo.js';
import { entityDetail } from './service.js';

/**
 * Merges a duplicate entity into the survivor (`id`, at the client's `version`): every link of
 * the duplicate moves to the survivor (links it already has are dropped, not doubled) and the
 * duplicate is marked merged so it leaves every list. The survivor keeps its own field values;
 * both keep their history (`merge_in` / `merged_away`), and the survivor's timeline shows both.
 * Both must be in the actor's entity.write scope.
 */
export async function mergeEntities(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: MergeBodyT,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.write');
  if (body.duplicateId === id) throw new AppError('MERGE_SELF');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [first, second] = [id, body.duplicateId].sort() as [string, string];
    const a = await writableEntity(tx, actor, first);
    const b = await writableEntity(tx, actor, second);
    const [survivor, duplicate] = a.id === id ? [a, b] : [b, a];
    if (survivor.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', { version: survivor.version });
    }
    const links = await moveEntityLinks(tx, duplicate.id, survivor.id);
    const stamp = { updatedAt: now, updatedBy: ctx.actor?.userId ?? null };
    const ok =
      (await updateEntityAtVersion(tx, duplicate.id, duplicate.version, {
        ...stamp,
        mergedInto: survivor.id,
      })) && (await updateEntityAtVersion(tx, survivor.id, survivor.version, stamp));
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const moved = { linksMoved: links.moved, linksDropped: links.dropped };
    await writeHistory(tx, changeMeta(ctx, now), [
      // The duplicate's entry first, so the survivor's `merge_in` is the newer of the two.
      {
        objectType: 'entity',
        objectId: duplicate.id,
        action: 'merged_away',
        changes: [{ field: 'mergedInto', from: null, to: survivor.id }],
        context: { survivorId: survivor.id },
      },
      {
        objectType: 'entity',
        objectId: survivor.id,
        action: 'merge_in',
        changes: [{ field: 'mergedFrom', from: null, to: duplicate.id }],
        context: { duplicateId: duplicate.id, ...moved },
      },
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'entity.merge',
      objectType: 'entity',
      objectId: survivor.id,
      permission: 'entity.write',
      details: { duplicateId: duplicate.id, ...moved },
    });
  });
  return entityDetail(deps.db, actor, id);
}
