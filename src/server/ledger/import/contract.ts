import { z } from 'zod';

/** Query of an upload: what the file holds, and its name for display. */
export const ImportQuery = z.object({
  kind: z
    .enum(['people', 'entities'])
    .meta({ description: '导入人员台账 people 或市场主体 entities' }),
  fileName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: '原文件名（仅用于显示）', example: '兴隆镇返乡人员台账.xlsx' }),
});

/** The answer to an upload: the queued job and where to follow it. */
export const ImportAccepted = z
  .object({
    jobId: z.uuid(),
    status: z.literal('queued'),
    statusUrl: z.string().meta({ example: '/api/jobs/7d9f…' }),
  })
  .meta({ id: 'ImportAccepted' });

/** Path parameters of an import job's error report. */
export const ImportJobParams = z.object({ jobId: z.uuid() });

export type ImportQueryT = z.infer<typeof ImportQuery>;
export type ImportAcceptedT = z.infer<typeof ImportAccepted>;
