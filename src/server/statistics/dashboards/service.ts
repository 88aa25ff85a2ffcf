import type { Readable } from 'node:stream';
import { AppError } from '../../../domain/errors/codes.js';
import { cstDate } from '../../../domain/indicators/periods.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { assertRegionInScope, requirePermission } from '../../access/scope/scope.js';
import { findReportRegion, type ReportRegion } from '../stats/regions.js';
import { counterSource } from '../stats/repo.js';
import { buildDashboard } from './assemble.js';
import type {
  ChildrenQueryT,
  ChildRankingT,
  DashboardQueryT,
  DashboardT,
  ExportQueryT,
} from './contract.js';
import { buildQuarterReport, reportTitle } from './quarter-report.js';
import { buildChildRanking } from './ranking.js';
import { quarterWorkbook } from './workbook.js';

/**
 * Dashboards: a region's figures from the counters, for anyone holding stats.read over the
 * region (outside it the region is reported as not found). The quarterly export also needs
 * ledger.export and is audited, since it takes data out of the platform.
 */

async function readableRegion(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  also?: 'ledger.export',
): Promise<ReportRegion> {
  const actor = requirePermission(ctx, 'stats.read');
  if (also) requirePermission(ctx, also);
  assertRegionInScope(actor, 'stats.read', code);
  if (also) assertRegionInScope(actor, also, code);
  const region = await findReportRegion(deps.db, code, deps.regionTree);
  if (!region) throw new AppError('REGION_NOT_FOUND', { code });
  return region;
}

function when(deps: AppDeps, q: { year?: number | undefined; asOf?: string | undefined }) {
  const asOf = q.asOf ?? cstDate(deps.clock());
  return { asOf, year: q.year ?? Number(asOf.slice(0, 4)) };
}

/** A region's dashboard: headline figures with targets and progress, trend, breakdowns. */
export async function dashboard(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  query: DashboardQueryT,
): Promise<DashboardT> {
  const region = await readableRegion(deps, ctx, code);
  const { asOf, year } = when(deps, query);
  return buildDashboard(deps.db, counterSource(deps.db), region, year, asOf, deps.regionTree);
}

/** The regions directly below a region, ranked on one indicator. */
export async function childRanking(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  query: ChildrenQueryT,
): Promise<ChildRankingT> {
  const region = await readableRegion(deps, ctx, code);
  const { asOf, year } = when(deps, query);
  return buildChildRanking(
    deps.db,
    counterSource(deps.db),
    region,
    {
      indicator: query.indicator,
      year,
      asOf,
      sort: query.sort,
      order: query.order,
    },
    deps.regionTree,
  );
}

/**
 * The quarterly report of a region as an .xlsx stream, with its file name. The export is
 * audited before the first byte leaves.
 */
export async function exportQuarter(
  deps: AppDeps,
  ctx: RequestContext,
  code: string,
  query: ExportQueryT,
): Promise<{ fileName: string; stream: Readable }> {
  const region = await readableRegion(deps, ctx, code, 'ledger.export');
  const now = deps.clock();
  const today = cstDate(now);
  const year = query.year ?? Number(today.slice(0, 4));
  const quarter =
    query.quarter ??
    (year < Number(today.slice(0, 4)) ? 4 : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const report = await buildQuarterReport(
    deps.db,
    counterSource(deps.db),
    region,
    year,
    quarter,
    today,
  );
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, now, {
      action: 'dashboard.export',
      objectType: 'region',
      objectId: region.code,
      permission: 'ledger.export',
      details: { year, quarter, rows: report.lines.length },
    }),
  );
  return { fileName: `${reportTitle(report)}.xlsx`, stream: quarterWorkbook(report, today) };
}
