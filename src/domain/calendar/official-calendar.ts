/**
 * The working calendar built from the official days shipped with the code (2025, 2026), for pure
 * code and tests. The server counts on the `calendar_days` table instead
 * (`loadWorkingCalendar` in src/server/platform/calendar/service.ts), which also holds the years an
 * administrator has added since.
 *
 * @module
 */
import { OFFICIAL_CALENDAR_DAYS } from './official-days.js';
import { type OfficialCalendar, workingCalendar } from './working-calendar.js';

/**
 * @example
 * SHIPPED_CALENDAR.workingDaysBetween(new Date('2025-09-30T02:00:00Z'), new Date('2025-10-09T02:00:00Z')) // => 1
 */
export const SHIPPED_CALENDAR: OfficialCalendar = workingCalendar(OFFICIAL_CALENDAR_DAYS);
