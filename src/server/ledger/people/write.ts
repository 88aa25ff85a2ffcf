import { AppError } from '../../../domain/errors/codes.js';
import { canTransition, type PersonStatus } from '../../../domain/ledger/person-categories.js';
import {
  type PersonCreateT,
  personConsistencyIssues,
  type PersonUpdateT,
} from '../../../domain/ledger/person-schema.js';
import type { Keys } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { createdFields, diffFields } from '../history/changes.js';
import { type ChangeMeta, writeHistory } from '../history/service.js';
import type { FieldChange } from '../history/table.js';
import {
  assertNoPersonalNumbers,
  isUniqueViolation,
  ledgerDate,
  validationError,
} from './guards.js';
import {
  findPersonByIdNumberIndex,
  insertPerson,
  type PersonRow,
  updatePersonAtVersion,
} from './repo.js';
import { type PersonInsert, personRow } from './row.js';
import { personSearchTokens } from '../../../domain/text/name-tokens.js';
import { sealIdNumber, sealPhone, unseal } from './sealed.js';

/**
 * The person write model shared by the API and the importer: insert and update with dedup on the
 * ID number's blind index and one history entry per change. Permission, scope and the audit
 * record are the caller's.
 */

/** A validated patch: the update schema without the version, plus an optional ledger region. */
export type PersonPatch = Omit<PersonUpdateT, 'version'> & {
  ledgerRegionCode?: string | undefined;
};

/** Who writes, what they may learn of duplicates, and how history names the change. */
export interface PersonWriteOptions {
  meta: ChangeMeta;
  /** Whether the caller may learn the id of a duplicate in this region (read scope). */
  visible?: (regionCode: string) => boolean;
  /** History action, `create`/`update` unless given (e.g. `import`). */
  action?: string;
  /** History context, e.g. `{ jobId, rowNumber }`. */
  context?: Record<string, unknown>;
}

/** Fields a person's history speaks of, by their API names. */
export const PERSON_HISTORY_FIELDS = [
  'name',
  'sex',
  'birthDate',
  'idNumber',
  'mobile',
  'ledgerRegionCode',
  'hukouRegionCode',
  'currentRegionCode',
  'categories',
  'awayProvinceCode',
  'awayCityCode',
  'monthsAway',
  'returnDate',
  'education',
  'skills',
  'status',
] as const;
type HistoryField = (typeof PERSON_HISTORY_FIELDS)[number];

/** A person as history records it: display values, ID number and phone masked. */
function snapshot(r: PersonInsert): Record<HistoryField, unknown> {
  return {
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    idNumber: r.idNumberMask,
    mobile: r.phoneMask ?? null,
    ledgerRegionCode: r.regionCode,
    hukouRegionCode: r.hukouRegionCode ?? null,
    currentRegionCode: r.currentRegionCode ?? null,
    categories: r.categories,
    awayProvinceCode: r.awayProvinceCode ?? null,
    awayCityCode: r.awayCityCode ?? null,
    monthsAway: r.monthsAway ?? null,
    returnDate: r.returnDate ?? null,
    education: r.education ?? null,
    skills: r.skills ?? '',
    status: r.status,
  };
}

/**
 * The `changes` of a new person's history entry (every field set, identifiers masked): the same
 * for the API's `create`, the importer's and the demo's `import`.
 */
export function personCreatedChanges(r: PersonInsert): FieldChange[] {
  return createdFields(snapshot(r), PERSON_HISTORY_FIELDS);
}

function duplicate(existing: { id: string; regionCode: string }, o: PersonWriteOptions): AppError {
  return new AppError(
    'PERSON_DUPLICATE',
    o.visible?.(existing.regionCode) ? { existingId: existing.id } : {},
  );
}

/**
 * Inserts a validated person with its `create` history entry (every field set, personal fields
 * masked) and returns the new id. A live person with the same ID number is refused with
 * PERSON_DUPLICATE (its id in details only when `visible`).
 */
export async function createPersonRecord(
  tx: Executor,
  keys: Keys,
  input: PersonCreateT,
  o: PersonWriteOptions & { regionCode?: string | undefined },
): Promise<string> {
  assertNoPersonalNumbers({ skills: input.skills });
  const row = personRow(input, keys, {
    regionCode: o.regionCode,
    actorId: o.meta.actorId,
    now: o.meta.now,
    statusDate: ledgerDate(o.meta.now),
  });
  const existing = await findPersonByIdNumberIndex(tx, row.idNumberBidx);
  if (existing) throw duplicate(existing, o);
  let id: string;
  try {
    id = await insertPerson(tx, row);
  } catch (e) {
    if (isUniqueViolation(e, 'people_id_number_live_key')) throw new AppError('PERSON_DUPLICATE');
    throw e;
  }
  const changes = personCreatedChanges(row);
  await writeHistory(tx, o.meta, [
    {
      objectType: 'person',
      objectId: id,
      action: o.action ?? 'create',
      changes,
      context: o.context,
    },
  ]);
  return id;
}

