import type { Readable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import type { Permission } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors/codes.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import { entityTextFilter } from '../entities/service.js';
import { entities } from '../entities/table.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { scrubDigits } from '../people/guards.js';
import { unseal } from '../people/sealed.js';
import { personTextFilter } from '../people/service.js';
import { people } from '../people/table.js';
import { entityScopeWhere, regionScopeWhere, requirePermission } from '../../access/scope/scope.js';
import type { EntitiesExportQueryT, PeopleExportQueryT } from './contract.js';
import {
  countEntities,
  entitiesPage,
  entityExportWhere,
  entitySort,
  foundersOf,
} from './entity-repo.js';
import type { Cursor } from './keyset.js';
import { countPeople, peopleExportWhere, peoplePage, peopleSort } from './people-repo.js';
import { entityCells, entityColumns, peopleColumns, personCells, type Reveal } from './sheets.js';
import { type OutCell, produce, type SheetWriter, sheetWriter } from './xlsx-stream.js';

/** Rows read per keyset page. */
export const EXPORT_PAGE = 1000;

/** A download ready to stream. */
export interface Download {
  stream: Readable;
  fileName: string;
  rows: number;
}

/** Masked by default; decrypted only for an unmasked export (person.unmask, reason, audited). */
function reveal(deps: AppDeps, unmasked: boolean): Reveal {
  return {
    unmasked,
    idNumber: (enc, mask) => (unmasked ? unseal(deps.keys, enc) : mask),
    mobile: (enc, mask) => (unmasked && enc ? unseal(deps.keys, enc) : (mask ?? '')),
  };
}

/** Unmasking needs person.unmask and a reason; returns whether the export is unmasked. */
function unmaskRequested(
  ctx: RequestContext,
  q: { unmask?: boolean | undefined; reason?: string | undefined },
): boolean {
  if (q.unmask !== true) return false;
  requirePermission(ctx, 'person.unmask');
  if (!q.reason) {
    throw new AppError('VALIDATION', {
      issues: [{ path: 'querystring.reason', message: 'TEXT_REQUIRED' }],
    });
  }
  return true;
}

const NOT_FILTERS = new Set(['unmask', 'reason', 'sort', 'order']);

/** The filters of an export as the audit record keeps them: names only, never search text. */
function filterNames(q: Record<string, unknown>): string[] {
  return Object.keys(q).filter((k) => q[k] !== undefined && !NOT_FILTERS.has(k));
}

async function audit(
  deps: AppDeps,
  ctx: RequestContext,
  e: {
    action: string;
    objectType: string;
    rows: number;
    unmasked: boolean;
    reason?: string | undefined;
    filters: string[];
  },
): Promise<void> {
  const permission: Permission = e.unmasked ? 'person.unmask' : 'ledger.export';
  const now = deps.clock();
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, now, {
      action: e.action,
      objectType: e.objectType,
      objectId: '',
      permission,
      details: {
        rows: e.rows,
        unmasked: e.unmasked,
        filters: e.filters,
        ...(e.reason ? { reason: scrubDigits(e.reason) } : {}),
      },
    }),
  );
}

/** The list's order: as asked, else updatedAt newest first and the other sorts ascending. */
function listOrder(q: { sort: string; order?: 'asc' | 'desc' | undefined }): 'asc' | 'desc' {
  return q.order ?? (q.sort === 'updatedAt' ? 'desc' : 'asc');
}

/** Fills a sheet a keyset page (in the list's order) at a time until the rows run out or the reader goes away. */
function pump<R extends { id: string; sortKey: string | null }>(
  writer: SheetWriter,
  page: (after: Cursor | null) => Promise<R[]>,
  cells: (rows: R[]) => Promise<OutCell[][]>,
): void {
  // A failure destroys the stream: the client sees a broken download, Fastify logs the error.
  produce(writer, async () => {
    let after: Cursor | null = null;
    while (!writer.closed()) {
      const rows = await page(after);
      if (rows.length === 0) break;
      await writer.add(await cells(rows));
      const last = rows[rows.length - 1];
      after = last ? { key: last.sortKey, id: last.id } : null;
      if (rows.length < EXPORT_PAGE) break;
    }
  });
}

