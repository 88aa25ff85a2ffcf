import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import { GrantRequestView } from '../grant-requests/contract.js';
import { PageQuery, pageOf } from '../../platform/http/paging.js';
import { RegionCode } from '../../platform/regions/contract.js';
import { ScopeTypeCode } from '../roles/contract.js';

/** A login name: lower-cased, 3–32 of a–z, 0–9, `_`, `.` and `-`. */
export const LoginName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, '登录名须为 3–32 位小写字母、数字、下划线、点或连字符')
  .meta({ example: 'fj_wang' });

export const UserIdParams = z.object({ id: z.uuid() });
export const GrantParams = z.object({ id: z.uuid(), grantId: z.uuid() });

export const UserListQuery = PageQuery.extend({
  q: plainText({ max: 50, min: 1 }).optional().meta({ description: '登录名或姓名（部分匹配）' }),
  region: RegionCode.optional().meta({ description: '只列出此区划范围内的账号' }),
  disabled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description: 'true 只列停用账号，false 只列启用账号' }),
});

export const CreateUserBody = z.object({
  login: LoginName,
  displayName: plainText({ max: 50, min: 1 }).meta({ example: '王小明' }),
  regionCode: RegionCode,
  orgId: z.uuid().optional(),
  password: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .meta({ description: '初始密码；不填则生成临时密码并在响应中返回一次' }),
});

export const UpdateUserBody = z.object({
  displayName: plainText({ max: 50, min: 1 }).optional(),
  orgId: z.uuid().nullable().optional().meta({ description: 'null 解除所属机构' }),
  version: z.number().int().min(1).meta({ description: '读取时的版本号（乐观锁）' }),
});

export const GrantBody = z.object({
  roleCode: z.string().trim().min(1).max(64).meta({ example: 'county_officer' }),
  scopeType: ScopeTypeCode,
  regionCode: RegionCode.optional().meta({ description: '区划范围时必填' }),
  orgId: z.uuid().optional().meta({ description: '机构或园区范围时必填' }),
});

export const GrantView = z
  .object({
    id: z.uuid(),
    roleCode: z.string(),
    roleNameZh: z.string(),
    roleNameEn: z.string(),
    scopeType: ScopeTypeCode,
    regionCode: RegionCode.meta({ description: '授权覆盖的区划：区划范围本身，或机构所在区划' }),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    grantedBy: z.uuid().nullable(),
    grantedAt: z.iso.datetime(),
  })
  .meta({ id: 'Grant' });

export const UserView = z
  .object({
    id: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    regionCode: RegionCode,
    regionName: z.string(),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    disabled: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
    roleCodes: z.array(z.string()),
    mobileMasked: z
      .string()
      .nullable()
      .meta({ description: '本人登记的手机号（脱敏）；重置密码时临时密码发往此号码' }),
  })
  .meta({ id: 'User' });

export const UserDetailView = UserView.extend({
  grants: z.array(GrantView),
  pendingRequests: z
    .array(GrantRequestView)
    .meta({ description: '等待安全管理员审批的授权（含个人信息权限的角色）' }),
}).meta({
  id: 'UserDetail',
});

export const UserPage = pageOf(UserView);

export const CreatedUserView = z.object({
  user: UserDetailView,
  temporaryPassword: z
    .string()
    .nullable()
    .meta({ description: '生成的临时密码，仅此一次返回；管理员设置了密码时为 null' }),
});

export const PasswordResetView = z.object({
  deliveredTo: z
    .literal('sms')
    .meta({ description: '临时密码的去向：以短信发送到用户本人登记的手机号，不返回给管理员' }),
  mobileMasked: z.string().meta({ description: '接收短信的号码（脱敏）', example: '138****5678' }),
});

export type UserListQueryT = z.infer<typeof UserListQuery>;
export type CreateUserBodyT = z.infer<typeof CreateUserBody>;
export type UpdateUserBodyT = z.infer<typeof UpdateUserBody>;
export type GrantBodyT = z.infer<typeof GrantBody>;
export type UserViewT = z.infer<typeof UserView>;
export type UserDetailViewT = z.infer<typeof UserDetailView>;
export type GrantViewT = z.infer<typeof GrantView>;
export type PasswordResetViewT = z.infer<typeof PasswordResetView>;
