import type { Permission } from '../../../../domain/access/permissions';

/**
 * The loan screens' permissions. Filing for someone is case work (the server also wants a region
 * grant). 贴息 and the fund are read with permissions the loan server's contract names
 * (src/server/programme/loans/contract.ts); until they are in the permission catalog nobody holds
 * them and the menu entries stay hidden (deny by default); the casts then become no-ops.
 */
export const LOAN_APPLY: Permission = 'case.work';
export const SUBSIDY_READ = 'subsidy.read' as string as Permission;
export const FUND_READ = 'fund.read' as string as Permission;