/** Regions the actor may export from, for the columns of a table. */
function exportScope(
  actor: Actor,
  column: Parameters<typeof regionScopeWhere>[2],
  unmasked: boolean,
): SQL[] {
  const extra = [regionScopeWhere(actor, 'ledger.export', column)];
  if (unmasked) extra.push(regionScopeWhere(actor, 'person.unmask', column));
  return extra;
}

/**
 * Streams the filtered people list as .xlsx in the list's order (its `sort` and `order`): the
 * people list's filters and person.read scope,
 * within the ledger.export scope; masked unless `unmask` with person.unmask (in whose scope the
 * rows must then also lie) and a reason. Every export leaves an audit record (rows, filters,
 * unmasked, reason) before the first byte leaves.
 */
export async function exportPeople(
  deps: AppDeps,
  ctx: RequestContext,
  q: PeopleExportQueryT,
): Promise<Download> {
  const actor = requirePermission(ctx, 'ledger.export');
  requirePermission(ctx, 'person.read');
  const unmasked = unmaskRequested(ctx, q);
  const where = peopleExportWhere(
    {
      scope: (column) => regionScopeWhere(actor, 'person.read', column),
      regionPrefix: q.region ? regionPrefix(q.region) : undefined,
      categories: q.category,
      statuses: q.status,
      educations: q.education,
      returnedFrom: q.returnedFrom,
      returnedTo: q.returnedTo,
      ...(q.q ? personTextFilter(deps.keys, q.q) : {}),
    },
    exportScope(actor, people.regionCode, unmasked),
  );
  const rows = await countPeople(deps.db, where);
  const action = unmasked ? 'person.export_unmasked' : 'person.export';
  await audit(deps, ctx, {
    action,
    objectType: 'person',
    rows,
    unmasked,
    reason: q.reason,
    filters: filterNames(q),
  });
  const sort = peopleSort(q.sort, listOrder(q));
  const r = reveal(deps, unmasked);
  const writer = await sheetWriter('人员台账', peopleColumns(r));
  pump(
    writer,
    (after) => peoplePage(deps.db, where, sort, after, EXPORT_PAGE),
    (list) => Promise.resolve(list.map((p) => personCells(p, r))),
  );
  return { stream: writer.stream, fileName: '人员台账.xlsx', rows };
}

/**
 * Streams the filtered entity list as .xlsx in the list's order (entity.read scope, within ledger.export scope),
 * with each entity's founders the actor may read (their ID numbers masked unless unmasked).
 * Audited like the people export.
 */
export async function exportEntities(
  deps: AppDeps,
  ctx: RequestContext,
  q: EntitiesExportQueryT,
): Promise<Download> {
  const actor = requirePermission(ctx, 'ledger.export');
  requirePermission(ctx, 'entity.read');
  const unmasked = unmaskRequested(ctx, q);
  const where = entityExportWhere(
    {
      scope: entityScopeWhere(actor, 'entity.read'),
      regionPrefix: q.region ? regionPrefix(q.region) : undefined,
      types: q.type,
      isWorkshop: q.isWorkshop,
      industry: q.industry,
      aboveScale: q.aboveScale,
      isEcommerce: q.isEcommerce,
      parkOrgId: q.parkOrgId,
      foundedFrom: q.foundedFrom,
      foundedTo: q.foundedTo,
      ...(q.q ? entityTextFilter(q.q) : {}),
    },
    [regionScopeWhere(actor, 'ledger.export', entities.regionCode)],
  );
  const personScope = regionScopeWhere(
    actor,
    unmasked ? 'person.unmask' : 'person.read',
    people.regionCode,
  );
  const rows = await countEntities(deps.db, where);
  const action = unmasked ? 'entity.export_unmasked' : 'entity.export';
  await audit(deps, ctx, {
    action,
    objectType: 'entity',
    rows,
    unmasked,
    reason: q.reason,
    filters: filterNames(q),
  });
  const sort = entitySort(q.sort, listOrder(q));
  const r = reveal(deps, unmasked);
  const writer = await sheetWriter('市场主体台账', entityColumns(r));
  pump(
    writer,
    (after) => entitiesPage(deps.db, where, sort, after, EXPORT_PAGE),
    async (list) => {
      const founders = await foundersOf(
        deps.db,
        list.map((e) => e.id),
        personScope,
      );
      return list.map((e) => entityCells(e, founders.get(e.id) ?? [], r));
    },
  );
  return { stream: writer.stream, fileName: '市场主体台账.xlsx', rows };
}
