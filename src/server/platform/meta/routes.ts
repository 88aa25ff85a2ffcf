import type { App, AppDeps } from '../http/types.js';
import { MetaView } from './contract.js';
import { deploymentMeta } from './service.js';

export function registerMetaRoutes(app: App, deps: AppDeps): void {
  app.get('/api/meta', {
    schema: {
      tags: ['运维 ops'],
      summary: '部署信息（是否存在演示账号，供两个前端显示“演示环境”横幅）',
      response: { 200: MetaView },
    },
    config: { public: true },
    handler: () => deploymentMeta(deps),
  });
}
