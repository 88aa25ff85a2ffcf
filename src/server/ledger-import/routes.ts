import type { App, AppDeps } from '../http/types.js';

/** Registered here so the feature's routes land in one place; filled in by the ledger work. */
export function registerLedgerImportRoutes(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
