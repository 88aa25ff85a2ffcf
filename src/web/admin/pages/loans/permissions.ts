import type { Permission } from '../../../../domain/access/permissions';

/**
 * The loan screens' permissions. Filing for someone is case work (the server also wants a region
 * grant); 贴息 claims are read with `subsidy.read` and paid with `subsidy.pay`; the guarantee fund is
 * read with `fund.read` and deposits need `fund.manage` (财政).
 */
export const LOAN_APPLY: Permission = 'case.work';
export const SUBSIDY_READ: Permission = 'subsidy.read';
export const SUBSIDY_PAY: Permission = 'subsidy.pay';
export const FUND_READ: Permission = 'fund.read';
export const FUND_MANAGE: Permission = 'fund.manage';
