import { triggerMigrationSql } from './trigger-sql.js';

// Prints the counter-trigger migration: `npx tsx src/server/stats/print-trigger-sql.ts`.
process.stdout.write(triggerMigrationSql());
