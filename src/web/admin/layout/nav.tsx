import {
  AuditOutlined,
  BarChartOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/access/permissions';
import type { MessageKey } from '../i18n/i18n';
import { FUND_READ, LOAN_APPLY, SUBSIDY_READ } from '../pages/loans/permissions';

/** A page of the console: its path under /admin, its title, and who may see it (any of). */
export interface NavLeaf {
  key: string;
  path: string;
  labelKey: MessageKey;
  icon?: ReactNode;
  perms?: Permission[];
  /** `perms` must come through a region-scoped grant (filing for someone is 受理 work). */
  regionGrant?: boolean;
}

export interface NavGroup {
  key: string;
  labelKey: MessageKey;
  icon: ReactNode;
  children: NavLeaf[];
}

export type NavNode = NavLeaf | NavGroup;

export function isGroup(node: NavNode): node is NavGroup {
  return 'children' in node;
}

/** The side menu by module, as officials know it from the systems they use. */
export const NAV: NavNode[] = [
  { key: 'workbench', path: '/', labelKey: 'nav.workbench', icon: <DesktopOutlined /> },
  {
    key: 'ledger',
    labelKey: 'nav.ledger',
    icon: <TeamOutlined />,
    children: [
      { key: 'people', path: '/ledger/people', labelKey: 'nav.people', perms: ['person.read'] },
      {
        key: 'entities',
        path: '/ledger/entities',
        labelKey: 'nav.entities',
        perms: ['entity.read'],
      },
      {
        key: 'portal-requests',
        path: '/ledger/requests',
        labelKey: 'nav.portalRequests',
        perms: ['person.write', 'entity.write'],
      },
      {
        key: 'import-export',
        path: '/ledger/import-export',
        labelKey: 'nav.importExport',
        perms: ['ledger.import', 'ledger.export'],
      },
    ],
  },
  {
    key: 'cases',
    labelKey: 'nav.cases',
    icon: <FileDoneOutlined />,
    children: [
      { key: 'case-queue', path: '/cases/queue', labelKey: 'nav.caseQueue', perms: ['case.read'] },
      {
        key: 'loan-apply',
        path: '/loans/apply',
        labelKey: 'nav.loanApply',
        perms: [LOAN_APPLY],
        regionGrant: true,
      },
      {
        key: 'subsidy-claims',
        path: '/loans/subsidy-claims',
        labelKey: 'nav.subsidyClaims',
        perms: [SUBSIDY_READ],
      },
      {
        key: 'guarantee-fund',
        path: '/loans/fund',
        labelKey: 'nav.guaranteeFund',
        perms: [FUND_READ],
      },
    ],
  },
  {
    key: 'stats',
    labelKey: 'nav.stats',
    icon: <BarChartOutlined />,
    children: [
      {
        key: 'dashboard',
        path: '/stats/dashboard',
        labelKey: 'nav.dashboard',
        perms: ['stats.read'],
      },
      {
        key: 'targets',
        path: '/stats/targets',
        labelKey: 'nav.targets',
        perms: ['stats.read', 'target.manage'],
      },
    ],
  },
  {
    key: 'system',
    labelKey: 'nav.system',
    icon: <SettingOutlined />,
    children: [
      { key: 'users', path: '/system/users', labelKey: 'nav.users', perms: ['user.read'] },
      { key: 'roles', path: '/system/roles', labelKey: 'nav.roles', perms: ['user.read'] },
      { key: 'orgs', path: '/system/orgs', labelKey: 'nav.orgs', perms: ['org.manage'] },
    ],
  },
  {
    key: 'security',
    path: '/security',
    labelKey: 'nav.security',
    icon: <SafetyOutlined />,
    perms: ['security.read'],
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    perms: ['audit.read'],
  },
];

/**
 * The menu as the user may see it: leaves they hold a permission for (through a region grant
 * where the leaf says so), groups with any leaf. The workbench's shortcuts are the same list.
 */
export function visibleNav(
  can: (...perms: string[]) => boolean,
  canByRegion: (...perms: string[]) => boolean,
): NavNode[] {
  const allowed = (leaf: NavLeaf) =>
    !leaf.perms || (leaf.regionGrant ? canByRegion(...leaf.perms) : can(...leaf.perms));
  return NAV.flatMap((node): NavNode[] => {
    if (!isGroup(node)) return allowed(node) ? [node] : [];
    const children = node.children.filter(allowed);
    return children.length ? [{ ...node, children }] : [];
  });
}

/** The chain of nodes leading to `pathname` (group then page), for breadcrumbs and the menu. */
export function navTrail(pathname: string): NavNode[] {
  for (const node of NAV) {
    if (!isGroup(node)) {
      if (node.path === pathname) return [node];
      continue;
    }
    const leaf = node.children.find(
      (c) => pathname === c.path || pathname.startsWith(`${c.path}/`),
    );
    if (leaf) return [node, leaf];
  }
  return [];
}

/** Every page, flattened, for the router. */
export function navLeaves(): NavLeaf[] {
  return NAV.flatMap((node) => (isGroup(node) ? node.children : [node]));
}
