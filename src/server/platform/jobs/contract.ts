import { z } from 'zod';

/** Path parameters of a job. */
export const JobIdParams = z.object({ id: z.uuid() });

/** Where a job stands. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** A job's status and progress, for a progress bar. */
export const JobView = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ example: 'ledger.import.people' }),
    status: z
      .enum(JOB_STATUSES)
      .meta({ description: '排队 queued、运行中 running、完成 done、失败 failed、取消 cancelled' }),
    done: z.number().int().min(0).meta({ description: '已处理行数（含出错行）' }),
    total: z
      .number()
      .int()
      .min(0)
      .nullable()
      .meta({ description: '总行数；运行中为按已读字节估算的值，完成后为实际值' }),
    percent: z.number().min(0).max(100).meta({ description: '进度百分比，供进度条显示' }),
    result: z.record(z.string(), z.number()).meta({
      description: '导入结果：total、created、updated、unchanged、failed',
      example: { total: 1000, created: 990, updated: 3, unchanged: 0, failed: 7 },
    }),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .meta({ description: '任务失败的原因（整个文件无法处理时）；单行错误见错误报告' }),
    errorReportUrl: z
      .string()
      .nullable()
      .meta({ description: '有出错行时，错误报告 .xlsx 的下载地址' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });

export type JobViewT = z.infer<typeof JobView>;
