import { lazy } from 'react';
import type { PageRoute } from '../../pageRoute';

const DashboardPage = lazy(() =>
  import('./DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

/** This module's routes beyond its menu entries: the dashboard drilled down to a region. */
export const extraRoutes: PageRoute[] = [
  { path: '/stats/dashboard/:regionCode', perms: ['stats.read'], element: <DashboardPage /> },
];
