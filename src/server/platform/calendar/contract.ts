import { z } from 'zod';
import { IsoDate } from '../../../domain/ledger/fields.js';
import { plainText } from '../../../domain/text/plain-text.js';

export const CalendarYear = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .meta({ description: '年度', example: 2027 });

export const CalendarQuery = z.object({
  year: CalendarYear.optional().meta({ description: '只列出该年；省略则列出全部' }),
});

export const CalendarDayView = z
  .object({
    date: z.string().meta({ example: '2025-10-01' }),
    kind: z.enum(['holiday', 'workday']).meta({ description: 'holiday 放假；workday 调休上班' }),
    name: z.string(),
    source: z.string().meta({ description: '国务院办公厅通知（标题或文号）' }),
  })
  .meta({ id: 'CalendarDay' });

export const CalendarView = z
  .object({
    years: z.array(z.number().int()).meta({ description: '已录入节假日安排的年度' }),
    days: z.array(CalendarDayView),
  })
  .meta({ id: 'Calendar' });

export const AddCalendarYearBody = z.object({
  year: CalendarYear,
  source: plainText({ max: 200, min: 4 }).meta({
    description: '依据文件，如“国务院办公厅关于2027年部分节假日安排的通知”',
  }),
  days: z
    .array(
      z.object({
        date: IsoDate,
        kind: z.enum(['holiday', 'workday']),
        name: plainText({ max: 40, min: 1 }).meta({ example: '春节' }),
      }),
    )
    .min(1)
    .max(120),
});

export type CalendarQueryT = z.infer<typeof CalendarQuery>;
export type CalendarViewT = z.infer<typeof CalendarView>;
export type AddCalendarYearBodyT = z.infer<typeof AddCalendarYearBody>;
