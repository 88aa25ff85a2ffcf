import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { attachment } from '../../ledger/export/xlsx-stream.js';
import { downloadAttachment, uploadAttachment, uploadBody } from './attachment-service.js';
import {
  AttachmentParams,
  AttachmentQuery,
  AttachmentView,
  CaseCreateBody,
  CaseDetailView,
  CaseFireBody,
  CaseIdParams,
  CaseQueuePage,
  CaseQueueQuery,
  CaseTypesView,
} from './contract.js';
import { fireTransition } from './fire-service.js';
import { caseDetail, caseQueue, createCase, listCaseTypes } from './service.js';

const FileBytes = z.any().meta({ description: '文件原始内容' });

/**
 * Cases (办件) of every case type: the work queue, detail with history, transitions, materials.
 * Read with case.read, act with case.work; what an actor reaches is decided in access.ts.
 */
export function registerCaseRoutes(app: App, deps: AppDeps): void {
  const tags = ['办件 cases'];
  const detail = { 200: CaseDetailView, ...ERROR_RESPONSES };
  app.get('/api/cases/types', {
    schema: {
      tags,
      summary: '办件类型：环节、时限（工作日）、操作',
      response: { 200: CaseTypesView, ...ERROR_RESPONSES },
    },
    handler: (req) => listCaseTypes(req.ctx),
  });
  app.get('/api/cases/queue', {
    schema: {
      tags,
      summary: '我的办件队列：待办 / 已办 / 超时（按游标分页）',
      querystring: CaseQueueQuery,
      response: { 200: CaseQueuePage, ...ERROR_RESPONSES },
    },
    handler: (req) => caseQueue(deps, req.ctx, req.query),
  });
  app.post('/api/cases', {
    schema: {
      tags,
      summary: '登记办件（代申请人受理登记）',
      body: CaseCreateBody,
      response: { 201: CaseDetailView, ...ERROR_RESPONSES },
    },
    config: { action: 'case.create' },
    handler: async (req, reply) => reply.code(201).send(await createCase(deps, req.ctx, req.body)),
  });
  app.get('/api/cases/:id', {
    schema: {
      tags,
      summary: '办件详情（含流转记录和材料）',
      params: CaseIdParams,
      response: detail,
    },
    handler: (req) => caseDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/cases/:id/transitions', {
    schema: {
      tags,
      summary: '办理：执行一个环节操作（乐观锁，两人同时办理只有一人成功）',
      params: CaseIdParams,
      body: CaseFireBody,
      response: detail,
    },
    config: { action: 'case.transition' },
    handler: (req) => fireTransition(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/cases/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: '下载材料（记入审计）',
      params: AttachmentParams,
      response: { 200: FileBytes, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const f = await downloadAttachment(deps, req.ctx, req.params.id, req.params.attachmentId);
      const ext = f.name.includes('.') ? (f.name.split('.').pop() ?? 'bin') : 'bin';
      const ascii = `attachment.${/^[a-z0-9]{1,5}$/i.test(ext) ? ext : 'bin'}`;
      return reply
        .header('content-type', f.contentType)
        .header('content-length', String(f.size))
        .header('content-disposition', attachment(ascii, f.name))
        .header('x-content-type-options', 'nosniff')
        .send(f.stream);
    },
  });

  void app.register((child, _opts, done) => {
    // Only this route reads a raw body: hand the request stream over untouched.
    child.addContentTypeParser('*', (_req, payload, next) => next(null, payload));
    child.withTypeProvider<ZodTypeProvider>().post('/api/cases/:id/attachments', {
      schema: {
        tags,
        summary: '上传材料（PDF、JPEG、PNG、.xlsx、.docx，按内容识别）',
        description: '请求体为文件原始内容（任意 Content-Type），不超过 20 MB；name 为原文件名。',
        params: CaseIdParams,
        querystring: AttachmentQuery,
        response: { 201: AttachmentView, 413: ErrorBody, 415: ErrorBody, ...ERROR_RESPONSES },
      },
      config: { action: 'case.attach' },
      handler: async (req, reply) => {
        const length = Number(req.headers['content-length']);
        const saved = await uploadAttachment(deps, req.ctx, req.params.id, uploadBody(req.body), {
          name: req.query.name,
          materialKind: req.query.kind,
          contentLength: Number.isFinite(length) ? length : undefined,
        });
        return reply.code(201).send(saved);
      },
    });
    done();
  });
}
