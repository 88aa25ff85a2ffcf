import { triggerMigrationSql } from './trigger-sql.js';

// Prints the counter-trigger migration: `npx tsx src/server/statistics/stats/print-trigger-sql.ts`.
process.stdout.write(triggerMigrationSql());
