import type { adminsZhCN } from './admins.zh-CN';

export type AdminsKey = keyof typeof adminsZhCN;
