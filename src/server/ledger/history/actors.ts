import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { entities } from '../entities/table.js';
import { people } from '../people/table.js';
import { portalAccounts } from '../../portal/accounts/table.js';
import { roles } from '../../access/roles/table.js';
import { roleAssignments, users } from '../../access/users/table.js';
import type { HistoryRow } from './repo.js';

/**
 * Who the actors of a page of history are and what the linked enterprises are called: the only
 * SQL the timeline needs besides the history itself. Officials are named with their roles;
 * entrepreneurs (portal accounts) by their ledger name, masked in the presenter.
 */

/** A console user: display name and role names (zh-CN, en) in the order granted. */
export interface UserActor {
  displayName: string;
  rolesZh: string[];
  rolesEn: string[];
}

/** A portal account: the ledger name of its person, and its masked mobile. */
export interface PortalActor {
  personName: string | null;
  mobileMask: string;
}

/** What the presenter needs to name the actors and linked enterprises of a page. */
export interface TimelineNames {
  users: Map<string, UserActor>;
  portal: Map<string, PortalActor>;
  entities: Map<string, string>;
}

function entityIdsOf(rows: HistoryRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    for (const c of r.changes) {
      if (c.field !== 'entities') continue;
      for (const v of [c.from, c.to]) {
        const id = (v as { entityId?: unknown } | null)?.entityId;
        if (typeof id === 'string') ids.add(id.toLowerCase());
      }
    }
  }
  return [...ids];
}

/** The names of the actors and linked enterprises in a page of history rows. */
export async function timelineNames(db: Executor, rows: HistoryRow[]): Promise<TimelineNames> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id) => id !== null))];
  const entityIds = entityIdsOf(rows);
  const out: TimelineNames = { users: new Map(), portal: new Map(), entities: new Map() };
  if (actorIds.length > 0) {
    const found = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, actorIds));
    for (const u of found)
      out.users.set(u.id, { displayName: u.displayName, rolesZh: [], rolesEn: [] });
    const granted = await db
      .select({ userId: roleAssignments.userId, zh: roles.nameZh, en: roles.nameEn })
      .from(roleAssignments)
      .innerJoin(roles, eq(roles.code, roleAssignments.roleCode))
      .where(inArray(roleAssignments.userId, actorIds))
      .orderBy(asc(roleAssignments.grantedAt), asc(roleAssignments.id));
    for (const g of granted) {
      const u = out.users.get(g.userId);
      if (u && !u.rolesZh.includes(g.zh)) {
        u.rolesZh.push(g.zh);
        u.rolesEn.push(g.en);
      }
    }
    const accounts = await db
      .select({
        id: portalAccounts.id,
        mobileMask: portalAccounts.mobileMask,
        personName: people.name,
      })
      .from(portalAccounts)
      .leftJoin(people, eq(people.id, portalAccounts.personId))
      .where(inArray(portalAccounts.id, actorIds));
    for (const a of accounts)
      out.portal.set(a.id, { personName: a.personName, mobileMask: a.mobileMask });
  }
  if (entityIds.length > 0) {
    const found = await db
      .select({ id: entities.id, name: entities.name })
      .from(entities)
      .where(inArray(entities.id, entityIds));
    for (const e of found) out.entities.set(e.id, e.name);
  }
  return out;
}
