import { mapFromFields } from './read-row.js';
import type { ChunkResult, RawRow, ValidationSetup } from './row-types.js';
import { validateEntity } from './validate-entity.js';
import { validatePeopleChunk } from './validate-person.js';

/**
 * Validates a chunk of rows with the domain contracts and, for good rows, builds the stored
 * rows through the shared write model (personRow / entityRow). Pure CPU work: runs in-process
 * or on a validation thread.
 */
export function validateChunk(rows: readonly RawRow[], setup: ValidationSetup): ChunkResult {
  const map = mapFromFields(setup.kind, setup.fields);
  if (setup.kind === 'people') return validatePeopleChunk(rows, map, setup);
  return { rows: rows.map((r) => validateEntity(r, map, setup)), copy: null, inputs: null };
}
