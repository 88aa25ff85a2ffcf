import type { DashboardKey } from './dashboard.types';

/** The console's English messages for the dashboard screens; spread into en.ts. */
export const dashboardEn: Record<DashboardKey, string> = {
  'ph.dashboard': 'dashboard',
};
