import type { z } from 'zod';
import { AppError } from '../../../domain/errors/codes.js';
import { EntityCreate } from '../../../domain/ledger/entity-schema.js';
import { PersonUpdate } from '../../../domain/ledger/person-schema.js';
import type { Keys } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { linksOfEntity } from '../../ledger/entities/link-repo.js';
import type { EntityRow } from '../../ledger/entities/repo.js';
import { type EntityWriteOptions, updateEntityRecord } from '../../ledger/entities/write.js';
import type { PersonRow } from '../../ledger/people/repo.js';
import { type PersonWriteOptions, updatePersonRecord } from '../../ledger/people/write.js';
import type { FieldChange } from '../../ledger/history/table.js';

/**
 * How an entrepreneur's values reach a ledger record: through the people and entity write models
 * (consistency, dedup, history), whether the entrepreneur writes their own record directly or an
 * officer accepts their request. Permission, scope and the audit record are the caller's.
 */

/** zod issues of a domain schema as the VALIDATION error the HTTP edge renders. */
export function validation(error: z.ZodError): AppError {
  return new AppError('VALIDATION', {
    issues: error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), code: i.message })),
  });
}

/** A record the entrepreneur created through the portal and that no officer has changed since. */
export function ownRecord(
  row: { createdBy: string | null; updatedBy: string | null },
  accountId: string,
): boolean {
  return row.createdBy === accountId && (row.updatedBy ?? accountId) === accountId;
}

const norm = (v: unknown) => JSON.stringify(v === undefined ? null : v);

/** True when some proposed value differs from the stored record (same field names). */
export function differs(row: object, proposed: Record<string, unknown>): boolean {
  const stored = row as Record<string, unknown>;
  return Object.entries(proposed).some(([k, v]) => k in stored && norm(stored[k]) !== norm(v));
}

/** Applies proposed profile values and the account's verified mobile to a stored person. */
export async function applyPersonValues(
  tx: Executor,
  keys: Keys,
  row: PersonRow,
  proposed: Record<string, unknown>,
  mobile: string,
  o: PersonWriteOptions,
): Promise<FieldChange[]> {
  const patch = PersonUpdate.safeParse({ ...proposed, mobile, version: row.version });
  if (!patch.success) throw validation(patch.error);
  const { version: _v, ...changes } = patch.data;
  return updatePersonRecord(tx, keys, row, changes, o);
}

/** The entrepreneur's own links to an enterprise: founder, and legal representative if so. */
export function ownLinks(personId: string, legalRepresentative: boolean) {
  return ['founder', ...(legalRepresentative ? ['legal_rep'] : [])].map((role) => ({
    personId,
    role,
  }));
}

/**
 * Applies proposed enterprise values to a stored entity; the entrepreneur's own links follow
 * `legalRepresentative`, other people's links stay.
 */
export async function applyEntityValues(
  tx: Executor,
  row: EntityRow,
  proposed: Record<string, unknown>,
  personId: string,
  o: EntityWriteOptions,
): Promise<FieldChange[]> {
  const { legalRepresentative, ...fields } = proposed;
  // The pilot-code mark is the officers' (the portal has no such field): checked as it stands.
  const parsed = EntityCreate.safeParse({
    ...fields,
    pilotCode: row.pilotCode,
    pilotCodeReason: row.pilotCodeReason ?? undefined,
    links: ownLinks(personId, legalRepresentative !== false),
  });
  if (!parsed.success) throw validation(parsed.error);
  const others = (await linksOfEntity(tx, row.id))
    .filter((l) => l.personId !== personId)
    .map((l) => ({
      personId: l.personId,
      role: l.role as 'founder' | 'legal_rep' | 'core_member',
    }));
  const { links, creditCodeWarning: _w, pilotCode: _p, pilotCodeReason: _r, ...rest } = parsed.data;
  return updateEntityRecord(tx, row, { ...rest, links: [...others, ...links] }, o);
}
