import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import { type Agent, createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { auditLog } from '../audit/table.js';
import { loadWorkingCalendar, seedCalendarDays } from './service.js';

/** The official calendar: seeded 2025–2026, read by staff, a year added by the system administrator. */

let t: TestApp;
let admin: Agent;
let countyAdmin: Agent;
let officer: Agent;
const at = (d: string) => new Date(`${d}T02:00:00Z`);

const schedule2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({
    login: 'sys',
    grants: [{ role: 'sys_admin', region: NATION_CODE }],
    totp: true,
  });
  await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  admin = await t.login('sys');
  countyAdmin = await t.login('fj_sys');
  officer = await t.login('fj_officer');
});
afterAll(() => t.close());

describe('official working-day calendar', () => {
  it('is seeded with 2025 and 2026, idempotently', async () => {
    expect(await seedCalendarDays(t.database.db)).toBe(0);
    const res = await officer.get('/api/calendar-days?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ years: number[]; days: { date: string; kind: string }[] }>();
    expect(body.years).toEqual([2025, 2026]);
    expect(body.days.find((d) => d.date === '2025-09-28')).toMatchObject({ kind: 'workday' });
    expect(body.days.every((d) => d.date.startsWith('2025-'))).toBe(true);
  });

  it('serves the working calendar the case engine counts on', async () => {
    const cal = await loadWorkingCalendar(t.database.db);
    expect(cal.addWorkingDays(at('2025-09-30'), 1).toISOString()).toBe('2025-10-09T02:00:00.000Z');
    expect(cal.coversYear(2027)).toBe(false);
  });

  it('lets a nation-wide system administrator add next year once, audited', async () => {
    const res = await admin.post('/api/calendar-days', schedule2027);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ years: number[] }>().years).toEqual([2025, 2026, 2027]);
    const cal = await loadWorkingCalendar(t.database.db);
    expect(cal.isWorkingDay('2027-02-06')).toBe(true); // a Saturday worked
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
    const again = await admin.post('/api/calendar-days', schedule2027);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CALENDAR_YEAR_EXISTS' });
    const records = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.add_year'), eq(auditLog.objectId, '2027')));
    expect(records).toHaveLength(1);
  });

  it('refuses a make-up working day that is not a weekend day, in zh-CN', async () => {
    const res = await admin.post('/api/calendar-days', {
      ...schedule2027,
      year: 2028,
      days: [
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2028-01-03', kind: 'workday', name: '调休' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ message: string }>().message).toBe(
      '节假日安排中的 2028-01-03 有误：调休上班日应为周六或周日',
    );
    const outside = await admin.post('/api/calendar-days', {
      ...schedule2027,
      year: 2028,
      days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(outside.json()).toMatchObject({ code: 'CALENDAR_DAYS_INVALID' });
  });

  it('keeps the calendar to nation-wide system administrators', async () => {
    const county = await countyAdmin.post('/api/calendar-days', { ...schedule2027, year: 2029 });
    expect(county.statusCode).toBe(403);
    expect(
      (await officer.post('/api/calendar-days', { ...schedule2027, year: 2029 })).statusCode,
    ).toBe(403);
  });
});
