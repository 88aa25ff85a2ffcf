import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta } from '../history/service.js';
import { assertRegionInScope, regionInScope, requirePermission } from '../../access/scope/scope.js';
import { writablePerson } from './access.js';
import type { PersonCreateBodyT, PersonDetailViewT, PersonUpdateBodyT } from './contract.js';
import { assertRegionsExist } from './guards.js';
import { defaultLedgerRegion } from './row.js';
import { personDetail } from './service.js';
import { createPersonRecord, updatePersonRecord } from './write.js';

/**
 * Creates a person. Every region must exist (REGION_UNKNOWN names the field); the ledger region
 * (given, or derived from status and residence) must lie in the actor's person.write scope
 * (SCOPE_OUTSIDE_OWN); an ID number already in the ledger is refused with PERSON_DUPLICATE,
 * whose `details.existingId` is given only when the actor may read that record. The row, its
 * history entry and the audit record commit together.
 */
export async function createPerson(
  deps: AppDeps,
  ctx: RequestContext,
  body: PersonCreateBodyT,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.write');
  const { ledgerRegionCode, ...input } = body;
  const regionCode = ledgerRegionCode ?? defaultLedgerRegion(input);
  await assertRegionsExist(deps.db, {
    hukouRegionCode: input.hukouRegionCode,
    currentRegionCode: input.currentRegionCode,
    ledgerRegionCode,
  });
  assertRegionInScope(actor, 'person.write', regionCode, 'write');
  const now = deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const personId = await createPersonRecord(tx, deps.keys, input, {
      meta: changeMeta(ctx, now),
      regionCode,
      visible: (rc) => regionInScope(actor, 'person.read', rc),
    });
    await recordAudit(tx, ctx, now, {
      action: 'person.create',
      objectType: 'person',
      objectId: personId,
      permission: 'person.write',
      details: { regionCode },
    });
    return personId;
  });
  return personDetail(deps.db, id);
}

/**
 * Updates a person under optimistic locking (VERSION_CONFLICT on a stale `version`). The merged
 * record is checked again (sex and birth date against the ID number), a status change must be a
 * permitted transition and is dated, a new ID number must not belong to another live record,
 * and a move to another ledger region must stay within write scope (the old region is checked
 * when the record is loaded). One history entry with each field's from → to.
 */
export async function updatePerson(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: PersonUpdateBodyT,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.write');
  const { version, ...patch } = body;
  await assertRegionsExist(deps.db, {
    hukouRegionCode: patch.hukouRegionCode,
    currentRegionCode: patch.currentRegionCode,
    ledgerRegionCode: patch.ledgerRegionCode,
  });
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await writablePerson(tx, actor, id);
    if (row.version !== version) throw new AppError('VERSION_CONFLICT', { version: row.version });
    if (patch.ledgerRegionCode !== undefined) {
      assertRegionInScope(actor, 'person.write', patch.ledgerRegionCode, 'write');
    }
    const changes = await updatePersonRecord(tx, deps.keys, row, patch, {
      meta: changeMeta(ctx, now),
      visible: (rc) => regionInScope(actor, 'person.read', rc),
    });
    await recordAudit(tx, ctx, now, {
      action: 'person.update',
      objectType: 'person',
      objectId: id,
      permission: 'person.write',
      details: {
        fields: changes.map((c) => c.field),
        version: changes.length > 0 ? version + 1 : version,
      },
    });
  });
  return personDetail(deps.db, id);
}
