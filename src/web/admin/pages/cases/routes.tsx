import { lazy } from 'react';
import type { PageRoute } from '../../pageRoute';

const CaseDetailPage = lazy(() =>
  import('./CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })),
);

/** This module's routes beyond its menu entry: a case's detail. */
export const extraRoutes: PageRoute[] = [
  { path: '/cases/:id', perms: ['case.read'], element: <CaseDetailPage /> },
];
