import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../access/orgs/table.js';
import { regions } from '../../platform/regions/table.js';

/**
 * Cases (办件): one row per file moving through a case type's workflow (src/domain/cases). The
 * row holds the current state; the history is `case_transitions`, append-only. Nothing is
 * deleted: refusal and withdrawal are transitions.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** Case type code, e.g. `guarantee-loan`. */
    type: text('type').notNull(),
    /** The region the case belongs to (the applicant's ledger region): region scope tests it. */
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    subjectPersonId: uuid('subject_person_id'),
    subjectEntityId: uuid('subject_entity_id'),
    state: text('state').notNull(),
    /** Optimistic lock: every transition checks and bumps it. */
    version: integer('version').notNull().default(1),
    /** Routing fields resolved at creation (bankOrgId, guaranteeOrgId …) → organisation id. */
    routing: jsonb('routing').$type<Record<string, string | null>>().notNull().default({}),
    /** The organisation that owns the current step through routing (its queue), if any. */
    ownerOrgId: uuid('owner_org_id').references(() => organisations.id),
    /** Region officers (region-scoped grants covering the case's region) own the current step. */
    ownerRegion: boolean('owner_region').notNull().default(false),
    terminal: boolean('terminal').notNull().default(false),
    stateEnteredAt: timestamp('state_entered_at', { withTimezone: true }).notNull(),
    /** When the current step is due (working days on the official calendar); null: no limit. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** none, ok, near (临近超时), overdue (超时); kept by the deadline job and each transition. */
    deadlineStatus: text('deadline_status').notNull().default('none'),
    /** The case type's data: creation fields merged with the fields of each transition. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // 待办 / 超时 of an organisation: open cases owned by it, oldest step first.
    index('cases_owner_org_queue_idx')
      .on(t.ownerOrgId, t.stateEnteredAt, t.id)
      .where(sql`NOT ${t.terminal}`),
    // 待办 / 超时 of region officers: open cases their region owns, by region prefix.
    index('cases_owner_region_queue_idx')
      .on(t.regionCode.op('bpchar_pattern_ops'), t.stateEnteredAt, t.id)
      .where(sql`${t.ownerRegion} AND NOT ${t.terminal}`),
    // The same queue for a county, city or province: open region-owned cases in queue order,
    // filtered by region prefix while read (a prefix range cannot be read in step order).
    index('cases_region_queue_order_idx')
      .on(t.stateEnteredAt, t.id)
      .where(sql`${t.ownerRegion} AND NOT ${t.terminal}`),
    // The deadline job: open steps with a due date.
    index('cases_due_idx')
      .on(t.dueAt)
      .where(sql`NOT ${t.terminal} AND ${t.dueAt} IS NOT NULL`),
    index('cases_region_idx').on(t.regionCode.op('bpchar_pattern_ops')),
    index('cases_person_idx').on(t.subjectPersonId),
  ],
);

/** The history of a case: one row per transition fired, never updated or deleted. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The case version this transition produced (1 for creation). */
    version: integer('version').notNull(),
    transition: text('transition').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLogin: text('actor_login').notNull(),
    /** The organisation the actor fired it for (organisation-scoped grant), if any. */
    actorOrgId: uuid('actor_org_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment'),
    reason: text('reason'),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    /** Working days the case spent in `fromState` (for the days-per-step indicator). */
    workingDaysInState: integer('working_days_in_state'),
  },
  (t) => [
    index('case_transitions_case_idx').on(t.caseId, t.version),
    index('case_transitions_actor_idx').on(t.actorUserId, t.at),
    index('case_transitions_org_idx').on(t.actorOrgId, t.at),
  ],
);

/** Materials of a case (ID copy, business licence, contracts): metadata; the bytes are on disk. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    /** Sniffed from the bytes, never taken from the name or the request. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    /** Where the bytes are, relative to the attachment store. */
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    /** What the material is, as the uploader said (身份证, 营业执照 …; src/domain/loans/materials.ts). */
    materialKind: text('material_kind').notNull().default('other'),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId, t.uploadedAt)],
);
