/**
 * Response and request types of the API, inferred from the server's zod contracts. Type-only
 * imports: no zod and no server code reach the bundles. Contracts that import server-only
 * modules (security settings read Drizzle) get a thin web-side type instead.
 */
import type { z } from 'zod';
import type { AuditPage, AuditRecordView, VerifyView } from '@server/platform/audit/contract.js';
import type { MobileView, SessionView, TotpSetupView } from '@server/platform/auth/contract.js';
import type { GrantRequestPage, GrantRequestView } from '@server/access/grant-requests/contract.js';
import type { OrgPage, OrgTypeView, OrgView } from '@server/access/orgs/contract.js';
import type { RegionPage, RegionPathView, RegionView } from '@server/platform/regions/contract.js';
import type { PermissionView, RoleView } from '@server/access/roles/contract.js';
import type {
  CreatedUserView,
  GrantView,
  PasswordResetView,
  UserDetailView,
  UserPage,
  UserView,
} from '@server/access/users/contract.js';

export type Session = z.infer<typeof SessionView>;
export type SessionGrant = Session['grants'][number];
export type TotpSetup = z.infer<typeof TotpSetupView>;
export type Region = z.infer<typeof RegionView>;
export type RegionList = z.infer<typeof RegionPage>;
export type RegionPath = z.infer<typeof RegionPathView>;
export type Org = z.infer<typeof OrgView>;
export type OrgList = z.infer<typeof OrgPage>;
export type OrgType = z.infer<typeof OrgTypeView>;
export type Role = z.infer<typeof RoleView>;
export type PermissionInfo = z.infer<typeof PermissionView>;
export type User = z.infer<typeof UserView>;
export type UserDetail = z.infer<typeof UserDetailView>;
export type UserList = z.infer<typeof UserPage>;
export type Grant = z.infer<typeof GrantView>;
export type CreatedUser = z.infer<typeof CreatedUserView>;
export type PasswordReset = z.infer<typeof PasswordResetView>;
export type GrantRequest = z.infer<typeof GrantRequestView>;
export type GrantRequestList = z.infer<typeof GrantRequestPage>;
export type OwnMobile = z.infer<typeof MobileView>;
export type AuditRecord = z.infer<typeof AuditRecordView>;
export type AuditList = z.infer<typeof AuditPage>;
export type AuditVerify = z.infer<typeof VerifyView>;

/** GET/PUT /api/security/settings (the contract imports Drizzle, so it is restated here). */
export interface SecuritySettings {
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
  passwordMinLength: number;
  passwordMinClasses: number;
}

/** GET /api/security/locked-users */
export interface LockedUser {
  userId: string;
  login: string;
  regionCode: string;
  lockedUntil: string;
}

/** Every list endpoint answers one page in this shape. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
