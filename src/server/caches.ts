import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SessionCache } from './platform/auth/session-cache.js';
import { listenNotices, type NoticeListener } from './platform/db/notices.js';
import type { AppDeps } from './platform/http/types.js';
import { RegionTree } from './platform/regions/region-tree.js';

export interface Caches {
  regionTree: RegionTree;
  sessionCache: SessionCache;
  /**
   * Resolves once every notice committed before the call has reached this instance's caches:
   * a marker notice is raised and awaited (PostgreSQL delivers notices in commit order). For a
   * change made by another process, such as the operator's CLI disabling an account.
   */
  noticesDelivered(): Promise<void>;
  close(): Promise<void>;
}

/** Prefix of the marker notices `noticesDelivered` raises; the session cache never sees them. */
const MARKER = 'm:';
const MARKER_WAIT_MS = 10_000;

/**
 * The in-memory caches of one instance and the notices that keep them true: the division tree
 * (loaded now, reloaded on `fx_regions`) and the session cache (dropped on `fx_auth`, and
 * bypassed while the notice connection is down).
 */
export async function startCaches(deps: AppDeps): Promise<Caches> {
  const regionTree = new RegionTree(deps.db);
  const sessionCache = new SessionCache();
  let everUp = false;
  const markers = new Map<string, () => void>();
  const listener: NoticeListener = await listenNotices(deps.database, {
    onNotice(channel, payload) {
      if (channel === 'fx_auth' && payload.startsWith(MARKER)) markers.get(payload)?.();
      else if (channel === 'fx_auth') sessionCache.notice(payload);
      else regionTree.changed();
    },
    onState(connected) {
      sessionCache.setLive(connected);
      // Notices may have been missed while the connection was down.
      if (connected && everUp) void regionTree.reload();
      if (connected) everUp = true;
    },
  });
  // In the background: until it is in memory the routes read the database, as before.
  void regionTree.reload();
  return {
    regionTree,
    sessionCache,
    async noticesDelivered() {
      // While the connection is down the session cache serves nothing, so nothing is stale.
      if (!listener.connected) return;
      const payload = `${MARKER}${randomUUID()}`;
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve, reject) => {
        markers.set(payload, resolve);
        timer = setTimeout(() => reject(new Error('notice marker not delivered')), MARKER_WAIT_MS);
      });
      try {
        await deps.db.execute(sql`SELECT pg_notify('fx_auth', ${payload})`);
        await arrived;
      } finally {
        clearTimeout(timer);
        markers.delete(payload);
      }
    },
    async close() {
      await regionTree.close();
      await listener.close();
    },
  };
}
