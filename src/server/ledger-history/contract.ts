import { z } from 'zod';
import { PageQuery, pageOf } from '../http/paging.js';

/** One field's change in a history entry; personal fields appear masked. */
export const FieldChangeView = z.object({
  field: z.string().meta({ example: 'status' }),
  from: z.unknown().meta({ example: 'returned' }),
  to: z.unknown().meta({ example: 'started' }),
});

/** One entry of a ledger record's timeline. */
export const HistoryEntryView = z
  .object({
    id: z.number().int(),
    objectType: z.enum(['person', 'entity']),
    objectId: z.uuid().meta({ description: '记录 ID；合并而来的记录的历史也显示在存续记录下' }),
    at: z.iso.datetime(),
    actorLogin: z.string().nullable(),
    action: z.string().meta({
      description:
        'create 新建, update 修改, merge_in 合并入, merged_away 被合并, link 关联, unlink 取消关联, consent 授权, consent_withdraw 撤回授权, import 导入',
      example: 'update',
    }),
    changes: z.array(FieldChangeView),
    context: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEntry' });

export const HistoryPage = pageOf(HistoryEntryView);
export const HistoryQuery = PageQuery;

export type HistoryEntryViewT = z.infer<typeof HistoryEntryView>;
export type HistoryQueryT = z.infer<typeof HistoryQuery>;
