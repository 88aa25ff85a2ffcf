import { AppError } from '../../../domain/errors/codes.js';
import {
  ancestorCodes,
  isWithin,
  REGION_LEVELS,
  regionPrefix,
} from '../../../domain/regions/region-code.js';
import { isPinyinQuery } from '../../../domain/text/pinyin.js';
import type { RequestContext } from '../http/context.js';
import { pageOffset, toPage, type Paged, type PageRequest } from '../http/paging.js';
import type { AppDeps } from '../http/types.js';
import { requirePermission, scopeRoots } from '../../access/scope/scope.js';
import {
  RegionPage,
  type RegionPathViewT,
  type RegionSearchQueryT,
  type RegionViewT,
} from './contract.js';
import { presentRegion, presentRegionPath } from './presenter.js';
import {
  findRegion,
  findRegionNames,
  listChildren,
  type RegionMatch,
  type RegionRow,
  searchRegions as searchRegionRows,
} from './repo.js';

/**
 * How an actor reaches a region: `within` one of their scope roots, or `above` them (an
 * ancestor of a root, shown so paths and cascaders can lead down to the scope). Anything else
 * is invisible and answers NOT_FOUND, like a code that does not exist.
 */
type Reach = 'within' | 'above';

function reachOf(roots: string[], code: string): Reach | null {
  if (roots.some((root) => isWithin(code, root))) return 'within';
  if (roots.some((root) => isWithin(root, code))) return 'above';
  return null;
}

/** Scope roots for `region.read` and the actor's reach to `code`; NOT_FOUND when out of reach. */
function reachOrNotFound(ctx: RequestContext, code: string): { roots: string[]; reach: Reach } {
  const actor = requirePermission(ctx, 'region.read');
  const roots = scopeRoots(actor, 'region.read');
  const reach = reachOf(roots, code);
  if (!reach) throw new AppError('NOT_FOUND');
  return { roots, reach };
}

/**
 * The children of `code` that lead from it down to the roots below it: for each root under
 * `code`, the next code on the root's chain of ancestors.
 *
 * @example
 * childrenTowardRoots(['500236128000'], '500200000000') // ['500236000000']
 */
function childrenTowardRoots(roots: string[], code: string): string[] {
  const out = new Set<string>();
  for (const root of roots) {
    if (root === code) continue;
    const chain = [...ancestorCodes(root), root];
    const i = chain.indexOf(code);
    const next = i >= 0 ? chain[i + 1] : undefined;
    if (next) out.add(next);
  }
  return [...out].sort();
}

/** One region the actor may see. Refuses with NOT_FOUND when unknown or out of reach. */
export async function getRegion(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
): Promise<RegionViewT> {
  reachOrNotFound(ctx, code);
  const row = deps.regionTree?.find(code) ?? (await findRegion(deps.db, code));
  if (!row) throw new AppError('NOT_FOUND');
  return presentRegion(row);
}

/**
 * One page of a region's children, ordered by code. Above the actor's scope only the children
 * on the way down to it are listed; within it, all of them.
 */
export async function getRegionChildren(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  page: PageRequest,
): Promise<Paged<RegionViewT>> {
  const { roots, reach } = reachOrNotFound(ctx, code);
  const only = reach === 'within' ? null : childrenTowardRoots(roots, code);
  const held = deps.regionTree?.children(code);
  if (held) return pageOfHeld(only ? held.filter((r) => only.includes(r.code)) : held, page);
  const { rows, total } = await listChildren(deps.db, code, only, page);
  if (total === 0 && !(await findRegion(deps.db, code))) throw new AppError('NOT_FOUND');
  return toPage(rows, total, page, presentRegion);
}

/**
 * {@link getRegionChildren}'s answer as JSON text, kept with the division tree in memory (the
 * same scope check runs on every request; the text depends only on the code, the page and,
 * above the actor's scope, the children on the way down). Null when the tree does not hold
 * the children: answer with getRegionChildren.
 */
export function regionChildrenBody(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  page: PageRequest,
): string | null {
  const tree = deps.regionTree;
  if (!tree) return null;
  const { roots, reach } = reachOrNotFound(ctx, code);
  const only = reach === 'within' ? null : childrenTowardRoots(roots, code);
  const key = `children|${code}|${page.page}|${page.pageSize}|${only?.join(',') ?? '*'}`;
  return tree.body(key, () => {
    const held = tree.children(code);
    if (!held) return null;
    const answer = pageOfHeld(only ? held.filter((r) => only.includes(r.code)) : held, page);
    return JSON.stringify(RegionPage.parse(answer));
  });
}

/** One page of children held in memory (src/server/platform/regions/region-tree.ts). */
function pageOfHeld(rows: RegionRow[], page: PageRequest): Paged<RegionViewT> {
  const start = pageOffset(page);
  return toPage(rows.slice(start, start + page.pageSize), rows.length, page, presentRegion);
}

/**
 * A region's path root first, e.g. `重庆市 / 奉节县 / 兴隆镇`, from its ancestor codes and one
 * primary-key lookup. Every ancestor of a visible region is visible.
 */
export async function getRegionPath(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
): Promise<RegionPathViewT> {
  reachOrNotFound(ctx, code);
  const chain = [...ancestorCodes(code), code];
  const rows = deps.regionTree?.names(chain) ?? (await findRegionNames(deps.db, chain));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  if (!byCode.has(code)) throw new AppError('NOT_FOUND');
  const ordered = chain.flatMap((c) => {
    const row = byCode.get(c);
    return row ? [row] : [];
  });
  return presentRegionPath(code, ordered);
}

/**
 * Reads a search text: latin letters (spaces ignored) are pinyin or its initials, digits a code
 * prefix, anything else part of a Chinese name.
 *
 * @example
 * regionMatch('Feng Jie') // { kind: 'pinyin', key: 'fengjie' }
 */
function regionMatch(q: string | undefined): RegionMatch {
  if (q === undefined || q === '') return { kind: 'all' };
  const compact = q.replace(/\s+/g, '');
  if (isPinyinQuery(compact)) return { kind: 'pinyin', key: compact.toLowerCase() };
  if (/^\d{1,12}$/.test(compact)) return { kind: 'code', prefix: compact };
  return { kind: 'name', text: q };
}

/**
 * Searches regions within the actor's scope by Chinese name (partial), pinyin or initials
 * (prefix) or code prefix, optionally by level and under a region. Exact matches come first,
 * then higher levels, then by code. Each result carries its path name, so two 兴隆镇 can be
 * told apart.
 */
export async function searchRegions(
  deps: AppDeps,
  ctx: RequestContext,
  query: RegionSearchQueryT,
): Promise<Paged<RegionViewT>> {
  const actor = requirePermission(ctx, 'region.read');
  const { rows, total } = await searchRegionRows(
    deps.db,
    {
      actor,
      match: regionMatch(query.q),
      level: query.level === undefined ? undefined : REGION_LEVELS.indexOf(query.level),
      withinPrefix: query.within === undefined ? undefined : regionPrefix(query.within),
    },
    query,
  );
  return toPage(rows, total, query, presentRegion);
}
