import { AppError } from '../../../domain/errors/codes.js';
import {
  indicator as indicatorDef,
  INDICATOR_CODES,
  type IndicatorCode,
} from '../../../domain/indicators/indicators.js';
import { cstDate, timeElapsedPct } from '../../../domain/indicators/periods.js';
import {
  fillRemainder,
  type SplitBasis,
  splitDecimals,
} from '../../../domain/indicators/target-split.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { assertRegionInScope, requirePermission } from '../../access/scope/scope.js';
import { indicatorFigure, loadTotals, reportWindow, type TotalsIndex } from '../stats/figures.js';
import {
  findReportRegion,
  type ReportRegion,
  reportChildren,
  reportParent,
} from '../stats/regions.js';
import { counterSource } from '../stats/repo.js';
import type {
  PutTargetBodyT,
  SplitTargetBodyT,
  TargetListQueryT,
  TargetParamsT,
  TargetSheetT,
  TargetViewT,
} from './contract.js';
import { presentTarget } from './presenter.js';
import { findTarget, findTargets, type Target, upsertTarget } from './repo.js';

/**
 * Annual targets: set by the leading-group office of a region (target.manage), split down to
 * the regions directly below, read beside the actual figures by everyone with stats.read.
 *
 * The rule kept on every write: the targets of a region's children never add up to more than
 * the region's own target (a split that would exceed it is refused with TARGET_SPLIT_EXCEEDS,
 * a target below what is already split is refused with TARGET_BELOW_CHILDREN). Splitting less
 * than the whole is allowed and shown as `unallocated`. Placeholder levels (市辖区, 县) are
 * skipped: 重庆市's target is split to its districts and counties.
 */

const cents = (v: number) => Math.round(v * 100);
const sum = (ts: Target[]) => ts.reduce((n, t) => n + cents(t.value), 0) / 100;

async function regionOr404(db: Executor, code: string): Promise<ReportRegion> {
  const region = await findReportRegion(db, code);
  if (!region) throw new AppError('REGION_NOT_FOUND', { code });
  return region;
}

/** Builds the view of the targets of `codes` at `region`, with actuals as of today. */
async function targetItems(
  deps: AppDeps,
  region: ReportRegion,
  year: number,
  asOf: string,
  only?: IndicatorCode,
): Promise<TargetViewT[]> {
  const children = await reportChildren(deps.db, region.code);
  const codes = [region.code, ...children.map((c) => c.code)];
  const stored = await findTargets(deps.db, codes, year, only);
  const indicators = INDICATOR_CODES.filter((c) =>
    only ? c === only : stored.some((t) => t.indicator === c),
  );
  if (indicators.length === 0) return [];
  const w = reportWindow(year, asOf);
  const totals = await loadTotals(counterSource(deps.db), codes, indicators, w);
  const lastYear = await loadTotals(
    counterSource(deps.db),
    codes,
    indicators,
    lastYearWindow(year),
  );
  const elapsed = timeElapsedPct(year, asOf);
  return indicators.map((code) =>
    presentTarget({
      region,
      children,
      year,
      def: indicatorDef(code),
      targets: stored.filter((t) => t.indicator === code),
      totals,
      lastYear,
      elapsed,
    }),
  );
}

/** Last year as it closed: the window of `year − 1` as of its 31 December. */
function lastYearWindow(year: number) {
  return reportWindow(year - 1, `${year - 1}-12-31`);
}

/**
 * The weight of each of `codes` for a split basis: last year's actual, or the current base (the
 * cumulative level as of `asOf`); all 1 for an even split.
 */
async function basisWeights(
  tx: Executor,
  codes: string[],
  p: TargetParamsT,
  basis: SplitBasis,
  asOf: string,
): Promise<number[]> {
  if (basis === 'even' || codes.length === 0) return codes.map(() => 1);
  const def = indicatorDef(p.indicator);
  const w = basis === 'last_year' ? lastYearWindow(p.year) : reportWindow(p.year, asOf);
  const totals: TotalsIndex = await loadTotals(counterSource(tx), codes, [p.indicator], w);
  return codes.map((c) => {
    const f = indicatorFigure(def, totals.get(c, def.series));
    return basis === 'last_year' ? f.actual : f.cumulative;
  });
}

/** A region's targets for a year with their split to the regions below and the progress of each. */
export async function targetSheet(
  deps: AppDeps,
  ctx: RequestContext,
  query: TargetListQueryT,
): Promise<TargetSheetT> {
  const actor = requirePermission(ctx, 'stats.read');
  assertRegionInScope(actor, 'stats.read', query.region);
  const region = await regionOr404(deps.db, query.region);
  const asOf = query.asOf ?? cstDate(deps.clock());
  return {
    regionCode: region.code,
    regionName: region.name,
    year: query.year,
    asOf,
    timeElapsedPct: timeElapsedPct(query.year, asOf),
    items: await targetItems(deps, region, query.year, asOf),
  };
}

function exceeds(parentValue: number, allocated: number): AppError {
  return new AppError('TARGET_SPLIT_EXCEEDS', {
    parentValue,
    allocated,
    excess: (cents(allocated) - cents(parentValue)) / 100,
  });
}

/** Refuses a target for `code` below the sum of what is already split to its children. */
async function assertCoversChildren(tx: Executor, code: string, p: TargetParamsT, value: number) {
  const children = await reportChildren(tx, code);
  const childrenSum = sum(
    await findTargets(
      tx,
      children.map((c) => c.code),
      p.year,
      p.indicator,
    ),
  );
  if (cents(value) < cents(childrenSum)) {
    throw new AppError('TARGET_BELOW_CHILDREN', { regionCode: code, value, childrenSum });
  }
}

