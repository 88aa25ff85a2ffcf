/**
 * Setup for bench/lists.ts: the PostgreSQL database it shares with bench/dashboard.ts
 * (`fx_bench_ledger_<N>`), the division tree and a generated national ledger of N people, kept
 * between runs.
 *
 *   npx tsx bench/lists-setup.ts --people 1000000
 */
import { parseArgs } from 'node:util';
import { deriveKeys } from '../src/server/platform/crypto/keys.js';
import { ensureLedger, ledgerBenchName, openBenchDatabase } from './dashboard-setup.js';

/** The keys every lists bench run uses (the ledger's sealed fields stay readable between runs). */
export const BENCH_KEYS = deriveKeys(Buffer.alloc(32, 9).toString('base64'));

/** The bench server (BENCH_DATABASE_URL, else the local test server). */
export const benchServerUrl = (): string =>
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Opens the lists bench database of `people` people, generating what is missing. */
export async function openListsBench(people: number) {
  const database = await openBenchDatabase(benchServerUrl(), ledgerBenchName(people));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const t = performance.now();
  const ledger = await ensureLedger(database, BENCH_KEYS, people, log);
  return { database, ledger, setupSeconds: (performance.now() - t) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' } } });
  const { database, ledger, setupSeconds } = await openListsBench(Number(values.people));
  process.stderr.write(
    `${ledger.people} people, ${ledger.entities} entities; setup ${setupSeconds.toFixed(0)} s\n`,
  );
  await database.close();
}
