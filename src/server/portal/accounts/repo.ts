import { and, desc, eq, gte, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { portalAccounts, portalSessions, portalSmsCodes } from './table.js';

/** The only SQL of the portal's own tables (the ledger is written through its write models). */

export type AccountRow = typeof portalAccounts.$inferSelect;
export type PortalSessionRow = typeof portalSessions.$inferSelect;
export type SmsCodeRow = typeof portalSmsCodes.$inferSelect;

export async function findAccountByMobileIndex(
  db: Executor,
  bidx: string,
): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(portalAccounts).where(eq(portalAccounts.mobileBidx, bidx));
  return row;
}

/** One account, locked for update when inside a transaction that will change it. */
export async function findAccount(
  db: Executor,
  id: string,
  lock = false,
): Promise<AccountRow | undefined> {
  const q = db.select().from(portalAccounts).where(eq(portalAccounts.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The account other than `exceptId` that speaks for a ledger person, if any. */
export async function findAccountOfPerson(
  db: Executor,
  personId: string,
  exceptId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(and(eq(portalAccounts.personId, personId), ne(portalAccounts.id, exceptId)));
  return row;
}

export async function insertAccount(
  db: Executor,
  row: typeof portalAccounts.$inferInsert,
): Promise<string> {
  const [created] = await db
    .insert(portalAccounts)
    .values(row)
    .returning({ id: portalAccounts.id });
  if (!created) throw new Error('account insert returned nothing');
  return created.id;
}

export async function updateAccount(
  db: Executor,
  id: string,
  set: Partial<typeof portalAccounts.$inferInsert>,
): Promise<void> {
  await db.update(portalAccounts).set(set).where(eq(portalAccounts.id, id));
}

/** A live (not revoked) portal session and its account, by token hash. */
export async function findSessionByToken(
  db: Executor,
  tokenHash: string,
): Promise<{ session: PortalSessionRow; account: AccountRow } | undefined> {
  const [row] = await db
    .select({ session: portalSessions, account: portalAccounts })
    .from(portalSessions)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalSessions.accountId))
    .where(and(eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.revokedAt)));
  return row;
}

export async function insertSession(
  db: Executor,
  row: typeof portalSessions.$inferInsert,
): Promise<string> {
  const [created] = await db
    .insert(portalSessions)
    .values(row)
    .returning({ id: portalSessions.id });
  if (!created) throw new Error('session insert returned nothing');
  return created.id;
}

export async function sessionCsrf(db: Executor, id: string): Promise<string> {
  const [row] = await db
    .select({ csrf: portalSessions.csrfToken })
    .from(portalSessions)
    .where(eq(portalSessions.id, id));
  return row?.csrf ?? '';
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(portalSessions).set({ lastSeenAt: at }).where(eq(portalSessions.id, id));
}

export async function revokeSession(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .update(portalSessions)
    .set({ revokedAt: at })
    .where(and(eq(portalSessions.id, id), isNull(portalSessions.revokedAt)));
}

/** Ends every live session of an account (lock-out). */
export async function revokeAccountSessions(db: Executor, accountId: string, at: Date) {
  await db
    .update(portalSessions)
    .set({ revokedAt: at })
    .where(and(eq(portalSessions.accountId, accountId), isNull(portalSessions.revokedAt)));
}

/** Codes sent to a number since a moment, newest first (pacing and the daily cap). */
export function codesSince(db: Executor, bidx: string, since: Date): Promise<SmsCodeRow[]> {
  return db
    .select()
    .from(portalSmsCodes)
    .where(and(eq(portalSmsCodes.mobileBidx, bidx), gte(portalSmsCodes.createdAt, since)))
    .orderBy(desc(portalSmsCodes.createdAt));
}

/** The newest code for a number and purpose, locked, whatever its state. */
export async function latestCode(
  db: Executor,
  bidx: string,
  purpose: string,
): Promise<SmsCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(portalSmsCodes)
    .where(and(eq(portalSmsCodes.mobileBidx, bidx), eq(portalSmsCodes.purpose, purpose)))
    .orderBy(desc(portalSmsCodes.createdAt))
    .limit(1)
    .for('update');
  return row;
}

export async function insertCode(
  db: Executor,
  row: typeof portalSmsCodes.$inferInsert,
): Promise<void> {
  await db.insert(portalSmsCodes).values(row);
}

export async function updateCode(
  db: Executor,
  id: string,
  set: Partial<typeof portalSmsCodes.$inferInsert>,
): Promise<void> {
  await db.update(portalSmsCodes).set(set).where(eq(portalSmsCodes.id, id));
}
