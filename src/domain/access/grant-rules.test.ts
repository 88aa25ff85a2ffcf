import { describe, expect, it } from 'vitest';
import {
  isAdminRole,
  mixesAdminAndBusiness,
  personalDataIn,
  withinOwnAccountCooling,
} from './grant-rules.js';
import { PERSONAL_DATA_PERMISSIONS } from './permissions.js';
import { BUILTIN_ROLES } from './roles.js';

const role = (code: string) => BUILTIN_ROLES.find((r) => r.code === code)!.permissions;

describe('三权分立 rules', () => {
  it('declares person.unmask as the personal-data permission in the catalog', () => {
    expect(PERSONAL_DATA_PERMISSIONS).toEqual(['person.unmask']);
    expect(personalDataIn(role('county_officer'))).toEqual(['person.unmask']);
    expect(personalDataIn(role('township_officer'))).toEqual([]);
  });

  it('tells administrator roles from business roles', () => {
    for (const code of ['sys_admin', 'sec_admin', 'audit_admin'])
      expect(isAdminRole(role(code))).toBe(true);
    for (const code of ['county_officer', 'mentor', 'entrepreneur'])
      expect(isAdminRole(role(code))).toBe(false);
  });

  it('refuses to mix an administrator role with a business role, either way round', () => {
    expect(mixesAdminAndBusiness([role('sys_admin')], role('township_officer'))).toBe(true);
    expect(mixesAdminAndBusiness([role('mentor')], role('audit_admin'))).toBe(true);
    expect(mixesAdminAndBusiness([role('mentor')], role('township_officer'))).toBe(false);
    expect(mixesAdminAndBusiness([], role('sys_admin'))).toBe(false);
  });

  it('holds an own new account back for exactly 24 hours', () => {
    const created = new Date('2026-11-21T02:00:00.000Z');
    expect(withinOwnAccountCooling(created, new Date('2026-11-22T01:59:59.999Z'))).toBe(true);
    expect(withinOwnAccountCooling(created, new Date('2026-11-22T02:00:00.000Z'))).toBe(false);
  });
});
