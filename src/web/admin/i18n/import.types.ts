import type { importZhCN } from './import.zh-CN';

export type ImportKey = keyof typeof importZhCN;