/** Sex, birth date and the city worked in, checked again on the stored record merged with the patch. */
function assertConsistent(keys: Keys, row: PersonRow, patch: PersonPatch): void {
  const pick = <K extends keyof PersonPatch & keyof PersonRow>(k: K) =>
    patch[k] === undefined ? row[k] : patch[k];
  const issues = personConsistencyIssues({
    idNumber: patch.idNumber ?? unseal(keys, row.idNumberEnc),
    sex: pick('sex'),
    birthDate: pick('birthDate'),
    awayProvinceCode: pick('awayProvinceCode'),
    awayCityCode: pick('awayCityCode'),
  });
  if (issues.length > 0) throw validationError(issues);
}

/** The columns a patch sets (only what it names; `null` clears an optional field). */
async function columnsOf(
  tx: Executor,
  keys: Keys,
  row: PersonRow,
  patch: PersonPatch,
  o: PersonWriteOptions,
): Promise<Partial<PersonInsert>> {
  const set: Partial<PersonInsert> = {};
  const copy = [
    'name',
    'sex',
    'birthDate',
    'hukouRegionCode',
    'currentRegionCode',
    'categories',
    'education',
    'skills',
  ] as const;
  for (const k of copy) if (patch[k] !== undefined) Object.assign(set, { [k]: patch[k] });
  const nullable = ['awayProvinceCode', 'awayCityCode', 'monthsAway', 'returnDate'] as const;
  for (const k of nullable) if (patch[k] !== undefined) Object.assign(set, { [k]: patch[k] });
  if (patch.ledgerRegionCode !== undefined) set.regionCode = patch.ledgerRegionCode;
  if (patch.idNumber !== undefined) {
    const id = sealIdNumber(keys, patch.idNumber);
    if (id.bidx !== row.idNumberBidx) {
      const existing = await findPersonByIdNumberIndex(tx, id.bidx, row.id);
      if (existing) throw duplicate(existing, o);
      Object.assign(set, { idNumberEnc: id.enc, idNumberBidx: id.bidx, idNumberMask: id.mask });
    }
  }
  if (patch.mobile !== undefined) {
    const phone = sealPhone(keys, patch.mobile);
    if (phone.bidx !== row.phoneBidx) {
      Object.assign(set, { phoneEnc: phone.enc, phoneBidx: phone.bidx, phoneMask: phone.mask });
    }
  }
  if (patch.status !== undefined && patch.status !== row.status) {
    if (!canTransition(row.status as PersonStatus, patch.status)) {
      throw new AppError('PERSON_STATUS_TRANSITION', { from: row.status, to: patch.status });
    }
    set.status = patch.status;
    set.statusDates = { ...row.statusDates, [patch.status]: ledgerDate(o.meta.now) };
  }
  return set;
}

/**
 * A new ID number or phone whose mask happens to equal the old one (a corrected birth date, the
 * middle digits of a phone) is still a change: decided by the blind index, recorded masked.
 */
function sealedChanges(row: PersonRow, set: Partial<PersonInsert>, changes: FieldChange[]): void {
  const has = (field: string) => changes.some((c) => c.field === field);
  if (set.idNumberBidx !== undefined && !has('idNumber')) {
    changes.push({ field: 'idNumber', from: row.idNumberMask, to: set.idNumberMask });
  }
  if (set.phoneBidx !== undefined && !has('mobile')) {
    changes.push({ field: 'mobile', from: row.phoneMask, to: set.phoneMask });
  }
}

/**
 * Applies a validated patch to a stored person (read in the same transaction, at the version the
 * client last saw): re-checks consistency, the status transition and the ID number's uniqueness,
 * writes the row with a new version and recomputed search tokens, and one `update` history entry
 * with each field's from → to (ID number and phone masked). Returns the changes; a patch that
 * changes nothing writes nothing and returns `[]`.
 */
export async function updatePersonRecord(
  tx: Executor,
  keys: Keys,
  row: PersonRow,
  patch: PersonPatch,
  o: PersonWriteOptions,
): Promise<FieldChange[]> {
  assertConsistent(keys, row, patch);
  assertNoPersonalNumbers({ skills: patch.skills });
  const set = await columnsOf(tx, keys, row, patch, o);
  const changes = diffFields(snapshot(row), snapshot({ ...row, ...set }), PERSON_HISTORY_FIELDS);
  sealedChanges(row, set, changes);
  if (changes.length === 0) return [];
  const name = set.name ?? row.name;
  const skills = set.skills ?? row.skills;
  const full = {
    ...set,
    searchTokens: personSearchTokens({ name, skills }),
    updatedAt: o.meta.now,
    updatedBy: o.meta.actorId,
  };
  let done: boolean;
  try {
    done = await updatePersonAtVersion(tx, row.id, row.version, full);
  } catch (e) {
    if (isUniqueViolation(e, 'people_id_number_live_key')) throw new AppError('PERSON_DUPLICATE');
    throw e;
  }
  if (!done) throw new AppError('VERSION_CONFLICT');
  await writeHistory(tx, o.meta, [
    {
      objectType: 'person',
      objectId: row.id,
      action: o.action ?? 'update',
      changes,
      context: o.context,
    },
  ]);
  return changes;
}
