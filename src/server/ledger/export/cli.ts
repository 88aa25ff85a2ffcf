import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { AppDeps } from '../../platform/http/types.js';
import { PRIVATE_FILE_MODE } from '../../platform/db/private-files.js';
import { cliActor, cliContext } from '../import/cli.js';
import { EntitiesExportQuery, PeopleExportQuery } from './contract.js';
import { exportEntities, exportPeople } from './service.js';

export interface CliExport {
  kind: 'people' | 'entities';
  login: string;
  out: string;
  /** The list filters, as the query string would carry them (region, status, category, q …). */
  query: Record<string, string | undefined>;
}

/**
 * Exports a filtered list to a file on behalf of `login`, through the same service as the API
 * (scope, masking, unmasking with person.unmask and a reason, the audit record). Returns the
 * number of rows.
 */
export async function exportFileAs(deps: AppDeps, o: CliExport): Promise<number> {
  const ctx = cliContext(await cliActor(deps, o.login), deps.auditKeys.chain);
  const d =
    o.kind === 'people'
      ? await exportPeople(deps, ctx, PeopleExportQuery.parse(o.query))
      : await exportEntities(deps, ctx, EntitiesExportQuery.parse(o.query));
  await pipeline(d.stream, createWriteStream(o.out, { mode: PRIVATE_FILE_MODE }));
  return d.rows;
}
