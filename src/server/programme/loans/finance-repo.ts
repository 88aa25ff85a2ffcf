import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { organisations } from '../../access/orgs/table.js';
import { cases } from '../cases/table.js';
import { regionRootsWhere } from '../cases/access.js';
import {
  guaranteeFundDeposits,
  loanRepayments,
  loanSchedules,
  subsidyClaimLines,
  subsidyClaimPayments,
  subsidyClaims,
} from './table.js';

/** SQL of 贴息 claims and the guarantee fund. */

export type ClaimRow = typeof subsidyClaims.$inferSelect;

/** Disbursed guarantee loans of a region with their current schedule and repayments. */
export async function loansForClaims(db: Executor, regionCode: string) {
  const rows = await db
    .select({
      caseId: cases.id,
      regionCode: cases.regionCode,
      routing: cases.routing,
      schedule: loanSchedules,
    })
    .from(cases)
    .innerJoin(loanSchedules, eq(loanSchedules.caseId, cases.id))
    .where(and(eq(cases.type, 'guarantee-loan'), regionRootsWhere([regionCode])))
    .orderBy(asc(cases.id), asc(loanSchedules.revision));
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) current.set(r.caseId, r); // the highest revision wins
  const ids = [...current.keys()];
  const pays = ids.length
    ? await db.select().from(loanRepayments).where(inArray(loanRepayments.caseId, ids))
    : [];
  return [...current.values()].map((r) => ({
    ...r,
    repayments: pays.filter((p) => p.caseId === r.caseId),
  }));
}

export async function findClaim(db: Executor, id: string) {
  const [row] = await db.select().from(subsidyClaims).where(eq(subsidyClaims.id, id));
  return row;
}

export async function claimExists(db: Executor, quarter: string, regionCode: string) {
  const [row] = await db
    .select({ id: subsidyClaims.id })
    .from(subsidyClaims)
    .where(and(eq(subsidyClaims.quarter, quarter), eq(subsidyClaims.regionCode, regionCode)));
  return row !== undefined;
}

export async function insertClaim(
  db: Executor,
  v: typeof subsidyClaims.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(subsidyClaims).values(v).returning({ id: subsidyClaims.id });
  return row!.id;
}

export async function insertClaimLines(
  db: Executor,
  v: (typeof subsidyClaimLines.$inferInsert)[],
): Promise<void> {
  if (v.length > 0) await db.insert(subsidyClaimLines).values(v);
}

export async function claimLines(db: Executor, claimId: string) {
  return db
    .select()
    .from(subsidyClaimLines)
    .where(eq(subsidyClaimLines.claimId, claimId))
    .orderBy(asc(subsidyClaimLines.caseId));
}

export async function claimPayments(db: Executor, claimId: string) {
  return db
    .select()
    .from(subsidyClaimPayments)
    .where(eq(subsidyClaimPayments.claimId, claimId))
    .orderBy(asc(subsidyClaimPayments.createdAt));
}

/** Adds to the claim's paid amount only while it stays within due (false otherwise). */
export async function addClaimPaid(db: Executor, id: string, amountFen: number): Promise<boolean> {
  const res = await db
    .update(subsidyClaims)
    .set({ paidFen: sql`${subsidyClaims.paidFen} + ${amountFen}` })
    .where(
      and(
        eq(subsidyClaims.id, id),
        sql`${subsidyClaims.paidFen} + ${amountFen} <= ${subsidyClaims.dueFen}`,
      ),
    )
    .returning({ id: subsidyClaims.id });
  return res.length === 1;
}

export async function setLinePaid(db: Executor, claimId: string, caseId: string, paidFen: number) {
  await db
    .update(subsidyClaimLines)
    .set({ paidFen })
    .where(and(eq(subsidyClaimLines.claimId, claimId), eq(subsidyClaimLines.caseId, caseId)));
}

export async function insertClaimPayment(
  db: Executor,
  v: typeof subsidyClaimPayments.$inferInsert,
): Promise<void> {
  await db.insert(subsidyClaimPayments).values(v);
}

/** Claims of regions within `roots` (optionally one quarter / bank / region). */
export async function listClaims(
  db: Executor,
  roots: string[],
  f: { quarter?: string | undefined; bankOrgId?: string | undefined; region?: string | undefined },
) {
  const prefixes = roots.map(regionPrefix);
  const within = sql.join(
    prefixes.map((p) => sql`${subsidyClaims.regionCode} LIKE ${`${p}%`}`),
    sql` OR `,
  );
  const conds = [roots.length ? sql`(${within})` : sql`false`];
  if (f.quarter) conds.push(eq(subsidyClaims.quarter, f.quarter));
  if (f.bankOrgId) conds.push(eq(subsidyClaims.bankOrgId, f.bankOrgId));
  if (f.region) conds.push(sql`${subsidyClaims.regionCode} LIKE ${`${regionPrefix(f.region)}%`}`);
  return db
    .select({ claim: subsidyClaims, bankName: organisations.name })
    .from(subsidyClaims)
    .innerJoin(organisations, eq(organisations.id, subsidyClaims.bankOrgId))
    .where(and(...conds))
    .orderBy(asc(subsidyClaims.quarter), asc(subsidyClaims.regionCode), asc(organisations.name));
}

export async function fundDeposits(db: Executor, regionCode: string) {
  return db
    .select()
    .from(guaranteeFundDeposits)
    .where(eq(guaranteeFundDeposits.regionCode, regionCode))
    .orderBy(asc(guaranteeFundDeposits.date));
}

export async function insertDeposit(
  db: Executor,
  v: typeof guaranteeFundDeposits.$inferInsert,
): Promise<string> {
  const [row] = await db
    .insert(guaranteeFundDeposits)
    .values(v)
    .returning({ id: guaranteeFundDeposits.id });
  return row!.id;
}

/** The portfolio a region's fund guarantees: loans with a schedule, their state and data. */
export async function guaranteedLoans(db: Executor, regionCode: string) {
  return db
    .select({
      caseId: cases.id,
      state: cases.state,
      data: cases.data,
      principalFen: loanSchedules.principalFen,
      revision: loanSchedules.revision,
    })
    .from(cases)
    .innerJoin(loanSchedules, eq(loanSchedules.caseId, cases.id))
    .where(and(eq(cases.type, 'guarantee-loan'), regionRootsWhere([regionCode])))
    .orderBy(asc(cases.id), asc(loanSchedules.revision));
}

export async function repaidPrincipal(
  db: Executor,
  caseIds: string[],
): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({
      caseId: loanRepayments.caseId,
      fen: sql<string>`sum(${loanRepayments.principalFen})`,
    })
    .from(loanRepayments)
    .where(inArray(loanRepayments.caseId, caseIds))
    .groupBy(loanRepayments.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.fen)]));
}
