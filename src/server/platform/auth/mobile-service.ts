import { maskMobile } from '../../../domain/identity/phone.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../audit/record.js';
import { encrypt } from '../crypto/keys.js';
import type { RequestContext } from '../http/context.js';
import type { AppDeps } from '../http/types.js';
import { requireActor } from '../../access/scope/scope.js';
import type { SetMobileBodyT } from './contract.js';
import { verifyPassword } from './passwords.js';
import { findUserById, updateUser } from './repo.js';

/**
 * Records the logged-in user's own mobile number, where an administrator's password reset sends
 * the temporary password. Only the user sets it, confirming with their current password; no
 * administrator can change it through the API, so none can redirect a reset to themselves.
 * Stored encrypted (and masked for display); the audit record holds only the masked number.
 * Raises PASSWORD_WRONG when the password does not match.
 */
export async function setOwnMobile(
  deps: AppDeps,
  ctx: RequestContext,
  body: SetMobileBodyT,
): Promise<{ mobileMasked: string }> {
  const actor = requireActor(ctx);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('PASSWORD_WRONG');
  }
  const mobileMasked = maskMobile(body.mobile);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      mobileEnc: encrypt(deps.keys, body.mobile),
      mobileMask: mobileMasked,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'auth.mobile_change',
      objectType: 'user',
      objectId: user.id,
      details: { mobileMasked },
    });
  });
  return { mobileMasked };
}
