import type { OrgType } from '../orgs/org-types.js';
import type { Permission } from './permissions.js';

export interface BuiltinRole {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: Permission[];
  /** Scope kinds this role may be assigned with. */
  scopeTypes: ScopeType[];
  /** Administrator roles must pass a TOTP second factor. */
  requireTotp: boolean;
  /** For organisation scopes: the organisation types the role may be granted on (any when absent). */
  orgTypes?: OrgType[];
}

export type ScopeType = 'region' | 'org' | 'park';

const READ_LEDGER: Permission[] = [
  'region.read',
  'org.read',
  'person.read',
  'entity.read',
  'stats.read',
];

/** Roles every deployment starts with; the system administrator may add more. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    code: 'sys_admin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    permissions: [
      'region.read',
      'org.read',
      'org.manage',
      'user.read',
      'user.manage',
      'role.manage',
      'calendar.manage',
    ],
    scopeTypes: ['region'],
    requireTotp: true,
  },
  {
    code: 'sec_admin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    permissions: ['region.read', 'security.read', 'security.manage'],
    scopeTypes: ['region'],
    requireTotp: true,
  },
  {
    code: 'audit_admin',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    permissions: ['region.read', 'audit.read'],
    scopeTypes: ['region'],
    requireTotp: true,
  },
  {
    code: 'leading_office',
    nameZh: '领导小组办公室',
    nameEn: 'Leading-group office',
    permissions: [
      ...READ_LEDGER,
      'target.manage',
      'ledger.export',
      'loan.product.read',
      'loan.product.manage',
      'case.read',
      'subsidy.read',
      'fund.read',
    ],
    scopeTypes: ['region'],
    requireTotp: false,
  },
  {
    code: 'county_officer',
    nameZh: '县级服务专员',
    nameEn: 'County service officer',
    permissions: [
      ...READ_LEDGER,
      'person.write',
      'person.unmask',
      'entity.write',
      'ledger.import',
      'ledger.export',
      'loan.product.read',
      'case.read',
      'case.work',
    ],
    scopeTypes: ['region'],
    requireTotp: false,
  },
  {
    code: 'township_officer',
    nameZh: '乡镇服务专员',
    nameEn: 'Township service officer',
    permissions: [
      ...READ_LEDGER,
      'person.write',
      'entity.write',
      'ledger.import',
      'ledger.export',
      'loan.product.read',
      'case.read',
      'case.work',
    ],
    scopeTypes: ['region'],
    requireTotp: false,
  },
  {
    code: 'dept_staff',
    nameZh: '成员单位经办人',
    nameEn: 'Department staff',
    permissions: [
      ...READ_LEDGER,
      'loan.product.read',
      'case.read',
      'case.work',
      'subsidy.read',
      'fund.read',
    ],
    scopeTypes: ['region', 'org'],
    requireTotp: false,
  },
  {
    // 财政 raises the guarantee fund (「坚持财政筹集担保基金主渠道」, 南阳 S1 (十一)) and pays
    // the 贴息: it records the fund's deposits (including 失业保险基金 borrowing once its two
    // preconditions are confirmed) and pays the quarterly claims.
    code: 'finance_staff',
    nameZh: '财政部门经办人',
    nameEn: 'Finance department staff',
    permissions: [
      'region.read',
      'org.read',
      'stats.read',
      'loan.product.read',
      'subsidy.read',
      'subsidy.pay',
      'fund.read',
      'fund.manage',
    ],
    scopeTypes: ['region', 'org'],
    requireTotp: false,
    orgTypes: ['finance'],
  },
  {
    // Works the steps routed to its guarantee agency (担保机构审核, 代偿); the case engine
    // matches the organisation's type, so it can never fire a bank's step.
    code: 'guarantee_reviewer',
    nameZh: '担保机构审核员',
    nameEn: 'Guarantee agency reviewer',
    permissions: [
      'region.read',
      'org.read',
      'loan.product.read',
      'case.read',
      'case.work',
      'fund.read',
    ],
    scopeTypes: ['org'],
    requireTotp: false,
    orgTypes: ['guarantee'],
  },
  {
    code: 'bank_reviewer',
    nameZh: '经办银行审核员',
    nameEn: 'Lending bank reviewer',
    permissions: [
      'region.read',
      'org.read',
      'loan.product.read',
      'case.read',
      'case.work',
      'loan.repay',
    ],
    scopeTypes: ['org'],
    requireTotp: false,
    orgTypes: ['bank'],
  },
  {
    code: 'park_operator',
    nameZh: '园区运营方',
    nameEn: 'Park operator',
    permissions: ['region.read', 'org.read', 'entity.read'],
    scopeTypes: ['park'],
    requireTotp: false,
  },
  {
    code: 'mentor',
    nameZh: '创业导师/评审专家',
    nameEn: 'Mentor or expert',
    permissions: ['region.read'],
    scopeTypes: ['region'],
    requireTotp: false,
  },
  {
    code: 'entrepreneur',
    nameZh: '创业者',
    nameEn: 'Entrepreneur',
    permissions: ['region.read', 'portal.self'],
    scopeTypes: ['region'],
    requireTotp: false,
  },
];

/**
 * The organisation types a built-in role may be granted on (null: any, or a custom role).
 *
 * @example
 * roleOrgTypes('bank_reviewer') // ['bank']
 */
export function roleOrgTypes(code: string): readonly OrgType[] | null {
  return BUILTIN_ROLES.find((r) => r.code === code)?.orgTypes ?? null;
}
