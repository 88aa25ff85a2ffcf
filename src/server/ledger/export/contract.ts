import { z } from 'zod';
import { EntityListQuery } from '../entities/contract.js';
import { PersonListQuery } from '../people/contract.js';

const Unmask = {
  unmask: z.stringbool().optional().meta({
    description: '导出完整身份证号和手机号（需“查看完整身份证号和手机号”权限并填写理由，记入审计）',
  }),
  reason: z.string().trim().min(4).max(200).optional().meta({
    description: '不脱敏导出的理由（4–200 字），写入审计日志',
    example: '向县人社局报送创业担保贷款名单',
  }),
};

const NOT_PAGED = { page: true, pageSize: true } as const;

/** The people list's filters and sort (the same semantics as GET /api/people), without paging. */
export const PeopleExportQuery = PersonListQuery.omit(NOT_PAGED).extend(Unmask);
/** The entity list's filters and sort (the same semantics as GET /api/entities), without paging. */
export const EntitiesExportQuery = EntityListQuery.omit(NOT_PAGED).extend(Unmask);

export type PeopleExportQueryT = z.output<typeof PeopleExportQuery>;
export type EntitiesExportQueryT = z.output<typeof EntitiesExportQuery>;
