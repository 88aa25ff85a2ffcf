import { caseCounterMigrationSql } from './case-counter-sql.js';

/** Prints the case-counter migration (see case-counter-sql.ts). */
process.stdout.write(caseCounterMigrationSql());
