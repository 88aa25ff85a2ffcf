import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { EntitiesExportQuery, PeopleExportQuery } from './contract.js';
import * as exports from './service.js';
import { attachment, XLSX_MIME, XlsxFile } from './xlsx-stream.js';

/**
 * Ledger exports: the people and entity lists with their list filters, streamed as .xlsx. Needs
 * ledger.export and person.read / entity.read in scope; unmasked with person.unmask and a
 * reason. Every export is audited (a GET, but data leaves the system).
 */
export function registerLedgerExportRoutes(app: App, deps: AppDeps): void {
  const tags = ['台账导出 ledger export'];
  app.get('/api/ledger/exports/people.xlsx', {
    schema: {
      tags,
      summary: '导出人员台账（筛选条件同人员列表；默认脱敏）',
      querystring: PeopleExportQuery,
      response: { 200: XlsxFile, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const d = await exports.exportPeople(deps, req.ctx, req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('people.xlsx', d.fileName))
        .header('x-export-rows', String(d.rows))
        .send(d.stream);
    },
  });
  app.get('/api/ledger/exports/entities.xlsx', {
    schema: {
      tags,
      summary: '导出市场主体台账（筛选条件同市场主体列表）',
      querystring: EntitiesExportQuery,
      response: { 200: XlsxFile, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const d = await exports.exportEntities(deps, req.ctx, req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('entities.xlsx', d.fileName))
        .header('x-export-rows', String(d.rows))
        .send(d.stream);
    },
  });
}
