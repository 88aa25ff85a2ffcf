import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/http/paging.js';
import { RegionCode } from '../../platform/regions/contract.js';
import { SecuritySettings } from './settings.js';

/** The settings as read: every field present. */
export const SecuritySettingsView = z
  .object({
    lockoutThreshold: z.number().int().meta({ description: '连续失败几次后锁定' }),
    lockoutMinutes: z.number().int().meta({ description: '锁定时长（分钟）' }),
    idleMinutes: z.number().int().meta({ description: '无操作多久后会话失效（分钟）' }),
    absoluteHours: z.number().int().meta({ description: '会话最长有效期（小时）' }),
    passwordMinLength: z.number().int().meta({ description: '密码最短长度' }),
    passwordMinClasses: z.number().int().meta({ description: '密码至少包含几类字符' }),
  })
  .meta({ id: 'SecuritySettings' });

/** The body of PUT: the whole settings object; omitted fields fall back to their defaults. */
export const SecuritySettingsBody = SecuritySettings;

export const LockedUsersQuery = PageQuery;

export const LockedUserView = z.object({
  userId: z.uuid(),
  login: z.string(),
  regionCode: RegionCode,
  lockedUntil: z.iso.datetime(),
});

export const LockedUserPage = pageOf(LockedUserView);

export const UnlockParams = z.object({ id: z.uuid() });

export const UnlockView = z.object({
  userId: z.uuid(),
  login: z.string(),
  locked: z.literal(false),
});

export type SecuritySettingsViewT = z.infer<typeof SecuritySettingsView>;
export type LockedUserViewT = z.infer<typeof LockedUserView>;
