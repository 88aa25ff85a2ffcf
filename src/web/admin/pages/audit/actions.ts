import { useCallback } from 'react';
import { type MessageKey, useI18n } from '../../i18n/i18n';

/** Actions the server records (the `action` of its routes and services). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_change',
  'auth.totp_setup',
  'auth.totp_enable',
  'auth.totp_verify',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.grant',
  'user.revoke',
  'user.unlock',
  'role.create',
  'org.create',
  'org.update',
  'security.settings_update',
  'person.create',
  'person.update',
  'person.merge',
  'person.unmask',
  'person.consent',
  'person.consent_withdraw',
  'entity.create',
  'entity.update',
  'entity.merge',
  'entity.link',
  'entity.unlink',
  'ledger.import',
  'case.create',
  'case.transition',
  'case.attach',
  'case.attachment_download',
  'db.backup',
  'demo.load_foundation',
  'request.unrecorded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** The action's name in the user's language; unknown actions show their code. */
export function useActionName(): (action: string) => string {
  const { t } = useI18n();
  return useCallback(
    (action: string) =>
      KNOWN.has(action) ? t(`action.${action as AuditAction}` as MessageKey) : action,
    [t],
  );
}
