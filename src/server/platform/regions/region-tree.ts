import type { Executor } from '../db/client.js';
import { listRegionsToLevel, type RegionNameRow, type RegionRow } from './repo.js';

/** Regions down to this level (township) are held in memory; villages stay in the database. */
export const TREE_MAX_LEVEL = 4;
/** Notices arriving closer together than this (an import's batches) cause one reload. */
const RELOAD_DEBOUNCE_MS = 200;

interface Snapshot {
  byCode: Map<string, RegionRow>;
  children: Map<string, RegionRow[]>;
  /** Answers built from this snapshot (JSON text), by a key the caller chooses. */
  bodies: Map<string, string>;
}

/** Answers kept per snapshot at most; beyond, the oldest go first. */
const MAX_BODIES = 5_000;

/**
 * The division tree down to townships, read once at start (in the background) and served from
 * memory: the tree does not change while the server runs, except by `regions import`, whose
 * `fx_regions` notice (drizzle/0012) makes every instance reload it. Until the first load, between
 * a notice and the reload, and for anything not held (villages, unknown codes), every method
 * answers `null`: ask the database.
 */
export class RegionTree {
  private snapshot: Snapshot | null = null;
  private stale = false;
  private reloading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly db: Executor) {}

  /** A change notice: stop serving from memory now, reload shortly. */
  changed(): void {
    if (this.closed) return;
    this.stale = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, RELOAD_DEBOUNCE_MS);
    this.timer.unref();
  }

  /** Reloads now (also used after the notice connection came back, when notices may be lost). */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.stale = true;
    this.reloading = (async () => {
      try {
        do {
          this.again = false;
          const next = await readSnapshot(this.db);
          if (this.closed) return;
          this.snapshot = next;
        } while (this.again);
        if (!this.timer) this.stale = false;
      } catch {
        // The database is away: keep answering from it until the next notice or reconnect.
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** True when the tree is loaded and no change notice is pending: it matches the database. */
  get serving(): boolean {
    return this.snapshot !== null && !this.stale;
  }

  /** A region held in memory, or null (not held, or the tree is reloading). */
  find(code: string): RegionRow | null {
    if (!this.serving) return null;
    return this.snapshot!.byCode.get(code) ?? null;
  }

  /** The children of a region whose children are all held, in code order, or null. */
  children(code: string): RegionRow[] | null {
    const parent = this.find(code);
    if (!parent || parent.level >= TREE_MAX_LEVEL) return null;
    return this.snapshot!.children.get(code) ?? [];
  }

  /** Code, name and level of each given code, or null when any of them is not held. */
  names(codes: string[]): RegionNameRow[] | null {
    const out: RegionNameRow[] = [];
    for (const code of codes) {
      const row = this.find(code);
      if (!row) return null;
      out.push({ code: row.code, name: row.name, level: row.level });
    }
    return out;
  }

  /**
   * The answer text for `key`, built once per snapshot by `make` (the tree never changes under
   * it). Null while the tree is not serving: build the answer from the database instead.
   */
  body(key: string, make: () => string | null): string | null {
    if (!this.serving) return null;
    const bodies = this.snapshot!.bodies;
    const kept = bodies.get(key);
    if (kept !== undefined) return kept;
    const made = make();
    if (made === null) return null;
    if (bodies.size >= MAX_BODIES) {
      const oldest = bodies.keys().next().value;
      if (oldest !== undefined) bodies.delete(oldest);
    }
    bodies.set(key, made);
    return made;
  }

  /** Stops reloading; waits for a load in flight, so the database can close after it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.reloading;
  }
}

async function readSnapshot(db: Executor): Promise<Snapshot> {
  const { rows, parentsBelow } = await listRegionsToLevel(db, TREE_MAX_LEVEL);
  const withChildren = new Set(parentsBelow);
  for (const r of rows) if (r.parentCode !== null) withChildren.add(r.parentCode);
  const byCode = new Map<string, RegionRow>();
  const children = new Map<string, RegionRow[]>();
  for (const r of rows) {
    const row: RegionRow = { ...r, hasChildren: withChildren.has(r.code) };
    byCode.set(row.code, row);
    if (row.parentCode !== null) {
      const list = children.get(row.parentCode);
      if (list) list.push(row);
      else children.set(row.parentCode, [row]);
    }
  }
  return { byCode, children, bodies: new Map() };
}
