import type { casesZhCN } from './cases.zh-CN';

export type CasesKey = keyof typeof casesZhCN;
