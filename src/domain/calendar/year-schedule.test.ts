import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR_DAYS } from './official-days.js';
import { yearScheduleProblem } from './year-schedule.js';

describe('checking a year’s holiday schedule', () => {
  it('accepts the seeded 2025 and 2026 notices', () => {
    for (const year of [2025, 2026]) {
      const days = OFFICIAL_CALENDAR_DAYS.filter((d) => d.date.startsWith(`${year}-`));
      expect(yearScheduleProblem(year, days)).toBeNull();
    }
  });

  it('refuses a date of another year, a repeated date, a weekday 调休 and no holiday', () => {
    expect(
      yearScheduleProblem(2027, [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }]),
    ).toMatchObject({
      zh: '不是 2027 年的日期',
    });
    const h = { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' };
    expect(yearScheduleProblem(2027, [h, h])?.zh).toBe('重复列出');
    expect(
      yearScheduleProblem(2027, [h, { date: '2027-01-04', kind: 'workday', name: '调休' }])?.zh,
    ).toBe('调休上班日应为周六或周日');
    expect(
      yearScheduleProblem(2027, [{ date: '2027-01-02', kind: 'workday', name: '调休' }])?.zh,
    ).toBe('没有列出任何放假日期');
  });
});
