import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Keys } from '../platform/crypto/keys.js';
import type { Database } from '../platform/db/client.js';
import { entityLinks, entities } from '../ledger/entities/table.js';
import { people } from '../ledger/people/table.js';
import { rowColumns } from './bulk.js';
import { rebuildCounters } from '../statistics/stats/verify.js';
import { copyInto } from './copy.js';
import { planRun, type WorkUnit } from './generate-plan.js';
import {
  generatedEntityRow,
  generatedPersonRow,
  generateUnit,
  type UnitContext,
  type UnitOutput,
} from './generate-unit.js';
import { Random } from './random.js';
import { synthEntity } from './synth-entity.js';
import { synthPerson } from './synth-person.js';

/**
 * `fanxiang demo generate`: synthetic people and entities on the real division tree, streamed
 * into the database in COPY chunks of one work unit each. Worker threads build and seal the rows
 * while the main thread copies the previous unit. The counter triggers stay on: each COPY is one
 * statement, so its rows cost one grouped counter upsert, and the figures are right after every
 * chunk even while the server is running (see README for the measured alternative).
 */

export interface GenerateOptions {
  people: number;
  entities: number;
  province?: string | undefined;
  seed?: string;
  /** Worker threads; 0 generates in process. Default: the cores minus one for the database, at least 1. */
  threads?: number;
  unitPeople?: number;
  /**
   * `triggers` (default): every COPY chunk updates the counters in its own transaction, so the
   * figures are right throughout, even with the server running. `bulk`: copy with triggers off
   * (replication-replica session: no counter triggers, no foreign-key checks; needs a superuser)
   * and rebuild the counters once at the end; faster for a large empty database.
   */
  mode?: 'triggers' | 'bulk';
  today: string;
  onProgress?: (
    done: { people: number; entities: number },
    total: { people: number; entities: number },
  ) => void;
}

export interface GenerateResult {
  people: number;
  entities: number;
  links: number;
  seconds: number;
  /** Of which spent copying into the database (the rest waiting for the generators). */
  copySeconds: number;
  /** Counters rebuilt at the end (bulk mode). */
  rebuildSeconds: number;
  units: number;
}

interface Generator {
  run(unit: WorkUnit): Promise<UnitOutput>;
  close(): Promise<void>;
}

function spawn(data: unknown): Worker {
  const url = new URL(
    import.meta.url.endsWith('.ts') ? './generate-worker.ts' : './generate-worker.js',
    import.meta.url,
  );
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: data });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

function workerGenerator(ctx: UnitContext, threads: number): Generator {
  const data = {
    encryption: new Uint8Array(ctx.keys.encryption),
    blindIndex: new Uint8Array(ctx.keys.blindIndex),
    seed: ctx.seed,
    today: ctx.today,
    columns: ctx.columns,
  };
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const all = Array.from({ length: threads }, () => spawn(data));
  idle.push(...all);
  const take = () =>
    new Promise<Worker>((resolve) =>
      idle.length > 0 ? resolve(idle.pop() as Worker) : waiting.push(resolve),
    );
  const give = (w: Worker) => (waiting.length > 0 ? waiting.shift()?.(w) : idle.push(w));
  return {
    async run(unit) {
      const w = await take();
      try {
        return await new Promise<UnitOutput>((resolve, reject) => {
          const onError = (e: Error) => reject(e);
          w.once('error', onError);
          w.once('message', (m: { ok: boolean; output?: UnitOutput; error?: string }) => {
            w.off('error', onError);
            if (m.ok && m.output) resolve(m.output);
            else reject(new Error(m.error ?? 'generator worker failed'));
          });
          w.postMessage(unit);
        });
      } finally {
        give(w);
      }
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

function inProcessGenerator(ctx: UnitContext): Generator {
  return {
    async run(unit) {
      await new Promise((r) => setImmediate(r));
      return generateUnit(unit, ctx);
    },
    async close() {},
  };
}

/** The COPY column lists of the three tables, from sample rows shaped like the generated ones. */
function copyColumns(keys: Keys): UnitContext['columns'] {
  const r = new Random('columns');
  const place = { township: '110101001000', county: '110101' };
  const person = synthPerson(
    r,
    { ...place, serial: 0, phoneSerial: 0 },
    { status: 'abroad', enteredOn: '2020-01-01' },
  );
  const entity = synthEntity(
    r,
    { ...place, serial: 0, namePrefix: '东城区' },
    { foundedOn: '2020-01-01' },
  );
  return {
    people: rowColumns(people, generatedPersonRow(keys, person)),
    entities: rowColumns(entities, generatedEntityRow(entity, new Date())),
    links: rowColumns(entityLinks, {
      id: '',
      entityId: '',
      personId: '',
      role: '',
      createdAt: new Date(),
    }),
  };
}

/** Generates and copies a synthetic ledger. */
export async function generateLedger(
  database: Database,
  keys: Keys,
  o: GenerateOptions,
): Promise<GenerateResult> {
  const started = Date.now();
  const seed = o.seed ?? `fanxiang-generate-${o.province ?? 'cn'}`;
  const units = await planRun(database.db, {
    people: o.people,
    entities: o.entities,
    province: o.province,
    seed,
    unitPeople: o.unitPeople ?? 20_000,
  });
  const ctx: UnitContext = { keys, seed, today: o.today, columns: copyColumns(keys) };
  const threads = o.threads ?? Math.max(1, availableParallelism() - 1);
  const gen = threads > 0 ? workerGenerator(ctx, threads) : inProcessGenerator(ctx);
  const total = { people: o.people, entities: o.entities };
  const done = { people: 0, entities: 0, links: 0 };
  const bulk = o.mode === 'bulk';
  let copyMs = 0;
  try {
    // Keep the workers busy one unit ahead of the copy.
    const ahead = Math.max(2, threads + 1);
    const pending: Promise<UnitOutput>[] = [];
    let next = 0;
    const refill = () => {
      while (pending.length < ahead && next < units.length)
        pending.push(gen.run(units[next++] as WorkUnit));
    };
    refill();
    while (pending.length > 0) {
      const out = await (pending.shift() as Promise<UnitOutput>);
      refill();
      const copyStarted = Date.now();
      await copyInto(database, 'people', ctx.columns.people, out.people, bulk);
      await copyInto(database, 'entities', ctx.columns.entities, out.entities, bulk);
      await copyInto(database, 'entity_links', ctx.columns.links, out.links, bulk);
      copyMs += Date.now() - copyStarted;
      done.people += out.counts.people;
      done.entities += out.counts.entities;
      done.links += out.counts.links;
      o.onProgress?.({ people: done.people, entities: done.entities }, total);
    }
  } finally {
    await gen.close();
  }
  let rebuildSeconds = 0;
  if (bulk) {
    const t = Date.now();
    await rebuildCounters(database.db);
    rebuildSeconds = (Date.now() - t) / 1000;
  }
  return {
    ...done,
    seconds: (Date.now() - started) / 1000,
    copySeconds: copyMs / 1000,
    rebuildSeconds,
    units: units.length,
  };
}