/**
 * Sets a region's target (creating or replacing it; `version`, when given, must match). The
 * new value must cover what is already split below it, and together with its siblings' must
 * stay within the parent's target when the parent has one.
 */
export async function putTarget(
  deps: AppDeps,
  ctx: RequestContext,
  p: TargetParamsT,
  body: PutTargetBodyT,
): Promise<TargetViewT> {
  const actor = requirePermission(ctx, 'target.manage');
  const region = await regionOr404(deps.db, p.region);
  assertRegionInScope(actor, 'target.manage', region.code, 'write');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const parent = await reportParent(tx, region.code);
    const parentTarget = parent
      ? await findTarget(
          tx,
          { regionCode: parent.code, year: p.year, indicator: p.indicator },
          true,
        )
      : undefined;
    const key = { regionCode: region.code, year: p.year, indicator: p.indicator };
    const existing = await findTarget(tx, key, true);
    if (body.version !== undefined && existing && existing.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', { version: existing.version });
    }
    await assertCoversChildren(tx, region.code, p, body.value);
    if (parent && parentTarget) {
      const siblings = (await reportChildren(tx, parent.code)).filter(
        (c) => c.code !== region.code,
      );
      const others = await findTargets(
        tx,
        siblings.map((c) => c.code),
        p.year,
        p.indicator,
      );
      const allocated = (cents(sum(others)) + cents(body.value)) / 100;
      if (cents(allocated) > cents(parentTarget.value))
        throw exceeds(parentTarget.value, allocated);
    }
    await upsertTarget(tx, { ...key, value: body.value }, { actorId: actor.userId, now });
    await recordAudit(tx, ctx, now, {
      action: 'target.set',
      objectType: 'target',
      objectId: `${region.code}/${p.year}/${p.indicator}`,
      permission: 'target.manage',
      details: { value: body.value, previous: existing?.value ?? null },
    });
  });
  const [item] = await targetItems(deps, region, p.year, cstDate(now), p.indicator);
  if (!item) throw new AppError('INTERNAL');
  return item;
}

/**
 * Splits a region's target to regions directly below it (those not listed keep theirs). The
 * split may leave part unallocated but never exceed the region's target; each child's new value
 * must still cover what that child has split further down.
 *
 * With a `basis`, the remainder (the region's target less the listed values and the targets the
 * unlisted children already hold) is shared among the children with no target, evenly or in
 * proportion to last year's actual or the current base, rounded by largest remainder so the
 * whole adds up exactly. Targets already set are never overwritten by the fill.
 */
export async function splitTarget(
  deps: AppDeps,
  ctx: RequestContext,
  p: TargetParamsT,
  body: SplitTargetBodyT,
): Promise<TargetViewT> {
  const actor = requirePermission(ctx, 'target.manage');
  const region = await regionOr404(deps.db, p.region);
  assertRegionInScope(actor, 'target.manage', region.code, 'write');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const key = { regionCode: region.code, year: p.year, indicator: p.indicator };
    const parentTarget = await findTarget(tx, key, true);
    if (!parentTarget)
      throw new AppError('TARGET_NOT_FOUND', { regionCode: region.code, year: p.year });
    const children = new Set((await reportChildren(tx, region.code)).map((c) => c.code));
    for (const c of body.children) {
      if (!children.has(c.regionCode))
        throw new AppError('TARGET_CHILD_INVALID', { regionCode: c.regionCode });
    }
    const listed = new Set(body.children.map((c) => c.regionCode));
    const kept = (await findTargets(tx, [...children], p.year, p.indicator)).filter(
      (t) => !listed.has(t.regionCode),
    );
    const allocated =
      (cents(sum(kept)) + body.children.reduce((n, c) => n + cents(c.value), 0)) / 100;
    if (cents(allocated) > cents(parentTarget.value)) throw exceeds(parentTarget.value, allocated);
    const assigned = [...body.children];
    if (body.basis) {
      const held = new Set(kept.map((t) => t.regionCode));
      const empty = [...children].filter((c) => !listed.has(c) && !held.has(c));
      const weights = await basisWeights(tx, empty, p, body.basis, cstDate(now));
      const filled = fillRemainder(
        parentTarget.value,
        [
          { value: allocated, weight: 0 },
          ...empty.map((_, i) => ({ value: null, weight: weights[i] ?? 0 })),
        ],
        splitDecimals(indicatorDef(p.indicator).unit.zh),
      );
      empty.forEach((code, i) => assigned.push({ regionCode: code, value: filled[i + 1] ?? 0 }));
    }
    const total = (cents(sum(kept)) + assigned.reduce((n, c) => n + cents(c.value), 0)) / 100;
    for (const c of assigned) {
      await assertCoversChildren(tx, c.regionCode, p, c.value);
      await upsertTarget(
        tx,
        { ...key, regionCode: c.regionCode, value: c.value },
        { actorId: actor.userId, now },
      );
    }
    await recordAudit(tx, ctx, now, {
      action: 'target.split',
      objectType: 'target',
      objectId: `${region.code}/${p.year}/${p.indicator}`,
      permission: 'target.manage',
      details: {
        children: assigned.length,
        basis: body.basis ?? null,
        allocated: total,
        unallocated: (cents(parentTarget.value) - cents(total)) / 100,
      },
    });
  });
  const [item] = await targetItems(deps, region, p.year, cstDate(now), p.indicator);
  if (!item) throw new AppError('INTERNAL');
  return item;
}
