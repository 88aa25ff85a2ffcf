import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { ancestorCodes } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { perHandle } from '../../platform/db/prepared.js';
import { entities } from '../../ledger/entities/table.js';
import { organisations } from '../../access/orgs/table.js';
import { people } from '../../ledger/people/table.js';
import { regions } from '../../platform/regions/table.js';
import { regionRootsWhere } from './access.js';
import { caseAttachments, cases, caseTransitions } from './table.js';

/** The only place with the case tables' SQL. */

export type CaseRow = typeof cases.$inferSelect;
export type CaseTransitionRow = typeof caseTransitions.$inferSelect;
export type CaseAttachmentRow = typeof caseAttachments.$inferSelect;

/** A case with the names of its applicant and entity, as lists show it. */
export type CaseListRow = CaseRow & {
  subjectPersonName: string | null;
  subjectEntityName: string | null;
};

const listColumns = {
  row: cases,
  subjectPersonName: people.name,
  subjectEntityName: entities.name,
};

function withNames(r: {
  row: CaseRow;
  subjectPersonName: string | null;
  subjectEntityName: string | null;
}): CaseListRow {
  return {
    ...r.row,
    subjectPersonName: r.subjectPersonName,
    subjectEntityName: r.subjectEntityName,
  };
}

const findCaseStatement = perHandle((db) =>
  db
    .select(listColumns)
    .from(cases)
    .leftJoin(people, eq(people.id, cases.subjectPersonId))
    .leftJoin(entities, eq(entities.id, cases.subjectEntityId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('fx_find_case'),
);

/** One case with its applicant's names: every transition reads it, as a prepared statement. */
export async function findCase(db: Executor, id: string): Promise<CaseListRow | null> {
  const [r] = await findCaseStatement(db).execute({ id });
  return r ? withNames(r) : null;
}

export async function insertCase(tx: Executor, values: typeof cases.$inferInsert): Promise<string> {
  const [r] = await tx.insert(cases).values(values).returning({ id: cases.id });
  return r!.id;
}

export async function insertTransition(
  tx: Executor,
  values: typeof caseTransitions.$inferInsert,
): Promise<void> {
  await tx.execute(transitionInsert(tx, values));
}

/** The INSERT of a history entry, to be sent together with other writes. */
export function transitionInsert(tx: Executor, values: typeof caseTransitions.$inferInsert): SQL {
  return tx.insert(caseTransitions).values(values).getSQL();
}

/**
 * The UPDATE that moves a case on if, and only if, it is still at `version`: the optimistic
 * check that lets exactly one of two simultaneous decisions through (it touches no row when
 * someone was first).
 */
export function advanceCaseUpdate(
  tx: Executor,
  id: string,
  version: number,
  patch: Partial<typeof cases.$inferInsert>,
  dataPatch: Record<string, unknown>,
): SQL {
  return tx
    .update(cases)
    .set({
      ...patch,
      version: sql`${cases.version} + 1`,
      data: sql`${cases.data} || ${JSON.stringify(dataPatch)}::jsonb`,
    })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .getSQL();
}

/** A position in a queue: the sort key of the last row served. */
export interface QueueCursor {
  at: string;
  id: string;
}

/**
 * 待办 (or 超时 with `overdueOnly`): open cases whose current step belongs to one of `orgIds`, or
 * to region officers when the case lies under one of `regionRoots`; oldest step first.
 */
export async function queueOpen(
  db: Executor,
  q: {
    orgIds: string[];
    regionRoots: string[];
    type?: string | undefined;
    overdueOnly: boolean;
    after?: QueueCursor | undefined;
    limit: number;
  },
): Promise<CaseListRow[]> {
  const owners: SQL[] = [];
  if (q.orgIds.length > 0) owners.push(inArray(cases.ownerOrgId, q.orgIds));
  if (q.regionRoots.length > 0)
    owners.push(sql`(${cases.ownerRegion} AND ${regionRootsWhere(q.regionRoots)})`);
  if (owners.length === 0) return [];
  const where: SQL[] = [sql`NOT ${cases.terminal}`, sql`(${sql.join(owners, sql` OR `)})`];
  if (q.type) where.push(eq(cases.type, q.type));
  if (q.overdueOnly) where.push(eq(cases.deadlineStatus, 'overdue'));
  if (q.after)
    where.push(
      sql`(${cases.stateEnteredAt}, ${cases.id}) > (${q.after.at}::timestamptz, ${q.after.id}::uuid)`,
    );
  const rows = await db
    .select(listColumns)
    .from(cases)
    .leftJoin(people, eq(people.id, cases.subjectPersonId))
    .leftJoin(entities, eq(entities.id, cases.subjectEntityId))
    .where(and(...where))
    .orderBy(asc(cases.stateEnteredAt), asc(cases.id))
    .limit(q.limit);
  return rows.map(withNames);
}

/** 已办: cases the user has moved (or created) and may still read, most recent first. */
export async function queueDone(
  db: Executor,
  q: {
    userId: string;
    visible: SQL;
    type?: string | undefined;
    after?: QueueCursor | undefined;
    limit: number;
  },
): Promise<(CaseListRow & { lastActedAt: Date })[]> {
  const mine = db
    .select({
      caseId: caseTransitions.caseId,
      lastAt: sql<Date>`max(${caseTransitions.at})`.as('last_at'),
    })
    .from(caseTransitions)
    .where(eq(caseTransitions.actorUserId, q.userId))
    .groupBy(caseTransitions.caseId)
    .as('mine');
  const where: SQL[] = [q.visible];
  if (q.type) where.push(eq(cases.type, q.type));
  if (q.after)
    where.push(
      sql`(${mine.lastAt}, ${cases.id}) < (${q.after.at}::timestamptz, ${q.after.id}::uuid)`,
    );
  const rows = await db
    .select({ ...listColumns, lastAt: mine.lastAt })
    .from(mine)
    .innerJoin(cases, eq(cases.id, mine.caseId))
    .leftJoin(people, eq(people.id, cases.subjectPersonId))
    .leftJoin(entities, eq(entities.id, cases.subjectEntityId))
    .where(and(...where))
    .orderBy(desc(mine.lastAt), desc(cases.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...withNames(r), lastActedAt: new Date(r.lastAt) }));
}

const historyStatement = perHandle((db) =>
  db
    .select()
    .from(caseTransitions)
    .where(eq(caseTransitions.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseTransitions.version), asc(caseTransitions.at))
    .prepare('fx_case_history'),
);

export async function caseHistory(db: Executor, caseId: string): Promise<CaseTransitionRow[]> {
  return historyStatement(db).execute({ caseId });
}

const attachmentsStatement = perHandle((db) =>
  db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, sql.placeholder('caseId')))
    .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.id))
    .prepare('fx_case_attachments'),
);

