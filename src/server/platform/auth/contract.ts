import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import { MobileField } from '../../../domain/ledger/person-schema.js';

export const LoginBody = z.object({
  login: plainText({ max: 64, min: 1 }),
  password: z.string().min(1).max(256),
});

/** What the client must do next: nothing, enter a TOTP code, enrol TOTP, or change the password. */
export const NextStep = z.enum(['ok', 'totp', 'enrol', 'change_password']);

export const SessionGrant = z.object({
  roleCode: z.string(),
  scopeType: z.enum(['region', 'org', 'park']),
  regionCode: z.string(),
  orgId: z.string().nullable(),
  /** The permissions this grant carries (a page may need one through a region grant). */
  permissions: z.array(z.string()),
});

export const SessionView = z
  .object({
    userId: z.string(),
    login: z.string(),
    displayName: z.string(),
    next: NextStep,
    csrfToken: z.string(),
    permissions: z.array(z.string()),
    grants: z.array(SessionGrant),
    totpEnabled: z.boolean(),
  })
  .meta({ id: 'Session' });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const TotpSetupView = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
});

/** Replacing an enrolled code from a full session needs the current password. */
export const TotpSetupBody = z
  .object({
    currentPassword: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .meta({ description: '当前密码；已完成登录（含二次验证）的会话重新绑定时必填' }),
  })
  .optional();

export const TotpCodeBody = z.object({ code: z.string().regex(/^\d{6}$/) });

export const OkView = z.object({ ok: z.literal(true) });

export const SetMobileBody = z.object({
  mobile: MobileField.meta({
    description: '本人手机号；管理员重置密码时，临时密码以短信发到此号码',
  }),
  currentPassword: z.string().min(1).max(256).meta({ description: '当前密码，确认是本人操作' }),
});

export const MobileView = z.object({ mobileMasked: z.string().meta({ example: '138****5678' }) });

export type SetMobileBodyT = z.infer<typeof SetMobileBody>;
