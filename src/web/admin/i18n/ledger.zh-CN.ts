/** The console's zh-CN messages for the ledger screens; spread into zh-CN.ts. */
export const ledgerZhCN = {
  'ph.ledger': 'ledger',
} as const;
