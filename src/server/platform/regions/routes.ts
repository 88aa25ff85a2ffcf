import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';
import {
  RegionChildrenQuery,
  RegionCodeParams,
  RegionPage,
  RegionPathView,
  RegionSearchQuery,
  RegionView,
} from './contract.js';
import * as regions from './service.js';

/**
 * The division tree, read-only: one region, its children (paged, for a lazy cascader), its
 * path of names, and search by name, pinyin or initials. All need `region.read`; regions above
 * the actor's scope are visible only along the way down to it.
 */
export function registerRegionsRoutes(app: App, deps: AppDeps): void {
  const tags = ['行政区划 regions'];
  app.get('/api/regions', {
    schema: {
      tags,
      summary: '搜索行政区划（中文名称、拼音、拼音首字母）',
      querystring: RegionSearchQuery,
      response: { 200: RegionPage, ...ERROR_RESPONSES },
    },
    handler: (req) => regions.searchRegions(deps, req.ctx, req.query),
  });
  app.get('/api/regions/:code', {
    schema: {
      tags,
      summary: '查看行政区划',
      params: RegionCodeParams,
      response: { 200: RegionView, ...ERROR_RESPONSES },
    },
    handler: (req) => regions.getRegion(deps, req.ctx, req.params.code),
  });
  app.get('/api/regions/:code/children', {
    schema: {
      tags,
      summary: '下级行政区划（分页）',
      params: RegionCodeParams,
      querystring: RegionChildrenQuery,
      response: { 200: RegionPage, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      // From the tree in memory: the answer's text itself, parsed with RegionPage once when it
      // was built. A string with its content type is sent as it is, not serialised again.
      const body = regions.regionChildrenBody(deps, req.ctx, req.params.code, req.query);
      if (body !== null) {
        return reply.type('application/json; charset=utf-8').send(body as never);
      }
      return regions.getRegionChildren(deps, req.ctx, req.params.code, req.query);
    },
  });
  app.get('/api/regions/:code/path', {
    schema: {
      tags,
      summary: '行政区划完整路径',
      params: RegionCodeParams,
      response: { 200: RegionPathView, ...ERROR_RESPONSES },
    },
    handler: (req) => regions.getRegionPath(deps, req.ctx, req.params.code),
  });
}
