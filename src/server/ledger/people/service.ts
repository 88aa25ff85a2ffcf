import { AppError } from '../../../domain/errors/codes.js';
import { toHalfWidthTrimmed } from '../../../domain/identity/normalise.js';
import { parseMobile } from '../../../domain/identity/phone.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { queryTokens } from '../../../domain/text/search-tokens.js';
import type { Keys } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { entitiesOfPerson } from '../entities/link-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import { type PageRequest, type Paged } from '../../platform/http/paging.js';
import {
  countBound,
  type ListPage,
  listFingerprint,
  type ListTotalT,
  pageWindow,
  toListPage,
  pageWithTotal,
} from '../../platform/http/list-paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import type { HistoryEntryViewT } from '../history/contract.js';
import { readTimeline } from '../history/service.js';
import {
  regionInScope,
  regionScopeWhere,
  requirePermission,
  scopeRoots,
} from '../../access/scope/scope.js';
import { readablePerson } from './access.js';
import type { PersonDetailViewT, PersonListQueryT, PersonViewT } from './contract.js';
import {
  countPeople,
  listPeople as listPeopleRows,
  personKeysetSort,
  type PersonFilter,
} from './list-repo.js';
import { counterTotal, listRegions, personCountSlots } from './list-total.js';
import { presentPerson, presentPersonDetail } from './presenter.js';
import { findPerson, listConsents, mergedIntoIds } from './repo.js';
import { idNumberIndex, phoneIndex } from './sealed.js';

const ID_NUMBER_LIKE = /^\d{17}[\dX]$/;

/**
 * What a search box query asks for: an exact lookup by blind index when it is a whole ID number
 * or mobile number (the number itself never reaches SQL or a log), otherwise every Chinese
 * bigram / word token of the text. No tokens means no text filter.
 *
 * @example
 * personTextFilter(keys, '返乡创业') // { tokens: ['乡创', '创业', '返乡'] }
 */
export function personTextFilter(
  keys: Keys,
  q: string,
): Pick<PersonFilter, 'tokens' | 'idNumberBidx' | 'phoneBidx'> {
  const compact = toHalfWidthTrimmed(q).replace(/[\s-]/g, '').toUpperCase();
  if (ID_NUMBER_LIKE.test(compact)) return { idNumberBidx: idNumberIndex(keys, compact) };
  const mobile = parseMobile(q);
  if (mobile.ok) return { phoneBidx: phoneIndex(keys, mobile.value) };
  return { tokens: queryTokens(q) };
}

/** The counters' exact total of a people list, or null when the counters do not hold it. */
async function personCounterTotal(
  deps: AppDeps,
  regions: readonly string[],
  query: PersonListQueryT,
): Promise<ListTotalT | null> {
  const slots = personCountSlots({
    categories: query.category,
    statuses: query.status,
    other:
      query.q !== undefined ||
      Boolean(query.education?.length) ||
      query.returnedFrom !== undefined ||
      query.returnedTo !== undefined,
  });
  if (!slots) return null;
  return counterTotal(deps.db, 'people', regions, slots);
}

/**
 * Live people within the actor's person.read scope, filtered, searched, sorted and paged: by
 * number up to page 50, then after the `next` cursor; the total exact from the counters or a
 * short page, else counted up to a bound ("10,000+", or "1,000+" for a search).
 */
export async function listPeople(
  deps: AppDeps,
  ctx: RequestContext,
  query: PersonListQueryT,
): Promise<ListPage<PersonViewT>> {
  const actor = requirePermission(ctx, 'person.read');
  const roots = scopeRoots(actor, 'person.read');
  const filter: PersonFilter = {
    scope: (column) => regionScopeWhere(actor, 'person.read', column),
    regionPrefix: query.region ? regionPrefix(query.region) : undefined,
    categories: query.category,
    statuses: query.status,
    educations: query.education,
    returnedFrom: query.returnedFrom,
    returnedTo: query.returnedTo,
    ...(query.q ? personTextFilter(deps.keys, query.q) : {}),
  };
  const order = query.order ?? (query.sort === 'updatedAt' ? 'desc' : 'asc');
  const { page: _page, pageSize: _size, after: _after, ...what } = query;
  const fingerprint = listFingerprint(deps.keys, ['people', actor.userId, roots, what, order]);
  const window = pageWindow(deps.keys, fingerprint, query);
  const sort = personKeysetSort(query.sort, order);
  // The page and the counters' total side by side (two pool connections on PostgreSQL); what
  // the counters do not hold, a short page tells, else a count up to the bound.
  const regions = listRegions(roots, query.region);
  const { rows, total } = await pageWithTotal(
    window,
    listPeopleRows(deps, filter, window, sort),
    personCounterTotal(deps, regions, query),
    () => countPeople(deps.db, filter, countBound(Boolean(query.q), deps.listCountBound), regions),
  );
  return toListPage(
    deps.keys,
    fingerprint,
    rows,
    total,
    query,
    (r) => ({ value: r.sortKey, id: r.id }),
    presentPerson,
  );
}

/** A person with linked entities and consents, read again (after a change, say). */
export async function personDetail(db: Executor, id: string): Promise<PersonDetailViewT> {
  const row = await findPerson(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [links, consents] = [await entitiesOfPerson(db, id), await listConsents(db, id)];
  return presentPersonDetail(row, links, consents);
}

/**
 * One person with linked entities and consents; NOT_FOUND outside the actor's scope, and
 * RECORD_MERGED (404, `details.mergedInto`) for a record merged into another.
 */
export async function getPerson(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<PersonDetailViewT> {
  const actor = requirePermission(ctx, 'person.read');
  await readablePerson(deps.db, actor, id);
  return personDetail(deps.db, id);
}

/**
 * A person's timeline, newest first, including the history of every record merged into it. A
 * merged-away record's own timeline stays readable by its id.
 */
export async function personHistory(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  page: PageRequest,
): Promise<Paged<HistoryEntryViewT>> {
  const actor = requirePermission(ctx, 'person.read');
  const row = await findPerson(deps.db, id);
  if (!row || !regionInScope(actor, 'person.read', row.regionCode)) {
    throw new AppError('NOT_FOUND');
  }
  const ids = [id, ...(await mergedIntoIds(deps.db, id))];
  return readTimeline(deps.db, 'person', ids, page);
}
