/**
 * The import's Node CPU per row without the database: the rows of bench/import-people.ts's file,
 * split into cells the way the CSV reader does, validated and sealed by `validatePeopleChunk`
 * (schema, ID number and phone checks, AES-GCM + HMAC, search tokens, history entry, COPY line)
 * in chunks of 1,000, next to the same loop that only splits the lines (the floor any import
 * pays to see its rows), in one process. Prints µs of CPU per row (user + system) per round.
 *
 *   npx tsx bench/import-validate.ts                  # 30,000 rows, 3 rounds
 *   npx tsx bench/import-validate.ts --rows 100000 --rounds 5
 *   node --cpu-prof --import tsx bench/import-validate.ts   # where the time goes
 */
import { parseArgs } from 'node:util';
import { deriveKeys } from '../src/server/platform/crypto/keys.js';
import { mapHeader } from '../src/server/ledger/import/columns.js';
import type { RawRow, ValidationSetup } from '../src/server/ledger/import/row-types.js';
import { validatePeopleChunk } from '../src/server/ledger/import/validate-person.js';
import { PEOPLE_CSV_HEADER, personLine } from './ledger-data.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '30000' },
    rounds: { type: 'string', default: '3' },
    chunk: { type: 'string', default: '1000' },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const chunkSize = Number(values.chunk);

// 奉节's township codes as the bench file uses them (validation does not look them up).
const towns = Array.from({ length: 30 }, (_, i) => `500236${String(100 + i)}000`);
const lines = Array.from({ length: rows }, (_, i) => personLine(i, towns));
const { map, missing } = mapHeader('people', PEOPLE_CSV_HEADER.split(','));
if (missing.length > 0) throw new Error(`bench header lacks ${missing.join(', ')}`);
const setup: ValidationSetup = {
  kind: 'people',
  fields: map.map((c) => c?.field ?? null),
  keys: deriveKeys(Buffer.alloc(32, 9).toString('base64')),
  actorId: null,
  now: new Date('2026-12-07T08:00:00Z'),
};

const cpuMicros = (f: () => void): number => {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return used.user + used.system;
};

const split = (from: number): RawRow[] =>
  lines.slice(from, from + chunkSize).map((line, k) => ({ n: from + k + 2, c: line.split(',') }));

let bad = 0;
const fmt = (n: number) => n.toFixed(1).padStart(7);
console.log(`rows ${rows.toLocaleString('en-US')}, chunks of ${chunkSize}, CPU µs per row`);
console.log('round  split only (baseline)  split + validatePeopleChunk  validation alone');
for (let r = 1; r <= rounds; r++) {
  const floor = cpuMicros(() => {
    for (let i = 0; i < rows; i += chunkSize) split(i);
  });
  const full = cpuMicros(() => {
    for (let i = 0; i < rows; i += chunkSize) {
      const out = validatePeopleChunk(split(i), map, setup);
      for (const row of out.rows) if (!row.ok) bad++;
    }
  });
  console.log(
    `${String(r).padStart(5)}  ${fmt(floor / rows)}  ${' '.repeat(14)}${fmt(full / rows)}  ${' '.repeat(19)}${fmt((full - floor) / rows)}`,
  );
}
if (bad > 0) throw new Error(`${bad} bench rows were refused: the bench data no longer validates`);
