import { AppError } from '../../../domain/errors/codes.js';
import { parseCreditCode } from '../../../domain/identity/credit-code.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { queryTokens } from '../../../domain/text/search-tokens.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
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
  entityInScope,
  entityScopeWhere,
  regionInScope,
  requirePermission,
  scopeRoots,
} from '../../access/scope/scope.js';
import { readableEntity } from './access.js';
import type { EntityDetailViewT, EntityListQueryT, EntityViewT } from './contract.js';
import { linksOfEntity } from './link-repo.js';
import {
  countEntities,
  entityKeysetSort,
  type EntityFilter,
  listEntities as listEntityRows,
} from './list-repo.js';
import { entityCountSlots } from './list-total.js';
import { counterTotal, listRegions } from '../people/list-total.js';
import { presentEntity, presentEntityDetail } from './presenter.js';
import { entityMergedIntoIds, findEntity } from './repo.js';

const CREDIT_CODE_LIKE = /^[0-9A-Z]{18}$/;

/**
 * What a search box query asks for: an exact credit-code lookup when it is a whole code,
 * otherwise every Chinese bigram / word token of the text (no tokens: no text filter).
 *
 * @example
 * entityTextFilter('遮阳') // { tokens: ['遮阳'] }
 */
export function entityTextFilter(q: string): Pick<EntityFilter, 'tokens' | 'creditCode'> {
  const parsed = parseCreditCode(q.replace(/\s/g, ''));
  if (parsed.ok && CREDIT_CODE_LIKE.test(parsed.value.creditCode)) {
    return { creditCode: parsed.value.creditCode };
  }
  return { tokens: queryTokens(q) };
}

/** The counters' exact total of an entity list, or null when the counters do not hold it. */
async function entityCounterTotal(
  deps: AppDeps,
  actor: Actor,
  regions: readonly string[],
  query: EntityListQueryT,
): Promise<ListTotalT | null> {
  const parkGrants = actor.grants.some(
    (g) => g.scopeType === 'park' && g.permissions.has('entity.read'),
  );
  const slots = entityCountSlots({
    types: query.type,
    industry: query.industry,
    isWorkshop: query.isWorkshop,
    aboveScale: query.aboveScale,
    isEcommerce: query.isEcommerce,
    other:
      parkGrants ||
      query.q !== undefined ||
      query.parkOrgId !== undefined ||
      query.foundedFrom !== undefined ||
      query.foundedTo !== undefined,
  });
  if (!slots) return null;
  return counterTotal(deps.db, 'entities', regions, slots);
}

/**
 * Live entities within the actor's entity.read scope, filtered, searched, sorted and paged
 * (numbered pages up to 50, then the `next` cursor), with an exact or bounded total.
 */
export async function listEntities(
  deps: AppDeps,
  ctx: RequestContext,
  query: EntityListQueryT,
): Promise<ListPage<EntityViewT>> {
  const actor = requirePermission(ctx, 'entity.read');
  const filter: EntityFilter = {
    scope: entityScopeWhere(actor, 'entity.read'),
    regionPrefix: query.region ? regionPrefix(query.region) : undefined,
    types: query.type,
    isWorkshop: query.isWorkshop,
    industry: query.industry,
    aboveScale: query.aboveScale,
    isEcommerce: query.isEcommerce,
    parkOrgId: query.parkOrgId,
    foundedFrom: query.foundedFrom,
    foundedTo: query.foundedTo,
    ...(query.q ? entityTextFilter(query.q) : {}),
  };
  const order = query.order ?? (query.sort === 'updatedAt' ? 'desc' : 'asc');
  const { page: _page, pageSize: _size, after: _after, ...what } = query;
  const scope = actor.grants.map((g) => [g.scopeType, g.regionCode, g.orgId]);
  const fingerprint = listFingerprint(deps.keys, ['entities', actor.userId, scope, what, order]);
  const window = pageWindow(deps.keys, fingerprint, query);
  // The page and the counters' total side by side; else a short page's, else a bounded count.
  const regions = listRegions(scopeRoots(actor, 'entity.read'), query.region);
  const { rows, total } = await pageWithTotal(
    window,
    listEntityRows(deps, filter, window, entityKeysetSort(query.sort, order)),
    entityCounterTotal(deps, actor, regions, query),
    () =>
      countEntities(deps.db, filter, countBound(Boolean(query.q), deps.listCountBound), regions),
  );
  return toListPage(
    deps.keys,
    fingerprint,
    rows,
    total,
    query,
    (r) => ({ value: r.sortKey, id: r.id }),
    presentEntity,
  );
}

/** An entity with its linked people, read again (after a change, say). */
export async function entityDetail(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<EntityDetailViewT> {
  const row = await findEntity(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const links = await linksOfEntity(db, id);
  return presentEntityDetail(row, links, (rc) => regionInScope(actor, 'person.read', rc));
}

/**
 * One entity with its linked people; NOT_FOUND outside the actor's scope, RECORD_MERGED (404,
 * `details.mergedInto`) for an entity merged into another.
 */
export async function getEntity(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<EntityDetailViewT> {
  const actor = requirePermission(ctx, 'entity.read');
  await readableEntity(deps.db, actor, id);
  return entityDetail(deps.db, actor, id);
}

/** An entity's timeline, newest first, including every entity merged into it. */
export async function entityHistory(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  page: PageRequest,
): Promise<Paged<HistoryEntryViewT>> {
  const actor = requirePermission(ctx, 'entity.read');
  const row = await findEntity(deps.db, id);
  if (!row || !entityInScope(actor, 'entity.read', row)) throw new AppError('NOT_FOUND');
  const ids = [id, ...(await entityMergedIntoIds(deps.db, id))];
  return readTimeline(deps.db, 'entity', ids, page);
}
