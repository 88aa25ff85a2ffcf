import type { ledgerZhCN } from './ledger.zh-CN';

export type LedgerKey = keyof typeof ledgerZhCN;
