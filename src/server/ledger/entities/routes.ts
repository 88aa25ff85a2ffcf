import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { HistoryPage, HistoryQuery } from '../history/contract.js';
import { MergeBody } from '../people/contract.js';
import {
  EntityCreateBody,
  EntityDetailView,
  EntityIdParams,
  EntityListQuery,
  EntityPage,
  EntityUpdateBody,
  LinkBody,
  LinkParams,
} from './contract.js';
import { addLink, removeLink } from './link-service.js';
import { mergeEntities } from './merge-service.js';
import { entityHistory, getEntity, listEntities } from './service.js';
import { createEntity, updateEntity } from './write-service.js';

/**
 * Market entities: read with entity.read, change with entity.write, within the actor's entity
 * scope (region subtree, or the park for park-scoped grants).
 */
export function registerEntitiesRoutes(app: App, deps: AppDeps): void {
  const tags = ['市场主体 entities'];
  const detail = { 200: EntityDetailView, ...ERROR_RESPONSES };
  const created = { 201: EntityDetailView, ...ERROR_RESPONSES };
  app.get('/api/entities', {
    schema: {
      tags,
      summary: '市场主体列表（按管辖范围，可筛选、检索、排序）',
      querystring: EntityListQuery,
      response: { 200: EntityPage, ...ERROR_RESPONSES },
    },
    handler: (req) => listEntities(deps, req.ctx, req.query),
  });
  app.get('/api/entities/:id', {
    schema: { tags, summary: '市场主体详情', params: EntityIdParams, response: detail },
    handler: (req) => getEntity(deps, req.ctx, req.params.id),
  });
  app.post('/api/entities', {
    schema: { tags, summary: '新增市场主体', body: EntityCreateBody, response: created },
    config: { action: 'entity.create' },
    handler: async (req, reply) =>
      reply.code(201).send(await createEntity(deps, req.ctx, req.body)),
  });
  app.patch('/api/entities/:id', {
    schema: {
      tags,
      summary: '修改市场主体（乐观锁；links 整体替换）',
      params: EntityIdParams,
      body: EntityUpdateBody,
      response: detail,
    },
    config: { action: 'entity.update' },
    handler: (req) => updateEntity(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/entities/:id/history', {
    schema: {
      tags,
      summary: '市场主体变更历史（含被合并记录）',
      params: EntityIdParams,
      querystring: HistoryQuery,
      response: { 200: HistoryPage, ...ERROR_RESPONSES },
    },
    handler: (req) => entityHistory(deps, req.ctx, req.params.id, req.query),
  });
  app.post('/api/entities/:id/merge', {
    schema: {
      tags,
      summary: '合并重复市场主体（保留本记录）',
      params: EntityIdParams,
      body: MergeBody,
      response: detail,
    },
    config: { action: 'entity.merge' },
    handler: (req) => mergeEntities(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/entities/:id/links', {
    schema: {
      tags,
      summary: '关联人员',
      params: EntityIdParams,
      body: LinkBody,
      response: created,
    },
    config: { action: 'entity.link' },
    handler: async (req, reply) =>
      reply.code(201).send(await addLink(deps, req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/entities/:id/links/:linkId', {
    schema: { tags, summary: '取消关联', params: LinkParams, response: detail },
    config: { action: 'entity.unlink' },
    handler: (req) => removeLink(deps, req.ctx, req.params.id, req.params.linkId),
  });
}
