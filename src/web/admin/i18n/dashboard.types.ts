import type { dashboardZhCN } from './dashboard.zh-CN';

export type DashboardKey = keyof typeof dashboardZhCN;
