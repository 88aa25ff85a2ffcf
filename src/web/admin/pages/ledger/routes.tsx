import { lazy } from 'react';
import type { PageRoute } from '../../pageRoute';

const PersonDetailPage = lazy(() =>
  import('./PersonDetailPage').then((m) => ({ default: m.PersonDetailPage })),
);
const EntityDetailPage = lazy(() =>
  import('./EntityDetailPage').then((m) => ({ default: m.EntityDetailPage })),
);

/** This module's routes beyond its menu entries (detail pages, drill-downs). */
export const extraRoutes: PageRoute[] = [
  { path: '/ledger/people/:id', perms: ['person.read'], element: <PersonDetailPage /> },
  { path: '/ledger/entities/:id', perms: ['entity.read'], element: <EntityDetailPage /> },
];
