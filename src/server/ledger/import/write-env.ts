import type { AppError } from '../../../domain/errors/codes.js';
import type { Keys } from '../../platform/crypto/keys.js';
import type { DbKind } from '../../platform/db/client.js';
import type { ChangeMeta } from '../history/service.js';
import type { IssueAt } from './issues.js';

/** What a batch writer needs besides its rows. */
export interface WriteEnv {
  keys: Keys;
  /** Bulk parameters go to PostgreSQL as bytes, to PGlite as text. */
  backend: DbKind;
  /** The importing user and the batch's time, for rows and history. */
  meta: ChangeMeta;
  jobId: string;
  /** True when the importer may write records of this ledger region. */
  writable(regionCode: string): boolean;
  /** True when the importer may link people of this ledger region (person.read scope). */
  linkable(regionCode: string): boolean;
  /** Contract fields whose columns the file has: an update leaves the others alone. */
  present: ReadonlySet<string>;
  /** The file's header of a field's column, if it has one. */
  header(field: string): string | undefined;
}

/** What a batch did: counts, and rows refused against what the ledger already holds. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused: not written. */
  rejected: IssueAt[];
  /** Rows written with a warning (an early pilot credit code). */
  warnings: IssueAt[];
}

/** History context of a change made by an import: the job and the row. */
export function importContext(env: WriteEnv, n: number): Record<string, unknown> {
  return { jobId: env.jobId, row: n };
}

/**
 * A patch from a validated row for a record already in the ledger: only fields whose columns the
 * file has (a column left out of the file changes nothing); an empty optional cell clears.
 */
export function patchFrom(
  input: Record<string, unknown>,
  fields: readonly string[],
  nullable: ReadonlySet<string>,
  present: ReadonlySet<string>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of fields) {
    if (!present.has(f)) continue;
    const v = input[f];
    if (v !== undefined) patch[f] = v;
    else if (nullable.has(f)) patch[f] = null;
  }
  return patch;
}

const FIELD_OF_CODE: Record<string, string> = {
  PERSON_STATUS_TRANSITION: 'status',
  LINKED_PERSON_NOT_FOUND: 'founderIdNumber',
  PARK_INVALID: 'parkOrgId',
};
const RENAMED: Record<string, string> = { LINKED_PERSON_NOT_FOUND: 'IMPORT_FOUNDER_NOT_FOUND' };

/**
 * The row issues for a write the shared write model refused: a VALIDATION error's field issues
 * on their columns, other codes on the column they concern (else the row's key column).
 */
export function refusal(
  e: AppError,
  n: number,
  key: { column: string; value: string },
  env: WriteEnv,
): IssueAt[] {
  const list = e.code === 'VALIDATION' ? e.details.issues : undefined;
  if (Array.isArray(list) && list.length > 0) {
    return (list as { path?: string; code?: string }[]).map((i) => {
      const field = String(i.path ?? '').split('.')[1] ?? '';
      return {
        n,
        column: env.header(field) ?? key.column,
        code: i.code ?? 'VALIDATION',
        value: '',
      };
    });
  }
  const field = FIELD_OF_CODE[e.code];
  const column = (field && env.header(field)) ?? key.column;
  return [
    { n, column, code: RENAMED[e.code] ?? e.code, value: column === key.column ? key.value : '' },
  ];
}
