import { z } from 'zod';
import { PageQuery, pageOf } from '../../platform/http/paging.js';

/** One field's change in a history entry; personal fields appear masked. */
export const FieldChangeView = z.object({
  field: z.string().meta({ example: 'status' }),
  from: z.unknown().meta({ example: 'returned' }),
  to: z.unknown().meta({ example: 'started' }),
});

/** Who made a change, as the timeline names them. */
export const HistoryActorView = z
  .object({
    kind: z.enum(['user', 'entrepreneur', 'system']).meta({
      description:
        'user 工作人员, entrepreneur 创业者（门户账号）, system 系统（演示数据、迁移等）',
    }),
    label: z.string().meta({
      description:
        '显示名称：工作人员“姓名（角色）”，创业者“创业者 孙**”（姓名脱敏），系统“系统（演示数据）”',
      example: '张三（县级服务专员）',
    }),
    labelEn: z.string().meta({ example: 'Zhang San (County service officer)' }),
  })
  .meta({ id: 'HistoryActor' });

/** One entry of a ledger record's timeline. */
export const HistoryEntryView = z
  .object({
    id: z.number().int(),
    objectType: z.enum(['person', 'entity']),
    objectId: z.uuid().meta({ description: '记录 ID；合并而来的记录的历史也显示在存续记录下' }),
    at: z.iso.datetime(),
    actorLogin: z.string().nullable(),
    actor: HistoryActorView,
    action: z.string().meta({
      description:
        'create 新建, update 修改, merge_in 合并入, merged_away 被合并, link 关联, unlink 取消关联, consent 授权, consent_withdraw 撤回授权, import 导入',
      example: 'update',
    }),
    changes: z.array(FieldChangeView).meta({
      description: '关联市场主体（entities）的值另带 entityName：市场主体名称',
    }),
    context: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEntry' });

export const HistoryPage = pageOf(HistoryEntryView);
export const HistoryQuery = PageQuery;

export type HistoryActorViewT = z.infer<typeof HistoryActorView>;
export type HistoryEntryViewT = z.infer<typeof HistoryEntryView>;
export type HistoryQueryT = z.infer<typeof HistoryQuery>;
