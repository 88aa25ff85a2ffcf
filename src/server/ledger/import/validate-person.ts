import { maskIdNumber } from '../../../domain/identity/id-number.js';
import { PersonCreate } from '../../../domain/ledger/person-schema.js';
import { ledgerDate } from '../people/guards.js';
import { defaultLedgerRegion, personRow } from '../people/row.js';
import type { ColumnMap } from './columns.js';
import { fingerprint } from './fingerprint.js';
import { orderedUuid, personCopyLine } from './person-bulk.js';
import { personCreatedChanges } from '../people/write.js';
import { addPersonalNumberIssues, addSchemaIssues, header, readRow } from './read-row.js';
import type {
  ChunkResult,
  RawRow,
  RegionRef,
  RowResult,
  ValidationSetup,
  ValidPerson,
} from './row-types.js';

/** A person row validated: its result, and for a good row its COPY line and its input as JSON. */
interface PersonOut {
  result: RowResult;
  line?: string;
  input?: string;
}

function validatePerson(raw: RawRow, map: ColumnMap, s: ValidationSetup, today: string): PersonOut {
  const read = readRow(raw, map);
  const { ledgerRegionCode, ...input } = read.input;
  read.input = input;
  const parsed = PersonCreate.safeParse(input);
  if (!parsed.success) addSchemaIssues(read, parsed.error, 'people');
  addPersonalNumberIssues(read, ['skills']);
  const ledger = typeof ledgerRegionCode === 'string' ? ledgerRegionCode : null;
  if (ledger !== null && !/^\d{12}$/.test(ledger)) {
    const column = header(map, 'ledgerRegionCode');
    read.issues.push({ column, code: 'REGION_CODE_FORMAT', value: ledger });
  }
  if (read.issues.length > 0 || !parsed.success) {
    return { result: { n: raw.n, ok: false, issues: read.issues } };
  }
  const p = parsed.data;
  const row = personRow(p, s.keys, {
    regionCode: ledger ?? undefined,
    actorId: s.actorId,
    now: s.now,
    statusDate: today,
  });
  const byDefault = defaultLedgerRegion(p) === p.currentRegionCode ? 'current' : 'hukou';
  const regions: RegionRef[] = [
    {
      column: header(map, 'hukouRegionCode'),
      code: p.hukouRegionCode,
      ledger: !ledger && byDefault === 'hukou',
    },
    {
      column: header(map, 'currentRegionCode'),
      code: p.currentRegionCode,
      ledger: !ledger && byDefault === 'current',
    },
  ];
  if (ledger) regions.push({ column: header(map, 'ledgerRegionCode'), code: ledger, ledger: true });
  const result: ValidPerson = {
    kind: 'people',
    n: raw.n,
    ok: true,
    fp: fingerprint(p.idNumber),
    key: { column: header(map, 'idNumber'), value: maskIdNumber(p.idNumber) },
    regions,
    warnings: [],
    bidx: row.idNumberBidx,
    phoneBidx: row.phoneBidx ?? null,
    input: [0, 0],
    ledgerRegionCode: ledger,
  };
  return {
    result,
    line: personCopyLine(row, personCreatedChanges(row), raw.n, orderedUuid(Date.now())),
    input: JSON.stringify(p),
  };
}

/**
 * Validates a chunk of people rows with PersonCreate and builds each good row through the
 * shared write model (personRow: sealed ID number and phone, search tokens) and its history
 * entry; the rows leave as bytes (see {@link ChunkResult}).
 */
export function validatePeopleChunk(
  rows: readonly RawRow[],
  map: ColumnMap,
  s: ValidationSetup,
): ChunkResult {
  const out: RowResult[] = [];
  const lines: string[] = [];
  const inputs: string[] = [];
  let offset = 0;
  const today = ledgerDate(s.now);
  for (const raw of rows) {
    const v = validatePerson(raw, map, s, today);
    if (v.result.ok && v.result.kind === 'people' && v.line && v.input) {
      const bytes = Buffer.byteLength(v.input);
      v.result.input = [offset, offset + bytes];
      offset += bytes;
      lines.push(v.line);
      inputs.push(v.input);
    }
    out.push(v.result);
  }
  const encoder = new TextEncoder();
  return {
    rows: out,
    copy: lines.length > 0 ? encoder.encode(lines.join('')) : null,
    inputs: inputs.length > 0 ? encoder.encode(inputs.join('')) : null,
  };
}
