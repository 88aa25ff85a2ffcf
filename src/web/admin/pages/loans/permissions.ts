import type { Permission } from '../../../../domain/access/permissions';

/**
 * The loan screens' permissions. Filing for someone is case work (the server also wants a region
 * grant); 贴息 claims and the guarantee fund are read with `subsidy.read`, paid with `subsidy.pay`.
 */
export const LOAN_APPLY: Permission = 'case.work';
export const SUBSIDY_READ: Permission = 'subsidy.read';
export const SUBSIDY_PAY: Permission = 'subsidy.pay';
export const FUND_READ: Permission = 'subsidy.read';
