/**
 * The permission catalog. Roles are sets of these; a user holds role assignments, each with a scope.
 * Administrative permissions belong to exactly one of the three administrators (三权分立).
 * `personalData: true` marks a permission that reads personal data unmasked: granting it needs the
 * security administrator's approval (see grant-rules.ts).
 */
export const PERMISSIONS = {
  'region.read': { zh: '查看行政区划', en: 'Read regions', admin: null },
  'org.read': { zh: '查看机构', en: 'Read organisations', admin: null },
  'person.read': { zh: '查看人员台账', en: 'Read people', admin: null },
  'person.write': { zh: '维护人员台账', en: 'Edit people', admin: null },
  'person.unmask': {
    zh: '查看完整身份证号和手机号',
    en: 'Unmask personal data',
    admin: null,
    personalData: true,
  },
  'entity.read': { zh: '查看市场主体', en: 'Read market entities', admin: null },
  'entity.write': { zh: '维护市场主体', en: 'Edit market entities', admin: null },
  'ledger.import': { zh: '导入台账', en: 'Import ledger files', admin: null },
  'ledger.export': { zh: '导出台账', en: 'Export ledger lists', admin: null },
  'stats.read': { zh: '查看统计和驾驶舱', en: 'Read statistics', admin: null },
  'target.manage': { zh: '下达和分解目标', en: 'Manage targets', admin: null },
  'loan.product.read': { zh: '查看贷款产品参数', en: 'Read loan products', admin: null },
  'loan.product.manage': {
    zh: '录入贷款产品参数（按文件和生效期）',
    en: 'Add dated loan-product values',
    admin: null,
  },
  'case.read': { zh: '查看办件（审批案件）', en: 'Read cases', admin: null },
  'case.work': {
    zh: '办理办件（受理、审核、审批、上传材料）',
    en: 'Work on cases',
    admin: null,
  },
  'loan.repay': {
    zh: '登记贷款还款（经办银行）',
    en: 'Record loan repayments (lending bank)',
    admin: null,
  },
  'subsidy.read': {
    zh: '查看贴息申领',
    en: 'Read subsidy claims',
    admin: null,
  },
  'subsidy.pay': {
    zh: '生成贴息申领单、登记拨付',
    en: 'Build and pay subsidy claims',
    admin: null,
  },
  'fund.read': { zh: '查看担保基金', en: 'Read the guarantee fund', admin: null },
  'fund.manage': { zh: '登记担保基金注入', en: 'Record guarantee-fund deposits', admin: null },
  'portal.self': { zh: '创业者本人操作', en: 'Entrepreneur self-service', admin: null },
  'org.manage': { zh: '维护机构', en: 'Manage organisations', admin: 'system' },
  'user.read': { zh: '查看用户', en: 'Read users', admin: 'system' },
  'user.manage': { zh: '管理用户和授权', en: 'Manage users and grants', admin: 'system' },
  'role.manage': { zh: '管理角色', en: 'Manage roles', admin: 'system' },
  'calendar.manage': {
    zh: '录入法定节假日安排',
    en: 'Enter the official holiday schedule',
    admin: 'system',
  },
  'security.read': { zh: '查看安全设置', en: 'Read security settings', admin: 'security' },
  'security.manage': { zh: '管理安全设置和会话', en: 'Manage security', admin: 'security' },
  'audit.read': { zh: '查阅审计日志', en: 'Read the audit trail', admin: 'audit' },
} as const satisfies Record<
  string,
  { zh: string; en: string; admin: AdminKind | null; personalData?: true }
>;

export type AdminKind = 'system' | 'security' | 'audit';
export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** Business permissions: those that no administrator kind owns. */
export const BUSINESS_PERMISSIONS = ALL_PERMISSIONS.filter((p) => PERMISSIONS[p].admin === null);

/** Permissions that read personal data unmasked (`personalData: true` in the catalog). */
export const PERSONAL_DATA_PERMISSIONS: readonly Permission[] = ALL_PERMISSIONS.filter(
  (p) => 'personalData' in PERMISSIONS[p],
);

/** True for a known permission name. */
export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}

/**
 * The administrator kinds a permission set amounts to. More than one means 三权分立 is broken.
 *
 * @example
 * adminKindsOf(['user.manage', 'audit.read']) // ['system', 'audit']
 */
export function adminKindsOf(permissions: Iterable<string>): AdminKind[] {
  const kinds = new Set<AdminKind>();
  for (const p of permissions) {
    if (isPermission(p)) {
      const kind = PERMISSIONS[p].admin;
      if (kind) kinds.add(kind);
    }
  }
  return [...kinds].sort();
}
