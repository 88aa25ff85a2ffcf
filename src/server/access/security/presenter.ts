import type { LockedUserViewT, SecuritySettingsViewT } from './contract.js';
import type { LockedUserRow } from './repo.js';
import type { SecuritySettings } from './settings.js';

/** The security settings, field by field. */
export function presentSettings(s: SecuritySettings): SecuritySettingsViewT {
  return {
    lockoutThreshold: s.lockoutThreshold,
    lockoutMinutes: s.lockoutMinutes,
    idleMinutes: s.idleMinutes,
    absoluteHours: s.absoluteHours,
    passwordMinLength: s.passwordMinLength,
    passwordMinClasses: s.passwordMinClasses,
  };
}

/** One locked account. */
export function presentLockedUser(r: LockedUserRow): LockedUserViewT {
  return {
    userId: r.userId,
    login: r.login,
    regionCode: r.regionCode,
    lockedUntil: r.lockedUntil.toISOString(),
  };
}
