import { lazy, type ReactNode } from 'react';
import type { MessageKey } from './i18n/i18n';
import { navLeaves } from './layout/nav';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { WorkbenchPage } from './pages/WorkbenchPage';

const UsersPage = lazy(() =>
  import('./pages/users/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const RolesPage = lazy(() =>
  import('./pages/roles/RolesPage').then((m) => ({ default: m.RolesPage })),
);
const OrgsPage = lazy(() => import('./pages/orgs/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const SecurityPage = lazy(() =>
  import('./pages/security/SecurityPage').then((m) => ({ default: m.SecurityPage })),
);
const AuditPage = lazy(() =>
  import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);

const placeholder = (key: MessageKey) => <PlaceholderPage titleKey={key} />;

/** What each menu entry shows; the ledger and statistics pages come in the second half. */
const PAGES: Record<string, ReactNode> = {
  workbench: <WorkbenchPage />,
  people: placeholder('nav.people'),
  entities: placeholder('nav.entities'),
  'import-export': placeholder('nav.importExport'),
  dashboard: placeholder('nav.dashboard'),
  targets: placeholder('nav.targets'),
  users: <UsersPage />,
  roles: <RolesPage />,
  orgs: <OrgsPage />,
  security: <SecurityPage />,
  audit: <AuditPage />,
};

export interface PageRoute {
  path: string;
  perms?: string[];
  element: ReactNode;
}

export function pageRoutes(): PageRoute[] {
  return navLeaves().map((leaf) => ({
    path: leaf.path,
    perms: leaf.perms,
    element: PAGES[leaf.key] ?? placeholder(leaf.labelKey),
  }));
}
