import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { maskMobile } from '../../domain/identity/phone.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { encrypt, type Keys } from '../platform/crypto/keys.js';
import type { Db } from '../platform/db/client.js';
import { phoneIndex } from '../ledger/people/sealed.js';
import { people } from '../ledger/people/table.js';
import { portalAccounts } from '../portal/accounts/table.js';
import { DEMO_PASSWORD } from './foundation-data.js';

/**
 * The demo entrepreneur: a portal account already verified and linked to a 奉节县 person of the
 * demo ledger who qualifies for 创业担保贷款 (a migrant worker who has come back), so the portal's
 * loan pages can be shown without an officer confirming a profile first. Logs in with
 * {@link DEMO_ENTREPRENEUR_MOBILE} and the demo password. Idempotent.
 */
export const DEMO_ENTREPRENEUR_MOBILE = '13700000236';

export async function ensureDemoEntrepreneur(
  db: Db,
  keys: Keys,
  now: Date,
): Promise<string | null> {
  const bidx = phoneIndex(keys, DEMO_ENTREPRENEUR_MOBILE);
  const [existing] = await db
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(eq(portalAccounts.mobileBidx, bidx));
  if (existing) return existing.id;
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .leftJoin(portalAccounts, eq(portalAccounts.personId, people.id))
    .where(
      and(
        like(people.regionCode, '500236%'),
        sql`${people.categories} @> ARRAY['migrant_worker']::text[]`,
        inArray(people.status, ['returned', 'started']),
        sql`${portalAccounts.id} IS NULL`,
        sql`${people.mergedInto} IS NULL`,
      ),
    )
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(1);
  if (!person) return null;
  const [row] = await db
    .insert(portalAccounts)
    .values({
      mobileEnc: encrypt(keys, DEMO_ENTREPRENEUR_MOBILE),
      mobileBidx: bidx,
      mobileMask: maskMobile(DEMO_ENTREPRENEUR_MOBILE),
      passwordHash: await hashPassword(DEMO_PASSWORD),
      personId: person.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: portalAccounts.id });
  return row!.id;
}
