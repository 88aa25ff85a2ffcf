import { z } from 'zod';

export const LoginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** What the client must do next: nothing, enter a TOTP code, enrol TOTP, or change the password. */
export const NextStep = z.enum(['ok', 'totp', 'enrol', 'change_password']);

export const SessionGrant = z.object({
  roleCode: z.string(),
  scopeType: z.enum(['region', 'org', 'park']),
  regionCode: z.string(),
  orgId: z.string().nullable(),
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
