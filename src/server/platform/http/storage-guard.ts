import { FreeSpaceWatch, refusedWhenLow } from '../storage/free-space.js';
import type { App, AppDeps } from './types.js';

const MB = 1024 * 1024;

/**
 * Starts the data directory's free-space watch (unless FANXIANG_MIN_FREE_MB is 0) and refuses
 * changes with STORAGE_FULL while the space is below the minimum. Runs after the session checks,
 * so a stranger still gets 401, and before the body is validated or any service runs.
 */
export function installStorageGuard(app: App, deps: AppDeps): void {
  if (!deps.freeSpace && deps.config.minFreeMb > 0) {
    deps.freeSpace = new FreeSpaceWatch(deps.config.dataDir, deps.config.minFreeMb * MB, app.log);
  }
  const watch = deps.freeSpace;
  if (!watch) return;
  watch.start();
  app.addHook('onClose', () => watch.stop());
  app.addHook('preValidation', (req, _reply, done) => {
    done(
      watch.low && refusedWhenLow(req.method, req.routeOptions.url) ? watch.refusal() : undefined,
    );
  });
}
