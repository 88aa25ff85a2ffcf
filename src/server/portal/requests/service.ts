import type { FastifyBaseLogger } from 'fastify';
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Permission } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { decrypt } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { writableEntity } from '../../ledger/entities/access.js';
import { linksOfEntity } from '../../ledger/entities/link-repo.js';
import { findEntityRow } from '../../ledger/entities/repo.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { type Paged, pageOffset, toPage } from '../../platform/http/paging.js';
import { changeMeta } from '../../ledger/history/service.js';
import { writablePerson } from '../../ledger/people/access.js';
import { findPersonRow } from '../../ledger/people/repo.js';
import { findAccount, findAccountOfPerson, updateAccount } from '../accounts/repo.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import { deliverSms, notify } from '../../outreach/notifications/notify.js';
import { actorLabel } from '../accounts/session.js';
import { regionInScope, regionScopeWhere, requireActor } from '../../access/scope/scope.js';
import { applyEntityValues, applyPersonValues } from './apply.js';
import type { QueueItemT, QueueQueryT, RejectBodyT, RequestDetailT } from './contract.js';
import { compareEntity, comparePerson, presentQueueItem } from './presenter.js';
import { decideRequest, findRequest, listQueue, type QueueRow } from './repo.js';
import { portalRequests } from './table.js';

/**
 * The officers' side of entrepreneurs' requests: a queue of claims, registrations (a first
 * submission that created its record, confirmed or rejected) and change requests in the
 * officer's scope, a side-by-side view of current and proposed values (masked), and the
 * decision. Accepting applies the values through the ledger's write models with the officer as
 * the actor and the entrepreneur named in the history's context; rejecting needs a reason. A
 * request is in scope when its record's region lies within the officer's person.write (people)
 * or entity.write (enterprises) scope; outside it the request does not exist (NOT_FOUND).
 */

const PERMISSION: Record<string, Permission> = { person: 'person.write', entity: 'entity.write' };

/** The officer, who must be able to change people or enterprises somewhere. */
function requireDecider(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('person.write') && !actor.permissions.has('entity.write')) {
    throw new AppError('FORBIDDEN', { permission: 'person.write' });
  }
  return actor;
}

function scopeWhere(actor: Actor): SQL {
  const col = portalRequests.regionCode;
  return or(
    and(eq(portalRequests.objectType, 'person'), regionScopeWhere(actor, 'person.write', col)),
    and(eq(portalRequests.objectType, 'entity'), regionScopeWhere(actor, 'entity.write', col)),
  ) as SQL;
}

