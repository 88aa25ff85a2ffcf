import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { ImportJobParams } from './contract.js';
import {
  ImportErrorPreview,
  ImportErrorsQuery,
  ImportJobList,
  ImportJobListQuery,
} from './import-jobs-contract.js';
import * as importJobs from './import-jobs.js';

/**
 * What the console's import screen reads besides the job's progress: the actor's recent imports
 * and a JSON preview of an import's first problems (the full list is the .xlsx report).
 */
export function registerImportJobRoutes(app: App, deps: AppDeps): void {
  const tags = ['台账导入 ledger import'];
  app.get('/api/ledger/imports', {
    schema: {
      tags,
      summary: '我最近的导入任务（最新在前）',
      querystring: ImportJobListQuery,
      response: { 200: ImportJobList, ...ERROR_RESPONSES },
    },
    handler: (req) => importJobs.recentImports(deps, req.ctx, req.query.limit),
  });
  app.get('/api/ledger/imports/:jobId/errors', {
    schema: {
      tags,
      summary: '导入问题预览：前若干条（行号、列名、原因），全部见错误报告 .xlsx',
      params: ImportJobParams,
      querystring: ImportErrorsQuery,
      response: { 200: ImportErrorPreview, ...ERROR_RESPONSES },
    },
    handler: (req) =>
      importJobs.importErrorPreview(deps, req.ctx, req.params.jobId, req.query.limit),
  });
}
