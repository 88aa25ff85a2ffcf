import { and, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { organisations } from '../../access/orgs/table.js';
import { entities } from '../../ledger/entities/table.js';
import { people } from '../../ledger/people/table.js';
import { cases } from '../../programme/cases/table.js';
import { loanApplications } from '../../programme/loans/table.js';

/** The portal loan room's SQL: the applicant's own guarantee-loan files. */

const LOAN = 'guarantee-loan';

/** The borrower whose files an account sees: its person's and its represented enterprise's. */
export interface Borrower {
  personId: string;
  /** The enterprise the account keeps and represents (法定代表人), if any. */
  entityId: string | null;
}

/**
 * A file is the applicant's own when its person is theirs and no enterprise is named, or when
 * its enterprise is the one they represent.
 */
function ownFiles(b: Borrower): SQL {
  const personal = and(eq(cases.subjectPersonId, b.personId), isNull(cases.subjectEntityId));
  return (b.entityId ? or(personal, eq(cases.subjectEntityId, b.entityId)) : personal) as SQL;
}

/** The applicant's guarantee-loan files with their application, newest first. */
export async function myLoanCases(db: Executor, b: Borrower) {
  return db
    .select({ row: cases, app: loanApplications, bankName: organisations.name })
    .from(cases)
    .innerJoin(loanApplications, eq(loanApplications.caseId, cases.id))
    .leftJoin(organisations, eq(organisations.id, loanApplications.bankOrgId))
    .where(and(eq(cases.type, LOAN), ownFiles(b)))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(100);
}

export type MyLoanRow = Awaited<ReturnType<typeof myLoanCases>>[number];

/** One of the applicant's files, or undefined (someone else's is not found either). */
export async function myLoanCase(
  db: Executor,
  b: Borrower,
  caseId: string,
): Promise<MyLoanRow | undefined> {
  const [r] = await db
    .select({ row: cases, app: loanApplications, bankName: organisations.name })
    .from(cases)
    .innerJoin(loanApplications, eq(loanApplications.caseId, cases.id))
    .leftJoin(organisations, eq(organisations.id, loanApplications.bankOrgId))
    .where(and(eq(cases.id, caseId), eq(cases.type, LOAN), ownFiles(b)));
  return r;
}

/**
 * Open guarantee-loan files of the same borrower other than `exceptId` (an individual: their
 * personal files; an enterprise: the enterprise's). Called after locking the borrower's row.
 */
export async function openLoanCasesOf(
  db: Executor,
  borrower: { personId: string } | { entityId: string },
  exceptId: string,
): Promise<string[]> {
  const who =
    'entityId' in borrower
      ? eq(cases.subjectEntityId, borrower.entityId)
      : and(eq(cases.subjectPersonId, borrower.personId), isNull(cases.subjectEntityId));
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.type, LOAN), eq(cases.terminal, false), ne(cases.id, exceptId), who));
  return rows.map((r) => r.id);
}

/** Locks the borrower's ledger row, so two filings of the same borrower queue. */
export async function lockBorrower(
  tx: Executor,
  borrower: { personId: string } | { entityId: string },
): Promise<void> {
  if ('entityId' in borrower) {
    await tx
      .select({ id: entities.id })
      .from(entities)
      .where(eq(entities.id, borrower.entityId))
      .for('update');
  } else {
    await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, borrower.personId))
      .for('update');
  }
}

/** Names of organisations by id. */
export async function orgNameMap(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
