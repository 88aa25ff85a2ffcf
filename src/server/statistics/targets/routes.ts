import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  PutTargetBody,
  SplitTargetBody,
  TargetListQuery,
  TargetParams,
  TargetSheet,
  TargetView,
} from './contract.js';
import * as targets from './service.js';

/** Annual targets: read with stats.read, set and split with target.manage, both within scope. */
export function registerTargetsRoutes(app: App, deps: AppDeps): void {
  const tags = ['目标 targets'];
  app.get('/api/targets', {
    schema: {
      tags,
      summary: '年度目标及分解、完成情况',
      querystring: TargetListQuery,
      response: { 200: TargetSheet, ...ERROR_RESPONSES },
    },
    handler: (req) => targets.targetSheet(deps, req.ctx, req.query),
  });
  app.put('/api/targets/:region/:year/:indicator', {
    schema: {
      tags,
      summary: '设定年度目标',
      params: TargetParams,
      body: PutTargetBody,
      response: { 200: TargetView, ...ERROR_RESPONSES },
    },
    config: { action: 'target.set' },
    handler: (req) => targets.putTarget(deps, req.ctx, req.params, req.body),
  });
  app.post('/api/targets/:region/:year/:indicator/split', {
    schema: {
      tags,
      summary: '将年度目标分解到直接下级（合计不得超过本级目标）',
      params: TargetParams,
      body: SplitTargetBody,
      response: { 200: TargetView, ...ERROR_RESPONSES },
    },
    config: { action: 'target.split' },
    handler: (req) => targets.splitTarget(deps, req.ctx, req.params, req.body),
  });
}
