import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta, writeHistory } from '../history/service.js';
import { regionInScope, requirePermission } from '../../access/scope/scope.js';
import { writableEntity } from './access.js';
import type { EntityDetailViewT, LinkBodyT } from './contract.js';
import { deleteLinks, findLink, insertLinks } from './link-repo.js';
import { updateEntityAtVersion } from './repo.js';
import { entityDetail } from './service.js';
import { assertLinkable, personLinkEvents } from './link-rules.js';

/**
 * Links a person (readable by the actor) to an entity in a role; the same link twice is refused
 * with CONFLICT. History on both the entity and the person; the entity's version moves on.
 */
export async function addLink(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: LinkBodyT,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.write');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await writableEntity(tx, actor, id);
    await assertLinkable(tx, [body], (rc) => regionInScope(actor, 'person.read', rc));
    const [linkId] = await insertLinks(tx, [{ entityId: id, ...body, createdAt: now }]);
    if (!linkId) throw new AppError('CONFLICT', { field: 'links' });
    await updateEntityAtVersion(tx, id, row.version, { updatedAt: now, updatedBy: actor.userId });
    const link = { personId: body.personId, role: body.role };
    await writeHistory(tx, changeMeta(ctx, now), [
      {
        objectType: 'entity',
        objectId: id,
        action: 'link',
        changes: [{ field: 'links', from: null, to: link }],
        context: { linkId },
      },
      ...personLinkEvents(id, [link], []),
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'entity.link',
      objectType: 'entity',
      objectId: id,
      permission: 'entity.write',
      details: { linkId, personId: body.personId, role: body.role },
    });
  });
  return entityDetail(deps.db, actor, id);
}

/** Removes one link of an entity, with history on both sides. */
export async function removeLink(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  linkId: string,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.write');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await writableEntity(tx, actor, id);
    const found = await findLink(tx, id, linkId);
    if (!found) throw new AppError('NOT_FOUND');
    await deleteLinks(tx, [linkId]);
    await updateEntityAtVersion(tx, id, row.version, { updatedAt: now, updatedBy: actor.userId });
    const link = { personId: found.personId, role: found.role };
    await writeHistory(tx, changeMeta(ctx, now), [
      {
        objectType: 'entity',
        objectId: id,
        action: 'unlink',
        changes: [{ field: 'links', from: link, to: null }],
        context: { linkId },
      },
      ...personLinkEvents(id, [], [link]),
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'entity.unlink',
      objectType: 'entity',
      objectId: id,
      permission: 'entity.write',
      details: { linkId, personId: found.personId, role: found.role },
    });
  });
  return entityDetail(deps.db, actor, id);
}
