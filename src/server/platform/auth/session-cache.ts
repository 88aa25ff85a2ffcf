import type { Actor } from '../http/context.js';
import { toActor } from './actor.js';
import type { SessionBundle } from './repo.js';

/** How long a session read from the database is served from memory without a notice. */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Sessions held at most; the oldest go first. */
const MAX_ENTRIES = 20_000;

interface Entry {
  bundle: SessionBundle;
  /** The actor built from the bundle; each request gets a copy. */
  actor: Actor;
  at: number;
}

/**
 * Sessions with their user and grants, read once and kept for a few seconds. Every change
 * that matters (logout, disable, password reset, grants, roles, TOTP) raises an `fx_auth`
 * notice from a database trigger (drizzle/0012), delivered to every instance when it commits:
 * the entries concerned are dropped. A state-changing request on this instance also drops
 * everything before its answer leaves, so its own next request never sees the old state.
 * While the notice connection is down nothing is served from memory.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every drop: a read that started before a drop is not kept. */
  private generation = 0;
  private live = false;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The notice connection is up (true) or down (false). */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  /** The cached bundle and actor for a token hash, reading and keeping it when missing. */
  async get(
    hash: string,
    read: () => Promise<SessionBundle | undefined>,
  ): Promise<{ bundle: SessionBundle; actor: Actor } | undefined> {
    const hit = this.entries.get(hash);
    if (hit && this.live && this.now() - hit.at < SESSION_CACHE_TTL_MS) {
      return { bundle: hit.bundle, actor: { ...hit.actor } };
    }
    if (hit) this.entries.delete(hash);
    const generation = this.generation;
    const bundle = await read();
    if (!bundle) return undefined;
    const actor = toActor(bundle.session, bundle.user, bundle.grants);
    if (this.live && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(hash, { bundle, actor, at: this.now() });
    }
    return { bundle, actor: { ...actor } };
  }

  /** An `fx_auth` notice: `s:<session id>`, `u:<user id>` or `*`. */
  notice(payload: string): void {
    this.generation++;
    const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
    if (kind !== 's:' && kind !== 'u:') {
      this.entries.clear();
      return;
    }
    for (const [hash, e] of this.entries) {
      if (kind === 's:' ? e.bundle.session.id === id : e.bundle.user.id === id) {
        this.entries.delete(hash);
      }
    }
  }

  /** Drops everything (a state change on this instance, or the notice connection changed). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
