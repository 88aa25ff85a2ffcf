import { AppError } from '../../../domain/errors/codes.js';
import {
  creditCodeIssues,
  deriveEntityFlags,
  type EntityCreateT,
  entityConsistencyIssues,
  type EntityUpdateT,
} from '../../../domain/ledger/entity-schema.js';
import type { Executor } from '../../platform/db/client.js';
import { createdFields, diffFields } from '../history/changes.js';
import { type ChangeMeta, writeHistory } from '../history/service.js';
import type { FieldChange } from '../history/table.js';
import { assertNoPersonalNumbers, isUniqueViolation, validationError } from '../people/guards.js';
import { deleteLinks, insertLinks, linksOfEntity } from './link-repo.js';
import { assertLinkable, assertPark, type Link, personLinkEvents } from './link-rules.js';
import {
  type EntityRow,
  findEntityByCreditCode,
  insertEntity,
  updateEntityAtVersion,
} from './repo.js';
import { type EntityInsert, entityRow } from './row.js';
import { entitySearchTokens } from '../../../domain/text/name-tokens.js';

/**
 * The entity write model shared by the API and the importer: insert and update with dedup on the
 * credit code, park and link checks, and history on the entity (and a `link` / `unlink` entry
 * on each person whose link changes). Permission, scope and the audit record are the caller's.
 */

/** A validated patch: the update schema without the version. */
export type EntityPatch = Omit<EntityUpdateT, 'version'>;

/** Who writes, what they may see and link, and how history names the change. */
export interface EntityWriteOptions {
  meta: ChangeMeta;
  /** Whether the caller may learn the id of a duplicate (its region and park). */
  visible?: (e: { regionCode: string; parkOrgId: string | null }) => boolean;
  /** Whether the caller may link a person of this ledger region (person.read scope). */
  canLink?: (personRegionCode: string) => boolean;
  action?: string;
  context?: Record<string, unknown>;
}

/** Fields an entity's history speaks of, by their API names. */
export const ENTITY_HISTORY_FIELDS = [
  'name',
  'creditCode',
  'pilotCode',
  'pilotCodeReason',
  'type',
  'isWorkshop',
  'industryCode',
  'regionCode',
  'parkOrgId',
  'parkUnit',
  'foundedOn',
  'registeredCapitalWan',
  'employees',
  'jobsCreated',
  'jobsPoverty',
  'annualRevenueWan',
  'aboveScale',
  'isEcommerce',
  'products',
  'links',
] as const;
type HistoryField = (typeof ENTITY_HISTORY_FIELDS)[number];

const linkKey = (l: Link) => `${l.personId.toLowerCase()} ${l.role}`;
const amount = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

function snapshot(r: EntityInsert, links: Link[]): Record<HistoryField, unknown> {
  return {
    name: r.name,
    creditCode: r.creditCode,
    pilotCode: r.pilotCode ?? false,
    pilotCodeReason: r.pilotCodeReason ?? null,
    type: r.type,
    isWorkshop: r.isWorkshop ?? false,
    industryCode: r.industryCode ?? null,
    regionCode: r.regionCode,
    parkOrgId: r.parkOrgId ?? null,
    parkUnit: r.parkUnit ?? null,
    foundedOn: r.foundedOn ?? null,
    registeredCapitalWan: amount(r.registeredCapitalWan),
    employees: r.employees ?? 0,
    jobsCreated: r.jobsCreated ?? 0,
    jobsPoverty: r.jobsPoverty ?? 0,
    annualRevenueWan: amount(r.annualRevenueWan),
    aboveScale: r.aboveScale ?? false,
    isEcommerce: r.isEcommerce ?? false,
    products: r.products ?? '',
    links: links
      .map((l) => ({ personId: l.personId.toLowerCase(), role: l.role }))
      .sort((a, b) => linkKey(a).localeCompare(linkKey(b))),
  };
}

function duplicate(
  existing: { id: string; regionCode: string; parkOrgId: string | null },
  o: EntityWriteOptions,
): AppError {
  return new AppError('ENTITY_DUPLICATE', o.visible?.(existing) ? { existingId: existing.id } : {});
}

/** The `changes` of a new entity's history entry (every field set, links included). */
export function entityCreatedChanges(r: EntityInsert, links: Link[]): FieldChange[] {
  return createdFields(snapshot(r, links), ENTITY_HISTORY_FIELDS);
}

/**
 * Inserts a validated entity with its links, a `create` history entry (every field set) and a
 * `link` entry on each linked person; returns the new id. A live entity with the same credit code
 * is refused with ENTITY_DUPLICATE (its id in details only when `visible`).
 */
export async function createEntityRecord(
  tx: Executor,
  input: EntityCreateT,
  o: EntityWriteOptions,
): Promise<string> {
  assertNoPersonalNumbers({
    name: input.name,
    products: input.products,
    parkUnit: input.parkUnit,
    pilotCodeReason: input.pilotCodeReason,
  });
  await assertPark(tx, input.parkOrgId);
  await assertLinkable(tx, input.links, o.canLink);
  const row = entityRow(input, { actorId: o.meta.actorId, now: o.meta.now });
  const existing = await findEntityByCreditCode(tx, row.creditCode);
  if (existing) throw duplicate(existing, o);
  let id: string;
  try {
    id = await insertEntity(tx, row);
  } catch (e) {
    if (isUniqueViolation(e, 'entities_credit_code_live_key'))
      throw new AppError('ENTITY_DUPLICATE');
    throw e;
  }
  const links = input.links.map((l) => ({ ...l, entityId: id, createdAt: o.meta.now }));
  await insertLinks(tx, links);
  await writeHistory(tx, o.meta, [
    {
      objectType: 'entity',
      objectId: id,
      action: o.action ?? 'create',
      changes: entityCreatedChanges(row, input.links),
      context: o.context,
    },
    ...personLinkEvents(id, input.links, []),
  ]);
  return id;
}

