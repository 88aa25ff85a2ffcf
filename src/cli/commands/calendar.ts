import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AddCalendarYearBody } from '../../server/platform/calendar/contract.js';
import { findCalendarDays } from '../../server/platform/calendar/repo.js';
import { enterCalendarYear } from '../../server/platform/calendar/service.js';
import { appendAudit } from '../../server/platform/audit/repo.js';
import { operatorAuditEntry } from '../../server/access/users/cli-accounts.js';
import { ExitCode, note, operatorName, withRuntime } from '../run.js';

/**
 * `fanxiang calendar list [--year 2026]` and `fanxiang calendar add <file.json>`: the official
 * working-day calendar. The file has the shape of `POST /api/calendar-days`:
 * `{ "year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知",
 *    "days": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }, …] }`.
 */
export function registerCalendar(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('法定节假日和调休工作日 (official working-day calendar)');
  calendar
    .command('list')
    .description('列出已录入的节假日和调休上班日 (list official days)')
    .option('--year <year>', '只列出该年 (one year only)', (v) => Number(v))
    .action(async (opts: { year?: number }) => {
      await withRuntime(async ({ database }) => {
        for (const d of await findCalendarDays(database.db, opts.year)) {
          console.log(
            `${d.date}\t${d.kind === 'holiday' ? '放假' : '调休上班'}\t${d.name}\t${d.source}`,
          );
        }
      });
    });
  calendar
    .command('add <file>')
    .description('按国务院办公厅通知录入一年的节假日安排 (add a year from a JSON file)')
    .action(async (file: string) => {
      const parsed = AddCalendarYearBody.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        note(`文件格式不正确 / the file is not a valid schedule: ${parsed.error.message}`);
        throw new ExitCode(2);
      }
      const body = parsed.data;
      await withRuntime(async ({ database, clock, auditKeys }) => {
        const now = clock();
        const counts = await database.db.transaction(async (tx) => {
          const c = await enterCalendarYear(tx, body, { now, actorId: null });
          await appendAudit(
            tx,
            auditKeys.chain,
            operatorAuditEntry(operatorName(), now, {
              action: 'calendar.add_year',
              objectType: 'calendar_year',
              objectId: String(body.year),
              details: { source: body.source, ...c },
            }),
          );
          return c;
        });
        console.log(
          `已录入 ${body.year} 年：放假 ${counts.holidays} 天，调休上班 ${counts.workdays} 天 / ` +
            `added ${body.year}: ${counts.holidays} holidays, ${counts.workdays} make-up working days`,
        );
      });
    });
}
