import { useCallback } from 'react';
import { BUILTIN_ROLES } from '../../../domain/access/roles';
import { PERMISSIONS, isPermission } from '../../../domain/access/permissions';
import { ORG_TYPES } from '../../../domain/orgs/org-types';
import { useI18n } from '../i18n/i18n';

const BUILTIN = new Map(BUILTIN_ROLES.map((r) => [r.code, r]));

/**
 * Names of built-in roles for the user's language (custom roles show their code until the roles
 * list, which needs user.read, is loaded).
 */
export function useRoleNames(): (code: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (code: string) => {
      const role = BUILTIN.get(code);
      if (!role) return code;
      return locale === 'en' ? role.nameEn : role.nameZh;
    },
    [locale],
  );
}

/** A permission's name in the user's language. */
export function usePermissionName(): (code: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (code: string) => {
      if (!isPermission(code)) return code;
      return locale === 'en' ? PERMISSIONS[code].en : PERMISSIONS[code].zh;
    },
    [locale],
  );
}

/** An organisation type's name in the user's language. */
export function useOrgTypeName(): (code: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (code: string) => {
      const type = (ORG_TYPES as Record<string, { zh: string; en: string } | undefined>)[code];
      if (!type) return code;
      return locale === 'en' ? type.en : type.zh;
    },
    [locale],
  );
}
