import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/http/paging.js';
import { RegionCode } from '../../platform/regions/contract.js';
import { ScopeTypeCode } from '../roles/contract.js';

export const GRANT_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const GrantRequestStatus = z.enum(GRANT_REQUEST_STATUSES).meta({
  description: 'pending 待审批，approved 已批准（授权已生效），rejected 已驳回',
});

export const GrantRequestParams = z.object({ id: z.uuid() });

export const GrantRequestListQuery = PageQuery.extend({
  status: GrantRequestStatus.optional().meta({ description: '只列出此状态的申请；不填列出全部' }),
});

export const RejectGrantRequestBody = z.object({
  reason: z.string().trim().min(2).max(200).meta({ example: '该人员不在本县服务专员名单中' }),
});

export const GrantRequestView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userLogin: z.string(),
    userDisplayName: z.string(),
    roleCode: z.string(),
    roleNameZh: z.string(),
    roleNameEn: z.string(),
    scopeType: ScopeTypeCode,
    regionCode: RegionCode.meta({ description: '授权将覆盖的区划' }),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    personalData: z.array(z.string()).meta({ description: '该角色含有的个人信息权限' }),
    status: GrantRequestStatus,
    requestedBy: z.uuid(),
    requestedByLogin: z.string().nullable(),
    requestedAt: z.iso.datetime(),
    decidedBy: z.uuid().nullable(),
    decidedByLogin: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'GrantRequest' });

export const GrantRequestPage = pageOf(GrantRequestView);

export type GrantRequestListQueryT = z.infer<typeof GrantRequestListQuery>;
export type GrantRequestViewT = z.infer<typeof GrantRequestView>;
