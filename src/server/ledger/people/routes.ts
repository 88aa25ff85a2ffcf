import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { HistoryPage, HistoryQuery } from '../history/contract.js';
import { addConsent, withdrawConsent } from './consent-service.js';
import {
  ConsentBody,
  ConsentParams,
  MergeBody,
  PersonCreateBody,
  PersonDetailView,
  PersonIdParams,
  PersonListQuery,
  PersonPage,
  PersonUpdateBody,
  UnmaskBody,
  UnmaskView,
} from './contract.js';
import { mergePeople } from './merge-service.js';
import { getPerson, listPeople, personHistory } from './service.js';
import { unmaskPerson } from './unmask-service.js';
import { createPerson, updatePerson } from './write-service.js';

/**
 * The people ledger: read with person.read, change with person.write, unmask with person.unmask,
 * each within the actor's region scope over the person's ledger region.
 */
export function registerPeopleRoutes(app: App, deps: AppDeps): void {
  const tags = ['人员台账 people'];
  const detail = { 200: PersonDetailView, ...ERROR_RESPONSES };
  const created = { 201: PersonDetailView, ...ERROR_RESPONSES };
  app.get('/api/people', {
    schema: {
      tags,
      summary: '人员列表（按管辖范围，可筛选、检索、排序）',
      querystring: PersonListQuery,
      response: { 200: PersonPage, ...ERROR_RESPONSES },
    },
    handler: (req) => listPeople(deps, req.ctx, req.query),
  });
  app.get('/api/people/:id', {
    schema: { tags, summary: '人员详情', params: PersonIdParams, response: detail },
    handler: (req) => getPerson(deps, req.ctx, req.params.id),
  });
  app.post('/api/people', {
    schema: { tags, summary: '新增人员', body: PersonCreateBody, response: created },
    config: { action: 'person.create' },
    handler: async (req, reply) =>
      reply.code(201).send(await createPerson(deps, req.ctx, req.body)),
  });
  app.patch('/api/people/:id', {
    schema: {
      tags,
      summary: '修改人员（乐观锁）',
      params: PersonIdParams,
      body: PersonUpdateBody,
      response: detail,
    },
    config: { action: 'person.update' },
    handler: (req) => updatePerson(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/people/:id/unmask', {
    schema: {
      tags,
      summary: '查看完整身份证号/手机号（须说明理由，记入审计）',
      params: PersonIdParams,
      body: UnmaskBody,
      response: { 200: UnmaskView, ...ERROR_RESPONSES },
    },
    config: { action: 'person.unmask' },
    handler: (req) => unmaskPerson(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/people/:id/history', {
    schema: {
      tags,
      summary: '人员变更历史（含被合并记录）',
      params: PersonIdParams,
      querystring: HistoryQuery,
      response: { 200: HistoryPage, ...ERROR_RESPONSES },
    },
    handler: (req) => personHistory(deps, req.ctx, req.params.id, req.query),
  });
  app.post('/api/people/:id/merge', {
    schema: {
      tags,
      summary: '合并重复人员（保留本记录）',
      params: PersonIdParams,
      body: MergeBody,
      response: detail,
    },
    config: { action: 'person.merge' },
    handler: (req) => mergePeople(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/people/:id/consents', {
    schema: {
      tags,
      summary: '记录授权',
      params: PersonIdParams,
      body: ConsentBody,
      response: created,
    },
    config: { action: 'person.consent' },
    handler: async (req, reply) =>
      reply.code(201).send(await addConsent(deps, req.ctx, req.params.id, req.body)),
  });
  app.post('/api/people/:id/consents/:consentId/withdraw', {
    schema: { tags, summary: '撤回授权', params: ConsentParams, response: detail },
    config: { action: 'person.consent_withdraw' },
    handler: (req) => withdrawConsent(deps, req.ctx, req.params.id, req.params.consentId),
  });
}
