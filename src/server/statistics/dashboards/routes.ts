import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../ledger/export/xlsx-stream.js';
import {
  ChildRanking,
  ChildrenQuery,
  Dashboard,
  DashboardParams,
  DashboardQuery,
  ExportQuery,
} from './contract.js';
import * as dashboards from './service.js';

/** Dashboards: stats.read within scope (404 outside); the .xlsx export also needs ledger.export. */
export function registerDashboardsRoutes(app: App, deps: AppDeps): void {
  const tags = ['驾驶舱 dashboards'];
  app.get('/api/dashboards/:regionCode', {
    schema: {
      tags,
      summary: '区域驾驶舱：核心指标、目标完成、月度趋势、分类构成',
      params: DashboardParams,
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...ERROR_RESPONSES },
    },
    handler: (req) => dashboards.dashboard(deps, req.ctx, req.params.regionCode, req.query),
  });
  app.get('/api/dashboards/:regionCode/children', {
    schema: {
      tags,
      summary: '下级区域排名（可按完成数、完成率排序）',
      params: DashboardParams,
      querystring: ChildrenQuery,
      response: { 200: ChildRanking, ...ERROR_RESPONSES },
    },
    handler: (req) => dashboards.childRanking(deps, req.ctx, req.params.regionCode, req.query),
  });
  app.get('/api/dashboards/:regionCode/export.xlsx', {
    schema: {
      tags,
      summary: '导出季度进展情况统计表（.xlsx，记入审计）',
      params: DashboardParams,
      querystring: ExportQuery,
      produces: [XLSX_MIME],
      response: { 200: XlsxFile, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const { fileName, stream } = await dashboards.exportQuarter(
        deps,
        req.ctx,
        req.params.regionCode,
        req.query,
      );
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`report-${req.params.regionCode}.xlsx`, fileName))
        .send(stream);
    },
  });
}
