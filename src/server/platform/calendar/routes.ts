import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';
import { AddCalendarYearBody, CalendarQuery, CalendarView } from './contract.js';
import * as calendar from './service.js';

/** The official working-day calendar: read by staff, a year added by the system administrator. */
export function registerCalendarRoutes(app: App, deps: AppDeps): void {
  const tags = ['工作日历 calendar'];
  app.get('/api/calendar-days', {
    schema: {
      tags,
      summary: '法定节假日和调休上班日',
      querystring: CalendarQuery,
      response: { 200: CalendarView, ...ERROR_RESPONSES },
    },
    handler: (req) => calendar.listCalendar(deps, req.ctx, req.query),
  });
  app.post('/api/calendar-days', {
    schema: {
      tags,
      summary: '录入一年的节假日安排（依据国务院办公厅通知）',
      body: AddCalendarYearBody,
      response: { 200: CalendarView, ...ERROR_RESPONSES },
    },
    config: { action: 'calendar.add_year' },
    handler: (req) => calendar.addCalendarYear(deps, req.ctx, req.body),
  });
}
