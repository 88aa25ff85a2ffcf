import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { changeMeta, writeHistory } from '../history/service.js';
import { requirePermission } from '../../access/scope/scope.js';
import { writablePerson } from './access.js';
import { assertNoPersonalNumbers } from './guards.js';
import type { ConsentBodyT, PersonDetailViewT } from './contract.js';
import { findConsent, insertConsent, withdrawConsent as markWithdrawn } from './repo.js';
import { personDetail } from './service.js';

/** Records what a person agreed to share with whom (now), with history and audit. */
export async function addConsent(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: ConsentBodyT,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.write');
  assertNoPersonalNumbers({ grantedTo: body.grantedTo });
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await writablePerson(tx, actor, id);
    const consentId = await insertConsent(tx, {
      personId: id,
      purpose: body.purpose,
      grantedTo: body.grantedTo,
      grantedAt: now,
    });
    await writeHistory(tx, changeMeta(ctx, now), [
      {
        objectType: 'person',
        objectId: id,
        action: 'consent',
        changes: [{ field: 'consents', from: null, to: { ...body } }],
        context: { consentId },
      },
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'person.consent',
      objectType: 'person',
      objectId: id,
      permission: 'person.write',
      details: { consentId, purpose: body.purpose },
    });
  });
  return personDetail(deps.db, id);
}

/** Withdraws a consent (now); one already withdrawn is refused with CONFLICT. */
export async function withdrawConsent(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  consentId: string,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.write');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await writablePerson(tx, actor, id);
    const consent = await findConsent(tx, id, consentId);
    if (!consent) throw new AppError('NOT_FOUND');
    if (!(await markWithdrawn(tx, consentId, now))) {
      throw new AppError('CONFLICT', { field: 'withdrawnAt' });
    }
    await writeHistory(tx, changeMeta(ctx, now), [
      {
        objectType: 'person',
        objectId: id,
        action: 'consent_withdraw',
        changes: [
          {
            field: 'consents',
            from: { purpose: consent.purpose, grantedTo: consent.grantedTo },
            to: null,
          },
        ],
        context: { consentId },
      },
    ]);
    await recordAudit(tx, ctx, now, {
      action: 'person.consent_withdraw',
      objectType: 'person',
      objectId: id,
      permission: 'person.write',
      details: { consentId, purpose: consent.purpose },
    });
  });
  return personDetail(deps.db, id);
}
