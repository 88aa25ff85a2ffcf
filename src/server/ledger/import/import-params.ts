import { z } from 'zod';
import { isWithin } from '../../../domain/regions/region-code.js';
import type { ImportKind } from './columns.js';

/** Job kinds of ledger imports. */
export const IMPORT_JOB_KIND: Record<ImportKind, string> = {
  people: 'ledger.import.people',
  entities: 'ledger.import.entities',
};

/** What an import job keeps in its params: the file, who imports, and their scope then. */
export const ImportParams = z.object({
  file: z.string(),
  /** Uploads are deleted when the job ends; a file given to the CLI is left alone. */
  deleteFile: z.boolean(),
  fileName: z.string().nullable(),
  bytes: z.number(),
  actor: z.object({ userId: z.string().nullable(), login: z.string() }),
  /** Region roots at creation: ledger.import, person/entity.write, and person.read (links). */
  scopes: z.object({
    import: z.array(z.string()),
    write: z.array(z.string()),
    read: z.array(z.string()),
  }),
});

export type ImportParamsT = z.infer<typeof ImportParams>;

/** True when `code` lies within one of `roots`. */
export function withinAny(roots: readonly string[], code: string): boolean {
  return roots.some((r) => isWithin(code, r));
}

/** The importer may write a record of this ledger region: within both import and write scope. */
export function writableIn(p: ImportParamsT, code: string): boolean {
  return withinAny(p.scopes.import, code) && withinAny(p.scopes.write, code);
}
