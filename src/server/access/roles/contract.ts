import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import { ALL_PERMISSIONS, type Permission } from '../../../domain/access/permissions.js';

export const PermissionCode = z
  .enum(ALL_PERMISSIONS as [Permission, ...Permission[]])
  .meta({ description: '权限代码', example: 'person.read' });

export const ScopeTypeCode = z
  .enum(['region', 'org', 'park'])
  .meta({ description: '授权范围：区划（代码前缀）、机构、园区' });

export const AdminKindCode = z.enum(['system', 'security', 'audit']);

export const PermissionView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  adminKind: AdminKindCode.nullable().meta({
    description: '所属管理员类别（三权分立）；业务权限为 null',
  }),
});

export const PermissionList = z.object({ items: z.array(PermissionView) });

export const RoleView = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    scopeTypes: z.array(ScopeTypeCode),
    requireTotp: z.boolean().meta({ description: '持有者须使用动态验证码' }),
    builtin: z.boolean(),
    adminKinds: z.array(AdminKindCode),
    grantable: z
      .boolean()
      .meta({ description: '当前用户能否在系统内授予此角色（管理员角色只能通过命令行授予）' }),
    needsApproval: z
      .boolean()
      .meta({ description: '含个人信息权限：授予后须安全管理员批准才生效' }),
  })
  .meta({ id: 'Role' });

export const RoleList = z.object({ items: z.array(RoleView) });

export const CreateRoleBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,31}$/, '角色代码须为 3–32 位小写字母、数字或下划线，以字母开头')
    .meta({ example: 'county_user_admin' }),
  nameZh: plainText({ max: 50, min: 1 }).meta({ example: '县级账号管理员' }),
  nameEn: plainText({ max: 100, min: 1 }).meta({ example: 'County account administrator' }),
  permissions: z.array(PermissionCode).min(1).max(100),
  scopeTypes: z.array(ScopeTypeCode).min(1).max(3),
});

export type RoleViewT = z.infer<typeof RoleView>;
export type CreateRoleBodyT = z.infer<typeof CreateRoleBody>;