export async function caseAttachmentList(
  db: Executor,
  caseId: string,
): Promise<CaseAttachmentRow[]> {
  return attachmentsStatement(db).execute({ caseId });
}

export async function findAttachment(
  db: Executor,
  caseId: string,
  id: string,
): Promise<CaseAttachmentRow | null> {
  const [r] = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, id)));
  return r ?? null;
}

/** Which of the given attachment ids have a row, with the storage key each row names. */
export async function attachmentKeys(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: caseAttachments.id, storageKey: caseAttachments.storageKey })
    .from(caseAttachments)
    .where(inArray(caseAttachments.id, ids));
  return new Map(rows.map((r) => [r.id, r.storageKey]));
}

export async function insertAttachment(
  tx: Executor,
  values: typeof caseAttachments.$inferInsert,
): Promise<CaseAttachmentRow> {
  const [r] = await tx.insert(caseAttachments).values(values).returning();
  return r!;
}

/** Names of organisations by id. */
const orgNamesStatement = perHandle((db) =>
  db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(sql`${organisations.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .prepare('fx_org_names'),
);

export async function orgNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await orgNamesStatement(db).execute({ ids });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOrgType(db: Executor, id: string): Promise<string | null> {
  const [r] = await db
    .select({ type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, id));
  return r?.type ?? null;
}

/**
 * The organisation of `type` nearest above (or at) `regionCode` — the county's guarantee agency
 * for a township's case; the oldest when a region has several; null when none.
 */
export async function nearestOrgOfType(
  db: Executor,
  regionCode: string,
  type: string,
): Promise<string | null> {
  const chain = [...ancestorCodes(regionCode), regionCode];
  const rows = await db
    .select({ id: organisations.id, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.type, type), inArray(organisations.regionCode, chain)))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
  for (const code of chain.reverse()) {
    const hit = rows.find((r) => r.regionCode === code);
    if (hit) return hit.id;
  }
  return null;
}

export async function regionExists(db: Executor, code: string): Promise<boolean> {
  const [r] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return r !== undefined;
}

export async function personExists(db: Executor, id: string): Promise<boolean> {
  const [r] = await db.select({ id: people.id }).from(people).where(eq(people.id, id));
  return r !== undefined;
}

export async function entityExists(db: Executor, id: string): Promise<boolean> {
  const [r] = await db.select({ id: entities.id }).from(entities).where(eq(entities.id, id));
  return r !== undefined;
}
