import { parentPort, workerData } from 'node:worker_threads';
import type { WorkUnit } from './generate-plan.js';
import { generateUnit, type UnitContext } from './generate-unit.js';

/** A `demo generate` worker: receives work units, answers with their COPY text. */

interface Setup {
  encryption: Uint8Array;
  blindIndex: Uint8Array;
  seed: string;
  today: string;
  columns: UnitContext['columns'];
}

const setup = workerData as Setup;
const ctx: UnitContext = {
  keys: { encryption: Buffer.from(setup.encryption), blindIndex: Buffer.from(setup.blindIndex) },
  seed: setup.seed,
  today: setup.today,
  columns: setup.columns,
};

parentPort?.on('message', (unit: WorkUnit) => {
  try {
    parentPort?.postMessage({ ok: true, output: generateUnit(unit, ctx) });
  } catch (err) {
    parentPort?.postMessage({
      ok: false,
      index: unit.index,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
