import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EligibilityResult } from '../../../domain/loans/eligibility.js';
import type { Installment } from '../../../domain/loans/schedule.js';
import { organisations } from '../../access/orgs/table.js';
import { cases } from '../cases/table.js';

/**
 * Guarantee loans (创业担保贷款): the application behind a `guarantee-loan` case, its repayment
 * schedules (one per 放款 or 展期; earlier ones kept as history), the repayments the bank records,
 * and the parks on the 信用园区 white list (绿色通道). Amounts in whole fen, rates in bp.
 */
export const loanApplications = pgTable('loan_applications', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  kind: text('kind').notNull(),
  members: integer('members'),
  personId: uuid('person_id'),
  entityId: uuid('entity_id'),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  termMonths: integer('term_months').notNull(),
  purpose: text('purpose').notNull(),
  collateral: text('collateral').notNull(),
  declarations: jsonb('declarations').notNull(),
  /** The pre-check as it stood when the file was made (conditions with their documents). */
  eligibility: jsonb('eligibility').$type<EligibilityResult>().notNull(),
  greenChannel: boolean('green_channel').notNull(),
  bankOrgId: uuid('bank_org_id')
    .notNull()
    .references(() => organisations.id),
  /** The date the product was read at (CST). */
  productDate: date('product_date', { mode: 'string' }).notNull(),
  /** Filed by an officer (user id) or by the entrepreneur on the portal (account id). */
  createdBy: uuid('created_by'),
  createdByAccount: uuid('created_by_account'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const loanSchedules = pgTable(
  'loan_schedules',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 1 at 放款, +1 per 展期; the highest is in force. */
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
    annualRateBp: integer('annual_rate_bp').notNull(),
    subsidyBp: integer('subsidy_bp').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    maturityOn: date('maturity_on', { mode: 'string' }).notNull(),
    installments: jsonb('installments').$type<Installment[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('loan_schedules_case_rev_key').on(t.caseId, t.revision)],
);

export const loanRepayments = pgTable(
  'loan_repayments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** The installment (by due date) the payment is for. */
    dueDate: date('due_date', { mode: 'string' }),
    principalFen: bigint('principal_fen', { mode: 'number' }).notNull(),
    interestFen: bigint('interest_fen', { mode: 'number' }).notNull(),
    comment: text('comment'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByLogin: text('recorded_by_login').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('loan_repayments_case_idx').on(t.caseId, t.paidOn)],
);

/** 信用园区: parks whose tenants on the white list take the 绿色通道 (no 反担保). */
export const loanCreditParks = pgTable('loan_credit_parks', {
  parkOrgId: uuid('park_org_id')
    .primaryKey()
    .references(() => organisations.id),
  listedOn: date('listed_on', { mode: 'string' }).notNull(),
  document: text('document').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A bank's quarterly 贴息 claim for a county: due is the sum of its lines, paid never above it. */
export const subsidyClaims = pgTable(
  'subsidy_claims',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    quarter: text('quarter').notNull(),
    regionCode: text('region_code').notNull(),
    bankOrgId: uuid('bank_org_id')
      .notNull()
      .references(() => organisations.id),
    dueFen: bigint('due_fen', { mode: 'number' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('subsidy_claims_key').on(t.quarter, t.regionCode, t.bankOrgId)],
);

export const subsidyClaimLines = pgTable(
  'subsidy_claim_lines',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => subsidyClaims.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    regionCode: text('region_code').notNull(),
    dueFen: bigint('due_fen', { mode: 'number' }).notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('subsidy_claim_lines_key').on(t.claimId, t.caseId)],
);

export const subsidyClaimPayments = pgTable('subsidy_claim_payments', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  claimId: uuid('claim_id')
    .notNull()
    .references(() => subsidyClaims.id),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
  document: text('document').notNull(),
  byLogin: text('by_login').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Money put into a region's guarantee fund (担保基金), by source; 失业保险基金 with its preconditions. */
export const guaranteeFundDeposits = pgTable(
  'guarantee_fund_deposits',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    regionCode: text('region_code').notNull(),
    source: text('source').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    document: text('document').notNull(),
    preconditions: jsonb('preconditions'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('guarantee_fund_deposits_region_idx').on(t.regionCode)],
);
