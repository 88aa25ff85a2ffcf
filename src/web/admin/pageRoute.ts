import type { ReactNode } from 'react';

/** A console route under /admin: its path, who may open it (any of), and what it shows. */
export interface PageRoute {
  path: string;
  perms?: string[];
  element: ReactNode;
}
