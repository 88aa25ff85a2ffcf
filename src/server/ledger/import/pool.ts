import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkResult, RawRow, ValidationSetup } from './row-types.js';
import { validateChunk } from './validate-row.js';

/**
 * Validation and sealing (zod contracts, AES-GCM, HMAC, search tokens) is the CPU-heavy part of
 * an import: large files spread it over worker threads while the main thread reads the file and
 * writes to the database; small ones do it in-process. Both run the same validateRows().
 */
export interface ValidationPool {
  readonly threads: number;
  validate(rows: RawRow[]): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Files above this size are validated on worker threads (when the machine has cores to spare). */
export const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/** What the worker receives once: the setup with the keys as bytes. */
export interface WorkerSetup {
  kind: ValidationSetup['kind'];
  fields: ValidationSetup['fields'];
  encryption: Uint8Array;
  blindIndex: Uint8Array;
  actorId: string | null;
  now: string;
}

/** Validates in the calling thread, yielding to the event loop between chunks. */
export function inProcessPool(setup: ValidationSetup): ValidationPool {
  return {
    threads: 0,
    async validate(rows) {
      await new Promise((r) => setImmediate(r));
      return validateChunk(rows, setup);
    },
    async close() {},
  };
}

interface Pending {
  resolve: (r: ChunkResult) => void;
  reject: (e: Error) => void;
}

/**
 * Heap limits of a validation thread: a small young generation keeps its resident memory near
 * 50 MB (about 160 MB by default) at no measurable cost in speed; the old generation holds
 * little more than the code.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

function spawn(setup: WorkerSetup): Worker {
  const url = new URL(
    import.meta.url.endsWith('.ts') ? './validate-worker.ts' : './validate-worker.js',
    import.meta.url,
  );
  const options = { workerData: setup, resourceLimits: WORKER_LIMITS };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  // Running from TypeScript sources (tests, tsx): load the worker through tsx's loader.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/** A pool of `threads` worker threads, each given the least busy share of the chunks. */
export function workerPool(setup: ValidationSetup, threads: number): ValidationPool {
  const data: WorkerSetup = {
    kind: setup.kind,
    fields: setup.fields,
    encryption: new Uint8Array(setup.keys.encryption),
    blindIndex: new Uint8Array(setup.keys.blindIndex),
    actorId: setup.actorId,
    now: setup.now.toISOString(),
  };
  let nextId = 0;
  const workers = Array.from({ length: threads }, () => {
    const pending = new Map<number, Pending>();
    const worker = spawn(data);
    worker.on('message', (m: { id: number; result?: ChunkResult; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.result) p?.resolve(m.result);
      else p?.reject(new Error(m.error ?? 'validation worker failed'));
    });
    const failAll = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`validation worker exited with ${code}`));
    });
    return { worker, pending };
  });
  return {
    threads,
    validate(rows) {
      const w = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<ChunkResult>((resolve, reject) => {
        w.pending.set(id, { resolve, reject });
        w.worker.postMessage({ id, rows });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/**
 * The pool for a file: `threads` when given (0 = in-process); otherwise, for files above
 * {@link WORKER_THRESHOLD_BYTES} on machines with more than one core, one thread per core but
 * one (the main thread reads the file and drives the database), at most four.
 */
export function validationPool(
  setup: ValidationSetup,
  fileBytes: number,
  threads?: number,
): ValidationPool {
  const cores = availableParallelism();
  const auto = fileBytes >= WORKER_THRESHOLD_BYTES && cores > 1 ? Math.min(cores - 1, 4) : 0;
  const n = threads ?? auto;
  return n > 0 ? workerPool(setup, n) : inProcessPool(setup);
}
