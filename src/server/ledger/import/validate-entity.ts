import { maskIdNumber, parseIdNumber } from '../../../domain/identity/id-number.js';
import { EntityCreate } from '../../../domain/ledger/entity-schema.js';
import { entityRow } from '../entities/row.js';
import { idNumberIndex } from '../people/sealed.js';
import type { ColumnMap } from './columns.js';
import { fingerprint } from './fingerprint.js';
import {
  addPersonalNumberIssues,
  addSchemaIssues,
  header,
  type Read,
  readRow,
} from './read-row.js';
import type { RawRow, RowIssue, RowResult, ValidationSetup, ValidEntity } from './row-types.js';

function readFounder(
  read: Read,
  map: ColumnMap,
  s: ValidationSetup,
  raw: unknown,
): ValidEntity['founder'] {
  if (typeof raw !== 'string') return null;
  const column = header(map, 'founderIdNumber');
  const id = parseIdNumber(raw);
  if (!id.ok) {
    read.issues.push({ column, code: id.code, value: maskIdNumber(raw.trim()) });
    return null;
  }
  const idNumber = id.value.idNumber;
  return { bidx: idNumberIndex(s.keys, idNumber), column, value: maskIdNumber(idNumber) };
}

/** Validates an entity row with EntityCreate and builds its row (entityRow). */
export function validateEntity(raw: RawRow, map: ColumnMap, s: ValidationSetup): RowResult {
  const read = readRow(raw, map);
  const { founderIdNumber, ...input } = read.input;
  read.input = input;
  const parsed = EntityCreate.safeParse(input);
  if (!parsed.success) addSchemaIssues(read, parsed.error, 'entities');
  addPersonalNumberIssues(read, ['name', 'products', 'parkUnit']);
  const founder = readFounder(read, map, s, founderIdNumber);
  if (read.issues.length > 0 || !parsed.success) {
    return { n: raw.n, ok: false, issues: read.issues };
  }
  const e = parsed.data;
  const codeColumn = header(map, 'creditCode');
  // Only a row marked as an early pilot code gets this far with a failing check character.
  const warnings: RowIssue[] = e.creditCodeWarning
    ? [{ column: codeColumn, code: 'CREDIT_CODE_PILOT', value: e.creditCode }]
    : [];
  return {
    kind: 'entities',
    n: raw.n,
    ok: true,
    fp: fingerprint(e.creditCode),
    key: { column: codeColumn, value: e.creditCode },
    regions: [{ column: header(map, 'regionCode'), code: e.regionCode, ledger: true }],
    warnings,
    row: entityRow(e, { actorId: s.actorId, now: s.now }),
    input: e,
    founder,
  };
}
