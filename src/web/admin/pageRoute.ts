import type { ReactNode } from 'react';

/** A console route under /admin: its path, who may open it (any of), and what it shows. */
export interface PageRoute {
  path: string;
  perms?: string[];
  /** The permission must come through a region-scoped grant (e.g. filing for someone: 受理). */
  regionGrant?: boolean;
  element: ReactNode;
}
