import { and, asc, eq, inArray } from 'drizzle-orm';
import { ancestorCodes } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { organisations } from '../../access/orgs/table.js';
import { entities } from '../../ledger/entities/table.js';
import { people } from '../../ledger/people/table.js';
import { loanApplications, loanCreditParks, loanRepayments, loanSchedules } from './table.js';

/** The only place with the loan tables' SQL. */

export type LoanApplicationRow = typeof loanApplications.$inferSelect;
export type LoanScheduleRow = typeof loanSchedules.$inferSelect;
export type LoanRepaymentRow = typeof loanRepayments.$inferSelect;

export async function findPersonForLoan(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: people.id,
      regionCode: people.regionCode,
      categories: people.categories,
      status: people.status,
    })
    .from(people)
    .where(eq(people.id, id));
  return row;
}

export async function findEntityForLoan(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: entities.id,
      regionCode: entities.regionCode,
      type: entities.type,
      employees: entities.employees,
      parkOrgId: entities.parkOrgId,
      mergedInto: entities.mergedInto,
    })
    .from(entities)
    .where(eq(entities.id, id));
  return row;
}

export async function isCreditPark(db: Executor, parkOrgId: string | null): Promise<boolean> {
  if (!parkOrgId) return false;
  const [row] = await db
    .select({ id: loanCreditParks.parkOrgId })
    .from(loanCreditParks)
    .where(eq(loanCreditParks.parkOrgId, parkOrgId));
  return row !== undefined;
}

export async function insertCreditPark(
  db: Executor,
  v: typeof loanCreditParks.$inferInsert,
): Promise<void> {
  await db.insert(loanCreditParks).values(v).onConflictDoNothing();
}

/** Banks at the region or above it (a township's file goes to the county's banks). */
export async function banksFor(db: Executor, regionCode: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      regionCode: organisations.regionCode,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, 'bank'),
        inArray(organisations.regionCode, [...ancestorCodes(regionCode), regionCode]),
      ),
    )
    .orderBy(asc(organisations.name));
}

export async function insertApplication(
  db: Executor,
  v: typeof loanApplications.$inferInsert,
): Promise<void> {
  await db.insert(loanApplications).values(v);
}

export async function findApplication(db: Executor, caseId: string) {
  const [row] = await db.select().from(loanApplications).where(eq(loanApplications.caseId, caseId));
  return row;
}

export async function findSchedules(db: Executor, caseId: string): Promise<LoanScheduleRow[]> {
  return db
    .select()
    .from(loanSchedules)
    .where(eq(loanSchedules.caseId, caseId))
    .orderBy(asc(loanSchedules.revision));
}

export async function insertSchedule(
  db: Executor,
  v: typeof loanSchedules.$inferInsert,
): Promise<void> {
  await db.insert(loanSchedules).values(v);
}

export async function findRepayments(db: Executor, caseId: string): Promise<LoanRepaymentRow[]> {
  return db
    .select()
    .from(loanRepayments)
    .where(eq(loanRepayments.caseId, caseId))
    .orderBy(asc(loanRepayments.paidOn), asc(loanRepayments.createdAt));
}

export async function insertRepayment(
  db: Executor,
  v: typeof loanRepayments.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(loanRepayments).values(v).returning({ id: loanRepayments.id });
  return row!.id;
}
