/** The console's zh-CN messages for the import screens; spread into zh-CN.ts. */
export const importZhCN = {
  'ph.import': 'import',
} as const;
