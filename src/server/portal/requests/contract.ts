import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/http/paging.js';

/** zod contracts of the officers' queue of entrepreneurs' requests (/api/portal-requests/…). */

export const QueueQuery = PageQuery.extend({
  state: z
    .enum(['pending', 'accepted', 'rejected', 'all'])
    .default('pending')
    .meta({ description: '待核实 pending（默认）/ 已通过 / 已驳回 / 全部' }),
  objectType: z.enum(['person', 'entity']).optional().meta({ description: '人员或市场主体' }),
});

export const RequestParams = z.object({ id: z.uuid() });

export const RejectBody = z.object({
  reason: z.string().trim().min(1, 'TEXT_REQUIRED').max(500).meta({
    description: '驳回理由（必填，创业者可见）',
    example: '经电话核实，申请人不是本人',
  }),
});

export const QueueItem = z
  .object({
    id: z.string(),
    objectType: z.enum(['person', 'entity']),
    kind: z.enum(['claim', 'registration', 'change']).meta({
      description: 'claim 认领已有记录 / registration 新登记核实 / change 修改申请',
    }),
    state: z.enum(['pending', 'accepted', 'rejected', 'superseded']),
    objectId: z.string(),
    regionCode: z.string(),
    proposedName: z.string().meta({ description: '申请中填写的姓名或企业名称' }),
    mobileMasked: z.string().meta({ description: '申请账号的手机号（脱敏）' }),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: 'PortalRequestQueueItem' });
export const QueuePage = pageOf(QueueItem);

export const FieldCompare = z.object({
  field: z.string(),
  current: z.string().meta({ description: '台账现值（身份证号、手机号脱敏）' }),
  proposed: z.string().meta({ description: '申请值（手机号脱敏）' }),
  changed: z.boolean(),
});

export const RequestDetail = z
  .object({
    request: QueueItem,
    record: z.object({
      name: z.string(),
      identifier: z.string().meta({ description: '身份证号（脱敏）或统一社会信用代码' }),
      regionCode: z.string(),
      version: z.int(),
    }),
    fields: z.array(FieldCompare),
  })
  .meta({ id: 'PortalRequestDetail' });

export type QueueQueryT = z.output<typeof QueueQuery>;
export type QueueItemT = z.output<typeof QueueItem>;
export type RequestDetailT = z.output<typeof RequestDetail>;
export type FieldCompareT = z.output<typeof FieldCompare>;
export type RejectBodyT = z.output<typeof RejectBody>;
