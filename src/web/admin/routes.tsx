import { lazy, type ReactNode } from 'react';
import type { MessageKey } from './i18n/i18n';
import { navLeaves } from './layout/nav';
import type { PageRoute } from './pageRoute';
import { extraRoutes as caseRoutes } from './pages/cases/routes';
import { extraRoutes as dashboardRoutes } from './pages/dashboard/routes';
import { extraRoutes as ledgerRoutes } from './pages/ledger/routes';
import { extraRoutes as ledgerIoRoutes } from './pages/ledger-io/routes';
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
const PeoplePage = lazy(() =>
  import('./pages/ledger/PeoplePage').then((m) => ({ default: m.PeoplePage })),
);
const EntitiesPage = lazy(() =>
  import('./pages/ledger/EntitiesPage').then((m) => ({ default: m.EntitiesPage })),
);
const RequestsPage = lazy(() =>
  import('./pages/ledger/RequestsPage').then((m) => ({ default: m.RequestsPage })),
);
const ImportExportPage = lazy(() =>
  import('./pages/ledger-io/ImportExportPage').then((m) => ({ default: m.ImportExportPage })),
);
const CaseQueuePage = lazy(() =>
  import('./pages/cases/CaseQueuePage').then((m) => ({ default: m.CaseQueuePage })),
);
const LoanApplyPage = lazy(() =>
  import('./pages/loans/LoanApplyPage').then((m) => ({ default: m.LoanApplyPage })),
);
const SubsidyClaimsPage = lazy(() =>
  import('./pages/loans/SubsidyClaimsPage').then((m) => ({ default: m.SubsidyClaimsPage })),
);
const FundPage = lazy(() =>
  import('./pages/loans/FundPage').then((m) => ({ default: m.FundPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const TargetsPage = lazy(() =>
  import('./pages/dashboard/TargetsPage').then((m) => ({ default: m.TargetsPage })),
);

const placeholder = (key: MessageKey) => <PlaceholderPage titleKey={key} />;

/** What each menu entry shows. */
const PAGES: Record<string, ReactNode> = {
  workbench: <WorkbenchPage />,
  people: <PeoplePage />,
  entities: <EntitiesPage />,
  'portal-requests': <RequestsPage />,
  'import-export': <ImportExportPage />,
  'case-queue': <CaseQueuePage />,
  'loan-apply': <LoanApplyPage />,
  'subsidy-claims': <SubsidyClaimsPage />,
  'guarantee-fund': <FundPage />,
  dashboard: <DashboardPage />,
  targets: <TargetsPage />,
  users: <UsersPage />,
  roles: <RolesPage />,
  orgs: <OrgsPage />,
  security: <SecurityPage />,
  audit: <AuditPage />,
};

/** The menu entries' pages, then each module's detail and drill-down routes. */
export function pageRoutes(): PageRoute[] {
  return [
    ...navLeaves().map((leaf) => ({
      path: leaf.path,
      perms: leaf.perms,
      ...(leaf.regionGrant ? { regionGrant: true } : {}),
      element: PAGES[leaf.key] ?? placeholder(leaf.labelKey),
    })),
    ...ledgerRoutes,
    ...ledgerIoRoutes,
    ...dashboardRoutes,
    ...caseRoutes,
  ];
}