/** The request named, if the officer's scope covers it; NOT_FOUND otherwise. */
async function requestInScope(
  db: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<QueueRow> {
  const row = await findRequest(db, id, lock);
  const permission = row ? PERMISSION[row.request.objectType] : undefined;
  if (!row || !permission || !regionInScope(actor, permission, row.request.regionCode)) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** Requests in the officer's scope, newest first (pending by default). */
export async function listRequests(
  deps: AppDeps,
  ctx: RequestContext,
  query: QueueQueryT,
): Promise<Paged<QueueItemT>> {
  const actor = requireDecider(ctx);
  const c: SQL[] = [scopeWhere(actor)];
  if (query.state !== 'all') c.push(eq(portalRequests.state, query.state));
  if (query.objectType) c.push(eq(portalRequests.objectType, query.objectType));
  const { rows, total } = await listQueue(deps.db, and(...c) as SQL, {
    limit: query.pageSize,
    offset: pageOffset(query),
  });
  return toPage(rows, total, query, presentQueueItem);
}

/** One request with the record's current values beside the proposed ones, masked. */
export async function getRequest(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<RequestDetailT> {
  const actor = requireDecider(ctx);
  const row = await requestInScope(deps.db, actor, id);
  const { request } = row;
  if (request.objectType === 'person') {
    const person = await findPersonRow(deps.db, request.objectId);
    if (!person) throw new AppError('NOT_FOUND');
    return {
      request: presentQueueItem(row),
      record: {
        name: person.name,
        identifier: person.idNumberMask,
        regionCode: person.regionCode,
        version: person.version,
      },
      fields: comparePerson(person, request.proposed, row.mobileMask),
    };
  }
  const entity = await findEntityRow(deps.db, request.objectId);
  if (!entity) throw new AppError('NOT_FOUND');
  const account = await findAccount(deps.db, request.accountId);
  const roles = (await linksOfEntity(deps.db, entity.id))
    .filter((l) => l.personId === account?.personId)
    .map((l) => l.role);
  return {
    request: presentQueueItem(row),
    record: {
      name: entity.name,
      identifier: entity.creditCode,
      regionCode: entity.regionCode,
      version: entity.version,
    },
    fields: compareEntity(entity, request.proposed, roles),
  };
}

/** What deciding needs beyond the app: the SMS transport and a log for the outcome's text. */
export interface DecideDeps extends AppDeps {
  sms: SmsTransport;
  log: FastifyBaseLogger;
}

/**
 * Accepts a pending request: a claim links the account to the record, then the proposed values
 * (and, for a person, the account's verified mobile) are applied through the write model with
 * the officer as the actor; history's context names the request and the entrepreneur. Raises
 * NOT_FOUND out of scope, SCOPE_OUTSIDE_OWN, PORTAL_REQUEST_DECIDED, PORTAL_REQUEST_STALE (the
 * account or the record is linked elsewhere meanwhile), VALIDATION, PERSON_DUPLICATE /
 * ENTITY_DUPLICATE.
 */
export async function acceptRequest(
  deps: DecideDeps,
  ctx: RequestContext,
  id: string,
): Promise<RequestDetailT> {
  const actor = requireDecider(ctx);
  const now = deps.clock();
  const notified = await deps.db.transaction(async (tx) => {
    const { request, mobileMask } = await requestInScope(tx, actor, id, true);
    if (request.state !== 'pending') throw new AppError('PORTAL_REQUEST_DECIDED');
    const account = await findAccount(tx, request.accountId, true);
    if (!account) throw new AppError('PORTAL_REQUEST_STALE');
    const o = {
      meta: changeMeta(ctx, now),
      context: {
        via: 'portal',
        requestId: request.id,
        requestedBy: actorLabel(mobileMask),
        requestedById: account.id,
      },
    };
    let changed: string[];
    if (request.objectType === 'person') {
      const row = await writablePerson(tx, actor, request.objectId);
      if (request.kind === 'registration') {
        // The entrepreneur's values are already in the record they created: confirmed as is.
        if (account.personId !== row.id) throw new AppError('PORTAL_REQUEST_STALE');
      } else if (request.kind === 'claim') {
        if (account.personId || (await findAccountOfPerson(tx, row.id, account.id))) {
          throw new AppError('PORTAL_REQUEST_STALE');
        }
        await updateAccount(tx, account.id, { personId: row.id, updatedAt: now });
      } else if (account.personId !== row.id) {
        throw new AppError('PORTAL_REQUEST_STALE');
      }
      const mobile = decrypt(deps.keys, account.mobileEnc);
      changed =
        request.kind === 'registration'
          ? []
          : (await applyPersonValues(tx, deps.keys, row, request.proposed, mobile, o)).map(
              (c) => c.field,
            );
    } else {
      const row = await writableEntity(tx, actor, request.objectId);
      if (!account.personId) throw new AppError('PORTAL_REQUEST_STALE');
      if (request.kind === 'registration') {
        if (account.entityId !== row.id) throw new AppError('PORTAL_REQUEST_STALE');
      } else if (request.kind === 'claim') {
        if (account.entityId) throw new AppError('PORTAL_REQUEST_STALE');
        await updateAccount(tx, account.id, { entityId: row.id, updatedAt: now });
      } else if (account.entityId !== row.id) {
        throw new AppError('PORTAL_REQUEST_STALE');
      }
      changed =
        request.kind === 'registration'
          ? []
          : (await applyEntityValues(tx, row, request.proposed, account.personId, o)).map(
              (c) => c.field,
            );
    }
    await decideRequest(tx, request.id, {
      state: 'accepted',
      decidedAt: now,
      decidedBy: actor.userId,
      decidedByLogin: actor.login,
    });
    const sent = await notify(tx, {
      kind: 'portal.request_accepted',
      to: [{ accountId: account.id }],
      params: { objectType: request.objectType, requestKind: request.kind },
      link: '/me',
      subject: { type: 'portal_request', id: request.id },
      at: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'portal_request.accept',
      objectType: request.objectType,
      objectId: request.objectId,
      permission: PERMISSION[request.objectType],
      details: { requestId: request.id, kind: request.kind, fields: changed },
    });
    return sent;
  });
  await deliverSms(deps.db, deps.keys, deps.sms, deps.log, notified, now);
  return getRequest(deps, ctx, id);
}

/**
 * Rejects a pending request with a reason the entrepreneur sees; the ledger is untouched. A
 * rejected registration unlinks the account from the record it created (and, for a person, from
 * any enterprise); the record stays in the ledger for officers to keep, merge or delete.
 */
export async function rejectRequest(
  deps: DecideDeps,
  ctx: RequestContext,
  id: string,
  body: RejectBodyT,
): Promise<RequestDetailT> {
  const actor = requireDecider(ctx);
  const now = deps.clock();
  const notified = await deps.db.transaction(async (tx) => {
    const { request } = await requestInScope(tx, actor, id, true);
    if (request.state !== 'pending') throw new AppError('PORTAL_REQUEST_DECIDED');
    if (request.kind === 'registration') {
      const account = await findAccount(tx, request.accountId, true);
      if (request.objectType === 'person' && account?.personId === request.objectId) {
        await updateAccount(tx, account.id, { personId: null, entityId: null, updatedAt: now });
      } else if (request.objectType === 'entity' && account?.entityId === request.objectId) {
        await updateAccount(tx, account.id, { entityId: null, updatedAt: now });
      }
    }
    await decideRequest(tx, request.id, {
      state: 'rejected',
      reason: body.reason,
      decidedAt: now,
      decidedBy: actor.userId,
      decidedByLogin: actor.login,
    });
    const sent = await notify(tx, {
      kind: 'portal.request_rejected',
      to: [{ accountId: request.accountId }],
      params: { objectType: request.objectType, requestKind: request.kind, reason: body.reason },
      link: '/me',
      subject: { type: 'portal_request', id: request.id },
      at: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'portal_request.reject',
      objectType: request.objectType,
      objectId: request.objectId,
      permission: PERMISSION[request.objectType],
      details: { requestId: request.id, kind: request.kind },
    });
    return sent;
  });
  await deliverSms(deps.db, deps.keys, deps.sms, deps.log, notified, now);
  return getRequest(deps, ctx, id);
}
