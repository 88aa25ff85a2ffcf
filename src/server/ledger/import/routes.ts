import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { attachment, XLSX_MIME, XlsxFile } from '../export/xlsx-stream.js';
import { ImportAccepted, ImportJobParams, ImportQuery } from './contract.js';
import { registerImportJobRoutes } from './import-jobs-routes.js';
import * as imports from './service.js';

/**
 * Ledger imports: templates and uploads with ledger.import (and person.write / entity.write),
 * the error report for those who may read the job. The upload route takes the raw file as its
 * body (any content type), streamed to disk by its own content-type parser.
 */
export function registerLedgerImportRoutes(app: App, deps: AppDeps): void {
  const tags = ['台账导入 ledger import'];
  registerImportJobRoutes(app, deps);
  for (const kind of ['people', 'entities'] as const) {
    const name = kind === 'people' ? '人员台账导入模板.xlsx' : '市场主体台账导入模板.xlsx';
    app.get(`/api/ledger/templates/${kind}.xlsx`, {
      schema: {
        tags,
        summary: `下载${kind === 'people' ? '人员' : '市场主体'}台账导入模板（.xlsx）`,
        response: { 200: XlsxFile, ...ERROR_RESPONSES },
      },
      handler: async (req, reply) => {
        const buf = await imports.importTemplate(deps, req.ctx, kind);
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', attachment(`${kind}-template.xlsx`, name))
          .send(buf);
      },
    });
  }

  app.get('/api/ledger/imports/:jobId/errors.xlsx', {
    schema: {
      tags,
      summary: '下载导入错误报告（行号、列名、原因）',
      params: ImportJobParams,
      response: { 200: XlsxFile, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const stream = await imports.importErrors(deps, req.ctx, req.params.jobId);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('import-errors.xlsx', '导入错误报告.xlsx'))
        .send(stream);
    },
  });

  void app.register((child, _opts, done) => {
    // Only this route reads a raw body: hand the request stream over untouched.
    child.addContentTypeParser('*', (_req, payload, next) => next(null, payload));
    child.withTypeProvider<ZodTypeProvider>().post('/api/ledger/imports', {
      schema: {
        tags,
        summary: '上传 .xlsx 或 .csv 台账文件，后台导入',
        description:
          '请求体为文件原始内容（任意 Content-Type，如 text/csv、application/octet-stream），' +
          '不超过 200 MB；返回任务 ID，用 GET /api/jobs/{id} 查看进度，完成后下载错误报告。',
        querystring: ImportQuery,
        response: { 202: ImportAccepted, 413: ErrorBody, ...ERROR_RESPONSES },
      },
      config: { action: 'ledger.import' },
      handler: async (req, reply) => {
        const length = Number(req.headers['content-length']);
        const accepted = await imports.startImport(
          deps,
          req.ctx,
          req.query.kind,
          req.body as Readable,
          {
            fileName: req.query.fileName,
            contentLength: Number.isFinite(length) ? length : undefined,
          },
        );
        return reply.code(202).send(accepted);
      },
    });
    done();
  });
}
