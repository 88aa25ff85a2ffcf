import { AppError } from '../../../domain/errors/codes.js';
import { parseCreditCode } from '../../../domain/identity/credit-code.js';
import { isOrgType } from '../../../domain/orgs/org-types.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import { toPage, type Paged } from '../../platform/http/paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import {
  assertRegionInScope,
  regionInScope,
  regionScopeWhere,
  requirePermission,
} from '../scope/scope.js';
import type { CreateOrgBodyT, OrgListQueryT, OrgViewT, UpdateOrgBodyT } from './contract.js';
import { presentOrg, presentOrgTypes } from './presenter.js';
import {
  countParkGrants,
  findOrg,
  findRegionPath,
  insertOrg,
  listOrgs as listOrgRows,
  orgNameTaken,
  updateOrgAtVersion,
} from './repo.js';

function assertOrgType(type: string): void {
  if (!isOrgType(type)) throw new AppError('ORG_TYPE_INVALID', { type });
}

/** Normalises a credit code; a malformed one is a validation error, a bad checksum is kept. */
function normaliseCreditCode(raw: string): string {
  const parsed = parseCreditCode(raw);
  if (!parsed.ok) {
    throw new AppError('VALIDATION', {
      issues: [{ path: 'body.creditCode', message: parsed.code }],
    });
  }
  return parsed.value.creditCode;
}

async function reload(deps: AppDeps, id: string): Promise<OrgViewT> {
  const row = await findOrg(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentOrg(row);
}

/** The organisation type catalog (needs org.read). */
export function orgTypes(ctx: RequestContext) {
  requirePermission(ctx, 'org.read');
  return presentOrgTypes();
}

/** Organisations within the actor's org.read scope, filtered and paged. */
export async function listOrgs(
  deps: AppDeps,
  ctx: RequestContext,
  query: OrgListQueryT,
): Promise<Paged<OrgViewT>> {
  const actor = requirePermission(ctx, 'org.read');
  if (query.type) assertOrgType(query.type);
  const { rows, total } = await listOrgRows(
    deps.db,
    {
      scope: (column) => regionScopeWhere(actor, 'org.read', column),
      type: query.type,
      regionPrefix: query.region ? regionPrefix(query.region) : undefined,
      q: query.q,
    },
    query,
  );
  return toPage(rows, total, query, presentOrg);
}

/** One organisation; NOT_FOUND when it does not exist or lies outside the actor's scope. */
export async function getOrg(deps: AppDeps, ctx: RequestContext, id: string): Promise<OrgViewT> {
  const actor = requirePermission(ctx, 'org.read');
  const row = await findOrg(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertRegionInScope(actor, 'org.read', row.regionCode);
  return presentOrg(row);
}

/** Creates an organisation on an existing region inside the actor's org.manage scope. */
export async function createOrg(
  deps: AppDeps,
  ctx: RequestContext,
  body: CreateOrgBodyT,
): Promise<OrgViewT> {
  const actor = requirePermission(ctx, 'org.manage');
  assertOrgType(body.type);
  if ((await findRegionPath(deps.db, body.regionCode)) === undefined) {
    throw new AppError('REGION_UNKNOWN', { code: body.regionCode, field: 'regionCode' });
  }
  assertRegionInScope(actor, 'org.manage', body.regionCode, 'write');
  const creditCode = body.creditCode ? normaliseCreditCode(body.creditCode) : null;
  const now = deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    if (await orgNameTaken(tx, body.regionCode, body.name)) {
      throw new AppError('CONFLICT', { field: 'name' });
    }
    const orgId = await insertOrg(tx, {
      name: body.name,
      type: body.type,
      regionCode: body.regionCode,
      creditCode,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'org.create',
      objectType: 'organisation',
      objectId: orgId,
      permission: 'org.manage',
      details: { type: body.type, regionCode: body.regionCode },
    });
    return orgId;
  });
  return reload(deps, id);
}

/**
 * Renames or retypes an organisation under optimistic locking: the body carries the version the
 * client read, and a stale one is refused with VERSION_CONFLICT. A park that park grants point at
 * cannot stop being a park.
 */
export async function updateOrg(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: UpdateOrgBodyT,
): Promise<OrgViewT> {
  const actor = requirePermission(ctx, 'org.manage');
  if (body.type !== undefined) assertOrgType(body.type);
  const creditCode =
    body.creditCode === undefined || body.creditCode === null
      ? body.creditCode
      : normaliseCreditCode(body.creditCode);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await findOrg(tx, id);
    if (!row || !regionInScope(actor, 'org.read', row.regionCode)) throw new AppError('NOT_FOUND');
    assertRegionInScope(actor, 'org.manage', row.regionCode, 'write');
    if (row.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', { version: row.version });
    }
    if (body.name !== undefined && (await orgNameTaken(tx, row.regionCode, body.name, id))) {
      throw new AppError('CONFLICT', { field: 'name' });
    }
    if (body.type !== undefined && row.type === 'park' && body.type !== 'park') {
      if ((await countParkGrants(tx, id)) > 0) throw new AppError('CONFLICT', { field: 'type' });
    }
    const set = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.type === undefined ? {} : { type: body.type }),
      ...(creditCode === undefined ? {} : { creditCode }),
    };
    if (!(await updateOrgAtVersion(tx, id, body.version, { ...set, updatedAt: now }))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(tx, ctx, now, {
      action: 'org.update',
      objectType: 'organisation',
      objectId: id,
      permission: 'org.manage',
      details: { fields: Object.keys(set), version: body.version + 1 },
    });
  });
  return reload(deps, id);
}
