import { describe, expect, it } from 'vitest';
import {
  ABOVE_SCALE_REVENUE_WAN,
  ENTITY_TYPES,
  EntityTypeCode,
  isAboveScale,
  LINK_ROLES,
  LinkRoleCode,
} from './entity-types.js';

describe('entity catalogs', () => {
  it('lists the four market entity types with their Chinese names', () => {
    expect(ENTITY_TYPES.map((t) => `${t.code}:${t.zh}`)).toEqual([
      'enterprise:企业',
      'individual:个体工商户',
      'cooperative:农民专业合作社',
      'family_farm:家庭农场',
    ]);
    expect(EntityTypeCode.options).toEqual(ENTITY_TYPES.map((t) => t.code));
  });

  it('lists founder, legal representative and core member as link roles', () => {
    expect(LINK_ROLES.map((r) => `${r.code}:${r.zh}`)).toEqual([
      'founder:创办人',
      'legal_rep:法定代表人',
      'core_member:核心成员',
    ]);
    expect(LinkRoleCode.safeParse('investor').success).toBe(false);
  });
});

describe('isAboveScale (规上)', () => {
  it('puts the threshold at 2000万元 of annual revenue, inclusive', () => {
    expect(ABOVE_SCALE_REVENUE_WAN).toBe(2000);
    expect(isAboveScale(2000)).toBe(true);
    expect(isAboveScale(15000)).toBe(true);
    expect(isAboveScale(1999.9999)).toBe(false);
    expect(isAboveScale(0)).toBe(false);
  });

  it('does not count unknown or non-finite revenue as above scale', () => {
    expect(isAboveScale(null)).toBe(false);
    expect(isAboveScale(undefined)).toBe(false);
    expect(isAboveScale(Number.NaN)).toBe(false);
    expect(isAboveScale(Number.POSITIVE_INFINITY)).toBe(false);
  });
});
