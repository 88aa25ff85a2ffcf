import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Long work (imports, exports, rebuilds) as jobs that survive a restart: progress and a
 * checkpoint are committed with each batch, and a lease keeps two instances off the same job.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    /** queued, running, done, failed, cancelled */
    status: text('status').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** Rows or items handled so far: the resume point after a crash. */
    checkpoint: bigint('checkpoint', { mode: 'number' }).notNull().default(0),
    done: bigint('done', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }),
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.createdAt),
    index('jobs_creator_idx').on(t.createdBy, t.createdAt),
  ],
);

/** Rows an import refused: row number, column and reason, for the downloadable report. */
export const jobRowErrors = pgTable(
  'job_row_errors',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    column: text('column').notNull(),
    code: text('code').notNull(),
    /** The offending value, masked when it is personal data. */
    value: text('value').notNull().default(''),
    /** Whose row it is: the person's name or the entity's name as the file gives it. */
    subject: text('subject').notNull().default(''),
  },
  (t) => [index('job_row_errors_job_idx').on(t.jobId, t.rowNumber)],
);
