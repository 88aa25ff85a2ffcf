import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerSetup } from './pool.js';
import type { RawRow, ValidationSetup } from './row-types.js';
import { validateChunk } from './validate-row.js';

/** Worker-thread entry: validates and seals the chunks the import's main thread sends. */
const data = workerData as WorkerSetup;
const setup: ValidationSetup = {
  kind: data.kind,
  fields: data.fields,
  keys: { encryption: Buffer.from(data.encryption), blindIndex: Buffer.from(data.blindIndex) },
  actorId: data.actorId,
  now: new Date(data.now),
};

parentPort?.on('message', (m: { id: number; rows: RawRow[] }) => {
  try {
    const result = validateChunk(m.rows, setup);
    const transfer: ArrayBuffer[] = [];
    for (const b of [result.copy, result.inputs]) if (b) transfer.push(b.buffer as ArrayBuffer);
    parentPort?.postMessage({ id: m.id, result }, transfer);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
