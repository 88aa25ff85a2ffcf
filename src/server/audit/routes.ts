import type { App, AppDeps } from '../http/types.js';

export function registerAuditRoutes(app: App, deps: AppDeps): void {
  void app;
  void deps;
}