/** The columns a patch sets, with the derived flags and the credit-code warning. */
function columnsOf(row: EntityRow, patch: EntityPatch): Partial<EntityInsert> {
  const set: Partial<EntityInsert> = {};
  const copy = [
    'name',
    'type',
    'isWorkshop',
    'industryCode',
    'regionCode',
    'parkOrgId',
    'parkUnit',
    'foundedOn',
    'employees',
    'jobsCreated',
    'jobsPoverty',
    'isEcommerce',
    'products',
  ] as const;
  for (const k of copy) if (patch[k] !== undefined) Object.assign(set, { [k]: patch[k] });
  if (patch.creditCode !== undefined && patch.creditCode !== row.creditCode) {
    set.creditCode = patch.creditCode;
    set.creditCodeChecksumValid = patch.creditCodeWarning === undefined;
  }
  if (patch.pilotCode !== undefined) set.pilotCode = patch.pilotCode;
  const pilot = patch.pilotCode ?? row.pilotCode;
  if (!pilot) {
    if (row.pilotCodeReason !== null) set.pilotCodeReason = null;
  } else if (patch.pilotCodeReason !== undefined) {
    set.pilotCodeReason = patch.pilotCodeReason;
  }
  for (const k of ['registeredCapitalWan', 'annualRevenueWan'] as const) {
    const v = patch[k];
    if (v !== undefined) set[k] = v === null ? null : String(v);
  }
  if (patch.annualRevenueWan !== undefined) {
    set.aboveScale = deriveEntityFlags({ annualRevenueWan: patch.annualRevenueWan }).aboveScale;
  }
  return set;
}

/**
 * Applies a validated patch to a stored entity (read in the same transaction at the client's
 * version): re-checks the merged record, the park, a new credit code's uniqueness and new links,
 * replaces the links when the patch has them, writes the row with a new version, one `update`
 * history entry with each field's from → to, and `link` / `unlink` entries on the people
 * concerned. Returns the changes; a patch that changes nothing writes nothing.
 */
export async function updateEntityRecord(
  tx: Executor,
  row: EntityRow,
  patch: EntityPatch,
  o: EntityWriteOptions,
): Promise<FieldChange[]> {
  const pick = <K extends keyof EntityPatch & keyof EntityRow>(k: K) =>
    patch[k] === undefined ? row[k] : patch[k];
  const issues = entityConsistencyIssues({
    jobsCreated: pick('jobsCreated'),
    jobsPoverty: pick('jobsPoverty'),
    parkOrgId: pick('parkOrgId'),
    parkUnit: pick('parkUnit'),
  });
  // The credit-code rule is judged when the patch touches the code or its pilot mark, so an old
  // record kept with a warning can still be edited otherwise.
  if (
    patch.creditCode !== undefined ||
    patch.pilotCode !== undefined ||
    patch.pilotCodeReason !== undefined
  ) {
    issues.push(
      ...creditCodeIssues({
        creditCode: pick('creditCode'),
        pilotCode: pick('pilotCode'),
        pilotCodeReason: pick('pilotCodeReason'),
      }),
    );
  }
  if (issues.length > 0) throw validationError(issues);
  assertNoPersonalNumbers({
    name: patch.name,
    products: patch.products,
    parkUnit: patch.parkUnit,
    pilotCodeReason: patch.pilotCodeReason,
  });
  if (patch.parkOrgId !== undefined && patch.parkOrgId !== row.parkOrgId)
    await assertPark(tx, patch.parkOrgId);
  const set = columnsOf(row, patch);
  if (set.creditCode !== undefined) {
    const existing = await findEntityByCreditCode(tx, set.creditCode, row.id);
    if (existing) throw duplicate(existing, o);
  }
  const current = await linksOfEntity(tx, row.id);
  const next = patch.links ?? current;
  const keep = new Set(next.map(linkKey));
  const had = new Set(current.map(linkKey));
  const removed = current.filter((l) => !keep.has(linkKey(l)));
  const added = next.filter((l) => !had.has(linkKey(l)));
  await assertLinkable(tx, added, o.canLink);
  const changes = diffFields(
    snapshot(row, current),
    snapshot({ ...row, ...set }, next),
    ENTITY_HISTORY_FIELDS,
  );
  if (changes.length === 0) return [];
  const name = set.name ?? row.name;
  const products = set.products ?? row.products;
  const full = {
    ...set,
    searchTokens: entitySearchTokens({ name, products }),
    updatedAt: o.meta.now,
    updatedBy: o.meta.actorId,
  };
  let done: boolean;
  try {
    done = await updateEntityAtVersion(tx, row.id, row.version, full);
  } catch (e) {
    if (isUniqueViolation(e, 'entities_credit_code_live_key'))
      throw new AppError('ENTITY_DUPLICATE');
    throw e;
  }
  if (!done) throw new AppError('VERSION_CONFLICT');
  await deleteLinks(
    tx,
    removed.map((l) => l.linkId),
  );
  await insertLinks(
    tx,
    added.map((l) => ({
      entityId: row.id,
      personId: l.personId,
      role: l.role,
      createdAt: o.meta.now,
    })),
  );
  await writeHistory(tx, o.meta, [
    {
      objectType: 'entity',
      objectId: row.id,
      action: o.action ?? 'update',
      changes,
      context: o.context,
    },
    ...personLinkEvents(row.id, added, removed),
  ]);
  return changes;
}
