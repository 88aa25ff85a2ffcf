import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta } from '../history/service.js';
import { assertRegionsExist } from '../people/guards.js';
import { entityInScope, regionInScope, requirePermission } from '../../access/scope/scope.js';
import { writableEntity } from './access.js';
import type { EntityCreateBodyT, EntityDetailViewT, EntityUpdateBodyT } from './contract.js';
import { entityDetail } from './service.js';
import { createEntityRecord, type EntityWriteOptions, updateEntityRecord } from './write.js';

/** What the write model may reveal and link for this actor. */
export function writeOptions(ctx: RequestContext, actor: Actor, now: Date): EntityWriteOptions {
  return {
    meta: changeMeta(ctx, now),
    visible: (e) => entityInScope(actor, 'entity.read', e),
    canLink: (rc) => regionInScope(actor, 'person.read', rc),
  };
}

/** The pilot-code mark in an update's audit details, when the update changed it. */
function pilotAudit(changes: { field: string; to?: unknown }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of changes) {
    if (c.field === 'pilotCode' || c.field === 'pilotCodeReason') out[c.field] = c.to ?? null;
  }
  return out;
}

/**
 * Creates a market entity. Its region must exist and, with its park, lie in the actor's
 * entity.write scope (SCOPE_OUTSIDE_OWN); the park must be a park (PARK_INVALID); linked people
 * must be readable (LINKED_PERSON_NOT_FOUND); a credit code already in the ledger is refused with
 * ENTITY_DUPLICATE. A code failing its check character is refused (VALIDATION, CREDIT_CODE_CHECKSUM)
 * unless marked as an early pilot code with a reason; such a code is kept, flagged in `warnings`,
 * and the mark and reason are in the audit record and the history.
 */
export async function createEntity(
  deps: AppDeps,
  ctx: RequestContext,
  body: EntityCreateBodyT,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.write');
  await assertRegionsExist(deps.db, { regionCode: body.regionCode });
  const place = { regionCode: body.regionCode, parkOrgId: body.parkOrgId ?? null };
  if (!entityInScope(actor, 'entity.write', place)) throw new AppError('SCOPE_OUTSIDE_OWN');
  const now = deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const entityId = await createEntityRecord(tx, body, writeOptions(ctx, actor, now));
    await recordAudit(tx, ctx, now, {
      action: 'entity.create',
      objectType: 'entity',
      objectId: entityId,
      permission: 'entity.write',
      details: {
        regionCode: body.regionCode,
        warnings: body.creditCodeWarning ? [body.creditCodeWarning] : [],
        ...(body.pilotCode ? { pilotCode: true, pilotCodeReason: body.pilotCodeReason } : {}),
      },
    });
    return entityId;
  });
  return entityDetail(deps.db, actor, id);
}

/**
 * Updates a market entity under optimistic locking (VERSION_CONFLICT on a stale `version`); a move
 * to another region or park must stay within write scope (the old place is checked on load).
 * `links`, when given, replaces the whole set. One history entry with each field's from → to.
 */
export async function updateEntity(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: EntityUpdateBodyT,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.write');
  const { version, ...patch } = body;
  await assertRegionsExist(deps.db, { regionCode: patch.regionCode });
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await writableEntity(tx, actor, id);
    if (row.version !== version) throw new AppError('VERSION_CONFLICT', { version: row.version });
    const place = {
      regionCode: patch.regionCode ?? row.regionCode,
      parkOrgId: patch.parkOrgId === undefined ? row.parkOrgId : patch.parkOrgId,
    };
    if (!entityInScope(actor, 'entity.write', place)) throw new AppError('SCOPE_OUTSIDE_OWN');
    const changes = await updateEntityRecord(tx, row, patch, writeOptions(ctx, actor, now));
    await recordAudit(tx, ctx, now, {
      action: 'entity.update',
      objectType: 'entity',
      objectId: id,
      permission: 'entity.write',
      details: {
        fields: changes.map((c) => c.field),
        version: changes.length > 0 ? version + 1 : version,
        ...pilotAudit(changes),
      },
    });
  });
  return entityDetail(deps.db, actor, id);
}
