import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../platform/db/migrate.js';
import { triggerMigrationSql } from './trigger-sql.js';

describe('the counter-trigger migration', () => {
  it('is the SQL the series declarations generate today (regenerate it when they change)', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .filter((f) =>
        readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').includes(
          'FUNCTION stats.people_counters',
        ),
      );
    const latest = files[files.length - 1];
    expect(latest, 'a migration defines the counter triggers').toBeDefined();
    const committed = readFileSync(path.join(MIGRATIONS_DIR, latest as string), 'utf8');
    expect(
      committed,
      `regenerate with: npx tsx src/server/statistics/stats/print-trigger-sql.ts > drizzle/<new>.sql`,
    ).toBe(triggerMigrationSql());
  });

  it('uses statement-level triggers with transition tables for every change', () => {
    const sql = triggerMigrationSql();
    for (const table of ['people', 'entities']) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        expect(sql).toMatch(
          new RegExp(`AFTER ${op} ON public\\.${table} REFERENCING .* FOR EACH STATEMENT`),
        );
      }
    }
  });
});
