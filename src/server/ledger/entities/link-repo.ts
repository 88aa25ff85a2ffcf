import { and, asc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { people } from '../people/table.js';
import { entities, entityLinks } from './table.js';

export type LinkRow = typeof entityLinks.$inferSelect;

/** The entities a person is linked to, by entity name. */
export function entitiesOfPerson(db: Executor, personId: string) {
  return db
    .select({
      linkId: entityLinks.id,
      entityId: entities.id,
      name: entities.name,
      role: entityLinks.role,
    })
    .from(entityLinks)
    .innerJoin(entities, eq(entities.id, entityLinks.entityId))
    .where(and(eq(entityLinks.personId, personId), isNull(entities.mergedInto)))
    .orderBy(asc(entities.name), asc(entityLinks.role), asc(entityLinks.id));
}

/** The people linked to an entity, with their masked ID number and ledger region. */
export function linksOfEntity(db: Executor, entityId: string) {
  return db
    .select({
      linkId: entityLinks.id,
      personId: people.id,
      name: people.name,
      idNumberMask: people.idNumberMask,
      personRegionCode: people.regionCode,
      role: entityLinks.role,
    })
    .from(entityLinks)
    .innerJoin(people, eq(people.id, entityLinks.personId))
    .where(eq(entityLinks.entityId, entityId))
    .orderBy(asc(entityLinks.createdAt), asc(entityLinks.id));
}

export type EntityLinkRow = Awaited<ReturnType<typeof linksOfEntity>>[number];

/** Inserts links; identical ones (same entity, person and role) are skipped. */
export async function insertLinks(
  db: Executor,
  rows: (typeof entityLinks.$inferInsert)[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const done = await db
    .insert(entityLinks)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: entityLinks.id });
  return done.map((r) => r.id);
}

/** One link of one entity. */
export async function findLink(
  db: Executor,
  entityId: string,
  linkId: string,
): Promise<LinkRow | undefined> {
  const [row] = await db
    .select()
    .from(entityLinks)
    .where(and(eq(entityLinks.id, linkId), eq(entityLinks.entityId, entityId)));
  return row;
}

/** Deletes links by id. */
export async function deleteLinks(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(entityLinks).where(inArray(entityLinks.id, ids));
}

const other = alias(entityLinks, 'other_link');

/** The end of a link that a merge moves (the person's or the entity's). */
type LinkEnd = 'personId' | 'entityId';

/**
 * Moves every link at one end (`fromId`) to another record (`toId`). A link the survivor already
 * has (same record at the other end, same role) is dropped rather than doubled.
 */
async function moveLinks(
  db: Executor,
  end: LinkEnd,
  fromId: string,
  toId: string,
): Promise<{ moved: number; dropped: number }> {
  const far: LinkEnd = end === 'personId' ? 'entityId' : 'personId';
  const twin = db
    .select({ one: sql`1` })
    .from(other)
    .where(
      and(eq(other[end], toId), eq(other[far], entityLinks[far]), eq(other.role, entityLinks.role)),
    );
  const dropped = await db
    .delete(entityLinks)
    .where(and(eq(entityLinks[end], fromId), exists(twin)))
    .returning({ id: entityLinks.id });
  const moved = await db
    .update(entityLinks)
    .set(end === 'personId' ? { personId: toId } : { entityId: toId })
    .where(eq(entityLinks[end], fromId))
    .returning({ id: entityLinks.id });
  return { moved: moved.length, dropped: dropped.length };
}

/** Moves every link of one person to another (merge); see {@link moveLinks}. */
export function movePersonLinks(db: Executor, fromId: string, toId: string) {
  return moveLinks(db, 'personId', fromId, toId);
}

/** Moves every link of one entity to another (merge); see {@link moveLinks}. */
export function moveEntityLinks(db: Executor, fromId: string, toId: string) {
  return moveLinks(db, 'entityId', fromId, toId);
}
