import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { organisations } from '../orgs/table.js';
import { roles } from '../roles/table.js';
import { users } from '../users/table.js';
import { grantRequests } from './table.js';

/** A grant request with the names a reviewer needs. */
export interface GrantRequestRecord {
  id: string;
  userId: string;
  userLogin: string;
  userDisplayName: string;
  roleCode: string;
  roleNameZh: string;
  roleNameEn: string;
  permissions: string[];
  scopeType: string;
  scopeRegion: string | null;
  scopeOrgId: string | null;
  orgName: string | null;
  regionCode: string;
  status: string;
  requestedBy: string;
  requestedByLogin: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByLogin: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function selectRecords(db: Executor) {
  return db
    .select({
      id: grantRequests.id,
      userId: grantRequests.userId,
      userLogin: users.login,
      userDisplayName: users.displayName,
      roleCode: grantRequests.roleCode,
      roleNameZh: roles.nameZh,
      roleNameEn: roles.nameEn,
      permissions: roles.permissions,
      scopeType: grantRequests.scopeType,
      scopeRegion: grantRequests.scopeRegion,
      scopeOrgId: grantRequests.scopeOrgId,
      orgName: organisations.name,
      regionCode: grantRequests.regionCode,
      status: grantRequests.status,
      requestedBy: grantRequests.requestedBy,
      requestedByLogin: requester.login,
      requestedAt: grantRequests.requestedAt,
      decidedBy: grantRequests.decidedBy,
      decidedByLogin: decider.login,
      decidedAt: grantRequests.decidedAt,
      reason: grantRequests.reason,
    })
    .from(grantRequests)
    .innerJoin(users, eq(users.id, grantRequests.userId))
    .innerJoin(roles, eq(roles.code, grantRequests.roleCode))
    .leftJoin(organisations, eq(organisations.id, grantRequests.scopeOrgId))
    .leftJoin(requester, eq(requester.id, grantRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, grantRequests.decidedBy));
}

/** One request by id. */
export async function findGrantRequest(
  db: Executor,
  id: string,
): Promise<GrantRequestRecord | undefined> {
  const [row] = await selectRecords(db).where(eq(grantRequests.id, id));
  return row;
}

/** One page of requests, newest first, with the total. */
export async function listGrantRequests(
  db: Executor,
  where: SQL,
  p: PageRequest,
): Promise<{ rows: GrantRequestRecord[]; total: number }> {
  const rows = await selectRecords(db)
    .where(where)
    .orderBy(desc(grantRequests.requestedAt), desc(grantRequests.id))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(grantRequests, where);
  return { rows, total };
}

/** A user's requests still waiting for a decision, oldest first. */
export function pendingRequestsOf(db: Executor, userId: string): Promise<GrantRequestRecord[]> {
  return selectRecords(db)
    .where(and(eq(grantRequests.userId, userId), eq(grantRequests.status, 'pending')))
    .orderBy(grantRequests.requestedAt, grantRequests.id);
}

/** Inserts a pending request, returning its id. */
export async function insertGrantRequest(
  db: Executor,
  row: typeof grantRequests.$inferInsert,
): Promise<string> {
  const [created] = await db.insert(grantRequests).values(row).returning({ id: grantRequests.id });
  if (!created) throw new Error('grant request insert returned nothing');
  return created.id;
}

/** Decides a request only if it is still pending; false when someone decided it first. */
export async function decideGrantRequest(
  db: Executor,
  id: string,
  set: Pick<
    typeof grantRequests.$inferInsert,
    'status' | 'decidedBy' | 'decidedAt' | 'reason' | 'assignmentId'
  >,
): Promise<boolean> {
  const done = await db
    .update(grantRequests)
    .set(set)
    .where(and(eq(grantRequests.id, id), eq(grantRequests.status, 'pending')))
    .returning({ id: grantRequests.id });
  return done.length > 0;
}

/** The scope columns a request is matched on: region subtree. */
export const grantRequestRegion = grantRequests.regionCode;
