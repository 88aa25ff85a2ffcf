import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../platform/db/migrate.js';
import { caseCounterMigrationSql } from './case-counter-sql.js';

describe('the case-counter migration', () => {
  it('is the SQL the case metrics generate today (regenerate it when they change)', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .filter((f) =>
        readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').includes('FUNCTION stats.case_contrib'),
      );
    const latest = files[files.length - 1];
    expect(latest, 'a migration defines the case-counter triggers').toBeDefined();
    const committed = readFileSync(path.join(MIGRATIONS_DIR, latest as string), 'utf8');
    expect(
      committed,
      'regenerate with: npx tsx src/server/statistics/stats/print-case-counter-sql.ts > drizzle/<new>.sql',
    ).toBe(caseCounterMigrationSql());
  });

  it('follows every change of a case with statement-level triggers', () => {
    const sql = caseCounterMigrationSql();
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      expect(sql).toMatch(
        new RegExp(`AFTER ${op} ON public\\.cases REFERENCING .* FOR EACH STATEMENT`),
      );
    expect(sql).toMatch(/AFTER INSERT ON public\.case_transitions REFERENCING/);
  });
});
