/** The console's zh-CN messages for the dashboard screens; spread into zh-CN.ts. */
export const dashboardZhCN = {
  'ph.dashboard': 'dashboard',
} as const;
