import { z } from 'zod';
import { PageQuery, pageOf } from '../http/paging.js';

const Instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 时间（含时区）', example: '2026-11-21T10:00:00+08:00' });

/** Filters of the audit trail; all optional, combined with AND. */
export const AuditListQuery = PageQuery.extend({
  actorLogin: z.string().trim().min(1).max(100).optional().meta({ description: '操作人登录名' }),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: '操作', example: 'auth.login' }),
  objectType: z.string().trim().min(1).max(64).optional().meta({ description: '对象类型' }),
  objectId: z.string().trim().min(1).max(200).optional().meta({ description: '对象标识' }),
  result: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: '结果：success 或错误码', example: 'LOGIN_FAILED' }),
  from: Instant.optional().meta({ description: '起始时间（含）' }),
  to: Instant.optional().meta({ description: '截止时间（含）' }),
});
export type AuditListQueryT = z.infer<typeof AuditListQuery>;

export const AuditRecordView = z
  .object({
    seq: z.number().int().meta({ description: '链上序号' }),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorLogin: z
      .string()
      .nullable()
      .meta({ description: '操作人（命令行操作为 cli:<系统用户>）' }),
    actorRoles: z.array(z.string()).meta({ description: '操作所依据的角色' }),
    ip: z.string(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    result: z.string().meta({ description: 'success 或拒绝时的错误码' }),
    details: z.record(z.string(), z.unknown()),
    hash: z
      .string()
      .meta({ description: '本条记录的链上哈希（HMAC-SHA-256；升级前的记录为 SHA-256）' }),
  })
  .meta({ id: 'AuditRecord' });
export type AuditRecordViewT = z.infer<typeof AuditRecordView>;

export const AuditPage = pageOf(AuditRecordView);

export const ChainProblemKind = z.enum([
  'edited',
  'missing',
  'broken_link',
  'head_mismatch',
  'checkpoint_mismatch',
  'behind_checkpoint',
  'checkpoint_signature',
  'rekey_moved',
]);

export const VerifyView = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().meta({ description: '已校验的记录数' }),
    headSeq: z.number().int().meta({ description: '链头记录的序号' }),
    keyedFrom: z
      .number()
      .int()
      .meta({ description: '自此序号起以密钥 HMAC 封存（此前为升级前的 SHA-256 记录）' }),
    checkpoints: z.number().int().meta({ description: '已比对的库外签名检查点数' }),
    problems: z
      .array(z.object({ seq: z.number().int(), problem: ChainProblemKind }))
      .meta({ description: '发现的问题（最多 100 条）' }),
  })
  .meta({ id: 'AuditVerifyReport' });
export type VerifyViewT = z.infer<typeof VerifyView>;
