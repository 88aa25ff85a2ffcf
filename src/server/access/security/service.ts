import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import { toPage, type PageRequest, type Paged } from '../../platform/http/paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import {
  assertRegionInScope,
  regionInScope,
  regionScopeWhere,
  requireNationWide,
  requirePermission,
} from '../scope/scope.js';
import type { LockedUserViewT, SecuritySettingsViewT } from './contract.js';
import { presentLockedUser, presentSettings } from './presenter.js';
import { clearLockout, findUserForUnlock, listLockedUsers } from './repo.js';
import { readSecuritySettings, writeSecuritySettings, type SecuritySettings } from './settings.js';

/** The current security settings (needs security.read). */
export async function getSettings(
  deps: AppDeps,
  ctx: RequestContext,
): Promise<SecuritySettingsViewT> {
  requirePermission(ctx, 'security.read');
  return presentSettings(await readSecuritySettings(deps.db));
}

/**
 * Replaces the security settings (needs security.manage). The audit record lists each changed
 * setting with its old and new value. Every instance picks the change up within seconds.
 */
export async function putSettings(
  deps: AppDeps,
  ctx: RequestContext,
  value: SecuritySettings,
): Promise<SecuritySettingsViewT> {
  const actor = requireNationWide(ctx, 'security.manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const before = await readSecuritySettings(tx);
    const changed: Record<string, { from: number; to: number }> = {};
    for (const key of Object.keys(value) as (keyof SecuritySettings)[]) {
      if (before[key] !== value[key]) changed[key] = { from: before[key], to: value[key] };
    }
    await writeSecuritySettings(tx, value, actor.userId, now);
    await recordAudit(tx, ctx, now, {
      action: 'security.settings_update',
      objectType: 'settings',
      objectId: 'security',
      permission: 'security.manage',
      details: { changed },
    });
  });
  return presentSettings(await readSecuritySettings(deps.db));
}

/** Accounts locked out now, within the actor's security.read scope (by account region). */
export async function lockedUsers(
  deps: AppDeps,
  ctx: RequestContext,
  page: PageRequest,
): Promise<Paged<LockedUserViewT>> {
  const actor = requirePermission(ctx, 'security.read');
  const { rows, total } = await listLockedUsers(
    deps.db,
    (column) => regionScopeWhere(actor, 'security.read', column),
    deps.clock(),
    page,
  );
  return toPage(rows, total, page, presentLockedUser);
}

/** Lifts a lock-out and resets the failed-login count (needs security.manage in scope). */
export async function unlockUser(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ userId: string; login: string; locked: false }> {
  const actor = requirePermission(ctx, 'security.manage');
  const now = deps.clock();
  const user = await deps.db.transaction(async (tx) => {
    const row = await findUserForUnlock(tx, id);
    const visible =
      row &&
      (regionInScope(actor, 'security.read', row.regionCode) ||
        regionInScope(actor, 'security.manage', row.regionCode));
    if (!row || !visible) throw new AppError('NOT_FOUND');
    assertRegionInScope(actor, 'security.manage', row.regionCode, 'write');
    await clearLockout(tx, id);
    await recordAudit(tx, ctx, now, {
      action: 'user.unlock',
      objectType: 'user',
      objectId: id,
      permission: 'security.manage',
    });
    return row;
  });
  return { userId: user.id, login: user.login, locked: false };
}
