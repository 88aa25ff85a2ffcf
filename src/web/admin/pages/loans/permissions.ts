import type { Permission } from '../../../../domain/access/permissions';

/**
 * The loan screens' permissions as the loan server's routes name them
 * (src/server/programme/loans/contract.ts). Until they are in the permission catalog nobody holds
 * them and the menu entries stay hidden (deny by default); the casts then become no-ops.
 */
export const LOAN_APPLY = 'loan.apply' as string as Permission;
export const SUBSIDY_READ = 'subsidy.read' as string as Permission;
export const FUND_READ = 'fund.read' as string as Permission;
