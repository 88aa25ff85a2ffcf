import type { loansZhCN } from './loans.zh-CN';

export type LoansKey = keyof typeof loansZhCN;
