import { SessionCache } from './platform/auth/session-cache.js';
import { listenNotices, type NoticeListener } from './platform/db/notices.js';
import type { AppDeps } from './platform/http/types.js';
import { RegionTree } from './platform/regions/region-tree.js';

export interface Caches {
  regionTree: RegionTree;
  sessionCache: SessionCache;
  close(): Promise<void>;
}

/**
 * The in-memory caches of one instance and the notices that keep them true: the division tree
 * (loaded now, reloaded on `fx_regions`) and the session cache (dropped on `fx_auth`, and
 * bypassed while the notice connection is down).
 */
export async function startCaches(deps: AppDeps): Promise<Caches> {
  const regionTree = new RegionTree(deps.db);
  const sessionCache = new SessionCache();
  let everUp = false;
  const listener: NoticeListener = await listenNotices(deps.database, {
    onNotice(channel, payload) {
      if (channel === 'fx_auth') sessionCache.notice(payload);
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
    async close() {
      await regionTree.close();
      await listener.close();
    },
  };
}
