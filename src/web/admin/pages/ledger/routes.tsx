import type { PageRoute } from '../../pageRoute';

/** This module's routes beyond its menu entries (detail pages, drill-downs). */
export const extraRoutes: PageRoute[] = [];
