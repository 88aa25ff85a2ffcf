import { MATERIAL_KINDS, MATERIAL_NAMES } from '../../../domain/loans/materials.js';
import { z } from 'zod';
import { CASE_TYPE_CODES } from '../../../domain/cases/case-types.js';
import { plainText } from '../../../domain/text/plain-text.js';
import { RegionCode } from '../../platform/regions/contract.js';

/** Contracts of the case (办件) routes: queues, detail with history, transitions, attachments. */

export const CaseTypeCode = z
  .enum(CASE_TYPE_CODES)
  .meta({ description: `办件类型：${CASE_TYPE_CODES.join('、')}`, example: 'guarantee-loan' });

export const CaseIdParams = z.object({ id: z.uuid() });
export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

const FieldValues = z
  .record(z.string().max(64), z.unknown())
  .meta({ description: '该类型或该操作要求的字段（见 GET /api/cases/types）' });

export const CaseCreateBody = z.object({
  type: CaseTypeCode,
  regionCode: RegionCode.meta({ description: '办件所属区划（申请人台账所在地）' }),
  subjectPersonId: z.uuid().optional().meta({ description: '申请人（台账人员）' }),
  subjectEntityId: z.uuid().optional().meta({ description: '申请市场主体' }),
  data: FieldValues,
  comment: plainText({ max: 500, multiline: true }).optional(),
});

export const CaseFireBody = z.object({
  transition: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .meta({ description: '操作代码，如 accept、refuse', example: 'accept' }),
  version: z.number().int().min(1).meta({ description: '读取时的版本号（乐观锁）' }),
  comment: plainText({ max: 500, multiline: true }).optional().meta({ description: '意见' }),
  reason: plainText({ max: 500, multiline: true })
    .optional()
    .meta({ description: '理由（不予通过、撤回时必填）' }),
  fields: FieldValues.optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional().meta({ description: '本环节所附材料' }),
});

export const CaseQueueQuery = z.object({
  tab: z
    .enum(['todo', 'done', 'overdue'])
    .default('todo')
    .meta({ description: 'todo 待办 / done 已办 / overdue 超时' }),
  type: CaseTypeCode.optional(),
  after: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .meta({ description: '上一页返回的 nextCursor' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const DeadlineStatus = z
  .enum(['none', 'ok', 'near', 'overdue'])
  .meta({ description: 'none 不限时 / ok 正常 / near 临近超时 / overdue 超时' });

export const CaseSummary = z.object({
  id: z.uuid(),
  type: z.string(),
  typeName: z.string(),
  state: z.string(),
  stateName: z.string(),
  terminal: z.boolean(),
  regionCode: RegionCode,
  subjectPersonName: z.string().nullable(),
  subjectEntityName: z.string().nullable(),
  stateEnteredAt: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  deadlineStatus: DeadlineStatus,
  workingDaysLeft: z
    .number()
    .int()
    .nullable()
    .meta({ description: '距办理时限的工作日数，负数为已超时；不限时为 null' }),
  version: z.number().int(),
});

export const CaseQueuePage = z.object({
  items: z.array(CaseSummary),
  nextCursor: z.string().nullable(),
});

export const TransitionView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  transition: z.string(),
  transitionName: z.string(),
  fromState: z.string().nullable(),
  fromStateName: z.string().nullable(),
  toState: z.string(),
  toStateName: z.string(),
  actorLogin: z.string(),
  actorOrgId: z.uuid().nullable(),
  actorOrgName: z.string().nullable(),
  at: z.iso.datetime(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  attachmentIds: z.array(z.uuid()),
  workingDaysInState: z.number().int().nullable(),
});

export const AttachmentView = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.iso.datetime(),
  /** 身份证, 营业执照 … as the uploader said (`other` when not said). */
  materialKind: z.enum(MATERIAL_KINDS),
});

export const OfferedTransition = z.object({
  id: z.string(),
  name: z.string(),
  to: z.string(),
  needsReason: z.boolean(),
  fields: z.array(z.string()),
});

export const CaseDetailView = CaseSummary.extend({
  subjectPersonId: z.uuid().nullable(),
  subjectEntityId: z.uuid().nullable(),
  routing: z.record(z.string(), z.uuid().nullable()),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  history: z.array(TransitionView),
  attachments: z.array(AttachmentView),
  allowedTransitions: z.array(OfferedTransition),
});

export const CaseTypesView = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      initial: z.string(),
      stepBar: z.array(z.string()),
      fieldNames: z.record(z.string(), z.string()),
      states: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          limitDays: z.number().int().nullable(),
          limitSource: z.string().nullable(),
          terminal: z.boolean(),
        }),
      ),
      transitions: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          from: z.array(z.string()),
          to: z.string(),
          needsReason: z.boolean(),
          fields: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const AttachmentQuery = z.object({
  name: plainText({ max: 200, min: 1 }).meta({
    description: '原文件名（仅作显示）',
    example: '营业执照.pdf',
  }),
  kind: z
    .enum(MATERIAL_KINDS)
    .default('other')
    .meta({
      description: `材料类别：${MATERIAL_KINDS.map((k) => `${k} ${MATERIAL_NAMES[k].zh}`).join(' / ')}`,
    }),
});

export type CaseCreateBodyT = z.infer<typeof CaseCreateBody>;
export type CaseFireBodyT = z.infer<typeof CaseFireBody>;
export type CaseQueueQueryT = z.infer<typeof CaseQueueQuery>;
export type CaseSummaryT = z.infer<typeof CaseSummary>;
export type CaseDetailViewT = z.infer<typeof CaseDetailView>;
export type CaseTypesViewT = z.infer<typeof CaseTypesView>;
export type AttachmentViewT = z.infer<typeof AttachmentView>;
