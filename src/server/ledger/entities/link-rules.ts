import { AppError } from '../../../domain/errors/codes.js';
import type { Executor } from '../../platform/db/client.js';
import type { HistoryEvent } from '../history/service.js';
import { findLivePeople } from '../people/repo.js';
import { findOrgType } from './repo.js';

/** Rules for what an entity may point at: its park and the people linked to it. */

/** A link as history and checks see it (stored roles are plain strings). */
export type Link = { personId: string; role: string };

/** A park must be an organisation of type park (PARK_INVALID otherwise). */
export async function assertPark(
  tx: Executor,
  parkOrgId: string | null | undefined,
): Promise<void> {
  if (!parkOrgId) return;
  if ((await findOrgType(tx, parkOrgId)) !== 'park') {
    throw new AppError('PARK_INVALID', { parkOrgId, field: 'body.parkOrgId' });
  }
}

/**
 * Linked people must exist, not be merged away, and lie where the caller may read them;
 * LINKED_PERSON_NOT_FOUND names the first that does not.
 */
export async function assertLinkable(
  tx: Executor,
  links: Link[],
  canLink: (personRegionCode: string) => boolean = () => true,
): Promise<void> {
  const found = await findLivePeople(tx, [...new Set(links.map((l) => l.personId))]);
  const region = new Map(found.map((p) => [p.id.toLowerCase(), p.regionCode]));
  links.forEach((l, i) => {
    const rc = region.get(l.personId.toLowerCase());
    if (rc === undefined || !canLink(rc)) {
      throw new AppError('LINKED_PERSON_NOT_FOUND', {
        personId: l.personId,
        field: `body.links.${i}.personId`,
      });
    }
  });
}

/** `link` / `unlink` entries on each person whose link to the entity changed. */
export function personLinkEvents(entityId: string, added: Link[], removed: Link[]): HistoryEvent[] {
  const event = (l: Link, action: 'link' | 'unlink'): HistoryEvent => ({
    objectType: 'person',
    objectId: l.personId,
    action,
    changes: [
      {
        field: 'entities',
        from: action === 'link' ? null : { entityId, role: l.role },
        to: action === 'link' ? { entityId, role: l.role } : null,
      },
    ],
    context: { entityId, role: l.role },
  });
  return [...added.map((l) => event(l, 'link')), ...removed.map((l) => event(l, 'unlink'))];
}
