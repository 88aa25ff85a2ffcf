import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR_DAYS } from './official-days.js';
import { workingCalendar } from './working-calendar.js';

const cal = workingCalendar(OFFICIAL_CALENDAR_DAYS);
/** 10:00 CST on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Any instant from 2024 to 2027 (covers the seeded years and the weekends-only years around). */
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms));

describe('official working-day calendar', () => {
  it('holds the 2025 and 2026 notices, every date once', () => {
    const dates = OFFICIAL_CALENDAR_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(cal.coversYear(2025)).toBe(true);
    expect(cal.coversYear(2026)).toBe(true);
    expect(cal.coversYear(2027)).toBe(false);
    for (const d of OFFICIAL_CALENDAR_DAYS) expect(d.source).toMatch(/国务院办公厅关于20\d\d年/);
  });

  it('treats holidays as non-working even on weekdays', () => {
    expect(cal.isWorkingDay('2025-01-01')).toBe(false); // Wednesday, 元旦
    expect(cal.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆节
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
  });

  it('counts 调休 Saturdays and Sundays as working days', () => {
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday
  });

  it('counts plain weekends as rest and plain weekdays as work', () => {
    expect(cal.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2025-03-10')).toBe(true); // Monday
  });

  it('places an instant on its China Standard Time date', () => {
    // 2025-09-30 17:00 UTC is 2025-10-01 01:00 in Beijing: a holiday.
    expect(cal.isWorkingDay(new Date('2025-09-30T17:00:00Z'))).toBe(false);
    expect(cal.isWorkingDay(new Date('2025-09-30T15:00:00Z'))).toBe(true);
  });

  it('skips the National Day week when adding working days', () => {
    const due = cal.addWorkingDays(at('2025-09-30'), 1);
    expect(cstDay(due)).toBe('2025-10-09');
    expect(due.getUTCHours()).toBe(2);
    expect(cstDay(cal.addWorkingDays(at('2025-09-26'), 1))).toBe('2025-09-28');
    expect(cstDay(cal.addWorkingDays(at('2025-10-09'), -1))).toBe('2025-09-30');
  });

  it('gives 15 working days from the eve of 春节 2026 as a date after the festival', () => {
    // Friday 13 February 2026; 14 Feb is worked; 15–23 Feb off; 28 Feb worked.
    expect(cstDay(cal.addWorkingDays(at('2026-02-13'), 15))).toBe('2026-03-12');
    expect(cal.workingDaysBetween(at('2026-02-13'), at('2026-03-12'))).toBe(15);
  });

  it('refuses fractional working days and malformed dates', () => {
    expect(() => cal.addWorkingDays(at('2025-01-02'), 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
  });

  it('property: counting back what was added gives the same number', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -60, max: 60 }), (from, n) => {
        expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, n))).toBe(n);
      }),
    );
  });

  it('property: a non-zero addition lands on a working day at the same time of day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -60, max: 60 }), (from, n) => {
        fc.pre(n !== 0);
        const to = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(to)).toBe(true);
        expect(Math.abs(to.getTime() - from.getTime()) % 86_400_000).toBe(0);
      }),
    );
  });

  it('property: between adds up over a split and one day counts only when it works', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(cal.workingDaysBetween(x, z)).toBe(
          cal.workingDaysBetween(x, y) + cal.workingDaysBetween(y, z),
        );
        const next = new Date(x.getTime() + 86_400_000);
        expect(cal.workingDaysBetween(x, next)).toBe(cal.isWorkingDay(next) ? 1 : 0);
      }),
    );
  });

  it('property: without official days the calendar is Monday to Friday', () => {
    const plain = workingCalendar([]);
    fc.assert(
      fc.property(instant, (d) => {
        const dow = new Date(d.getTime() + 8 * 3_600_000).getUTCDay();
        expect(plain.isWorkingDay(d)).toBe(dow >= 1 && dow <= 5);
        // 5 working days are always one calendar week on a plain calendar from a weekday
        if (dow >= 1 && dow <= 5) {
          expect(plain.addWorkingDays(d, 5).getTime() - d.getTime()).toBe(7 * 86_400_000);
        }
      }),
    );
  });

  it('property: official calendar differs from the plain week exactly on the listed days', () => {
    const plain = workingCalendar([]);
    const listed = new Map(OFFICIAL_CALENDAR_DAYS.map((d) => [d.date, d.kind]));
    fc.assert(
      fc.property(instant, (d) => {
        const day = cstDay(d);
        const kind = listed.get(day);
        if (kind === undefined) expect(cal.isWorkingDay(d)).toBe(plain.isWorkingDay(d));
        else expect(cal.isWorkingDay(d)).toBe(kind === 'workday');
      }),
    );
  });
});
