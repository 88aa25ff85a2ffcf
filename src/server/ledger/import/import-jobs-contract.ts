import { z } from 'zod';
import { JobView } from '../../platform/jobs/contract.js';

/** Query of the list of the actor's recent imports. */
export const ImportJobListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .meta({ description: '最多返回几条（1–50，默认 10）' }),
});

/** One import job of the actor: its progress, what was imported and from which file. */
export const ImportJobItem = JobView.extend({
  importKind: z
    .enum(['people', 'entities'])
    .meta({ description: '人员台账 people 或市场主体 entities' }),
  fileName: z.string().nullable().meta({ example: '兴隆镇返乡人员台账.xlsx' }),
  bytes: z.number().int().min(0).nullable().meta({ description: '上传文件大小（字节）' }),
}).meta({ id: 'ImportJob' });

/** The actor's own recent imports, newest first. */
export const ImportJobList = z.object({ items: z.array(ImportJobItem) }).meta({
  id: 'ImportJobList',
});

/** Query of the error preview. */
export const ImportErrorsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: '最多返回几条问题（1–100，默认 20），全部问题见错误报告 .xlsx' }),
});

/** One problem of an import row, as the error report shows it. */
export const ImportIssueView = z.object({
  row: z.number().int().meta({ description: '表格中的行号（表头为第 1 行）' }),
  subject: z
    .string()
    .meta({ description: '该行的姓名或主体名称（文件中填写的）', example: '张大山' }),
  column: z.string().meta({ example: '身份证号' }),
  severity: z.enum(['error', 'warning']).meta({
    description: '错误 error：该行未导入；提示 warning：已导入，请核对',
  }),
  reason: z.string().meta({ example: '身份证号校验位不正确，请核对' }),
  value: z.string().meta({ description: '填写内容（身份证号、手机号已脱敏）' }),
  code: z.string().meta({ example: 'ID_NUMBER_CHECKSUM' }),
});

/** The first problems of an import, for a preview beside the downloadable report. */
export const ImportErrorPreview = z
  .object({
    total: z.number().int().min(0).meta({ description: '问题总条数' }),
    items: z.array(ImportIssueView),
  })
  .meta({ id: 'ImportErrorPreview' });

export type ImportJobItemT = z.infer<typeof ImportJobItem>;
export type ImportJobListT = z.infer<typeof ImportJobList>;
export type ImportErrorPreviewT = z.infer<typeof ImportErrorPreview>;
