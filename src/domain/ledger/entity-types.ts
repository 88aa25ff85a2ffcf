/**
 * Code lists for market entities (市场主体) in the ledger and for the links between entities and
 * people, plus the 规上 (above designated size) threshold.
 *
 * @module
 */
import { z } from 'zod';
import { catalog, describeCatalog } from './catalog.js';

/** Market entity types. 就业帮扶车间 is a flag on any of them, not a type. */
export const ENTITY_TYPE_CODES = [
  'enterprise',
  'individual',
  'cooperative',
  'family_farm',
] as const;
export type EntityType = (typeof ENTITY_TYPE_CODES)[number];

/** Market entity types (主体类型) with zh / en names. */
export const ENTITY_TYPES = catalog(ENTITY_TYPE_CODES, {
  enterprise: { zh: '企业', en: 'Enterprise' },
  individual: { zh: '个体工商户', en: 'Individual business' },
  cooperative: { zh: '农民专业合作社', en: "Farmers' professional cooperative" },
  family_farm: { zh: '家庭农场', en: 'Family farm' },
});

export const EntityTypeCode = z
  .enum(ENTITY_TYPE_CODES)
  .meta({ description: describeCatalog('主体类型', ENTITY_TYPES) });

/** Roles a person can hold in a market entity; one person may hold several. */
export const LINK_ROLE_CODES = ['founder', 'legal_rep', 'core_member'] as const;
export type LinkRole = (typeof LINK_ROLE_CODES)[number];

/** Link roles (关联身份) with zh / en names. */
export const LINK_ROLES = catalog(LINK_ROLE_CODES, {
  founder: { zh: '创办人', en: 'Founder' },
  legal_rep: { zh: '法定代表人', en: 'Legal representative' },
  core_member: { zh: '核心成员', en: 'Core member' },
});

export const LinkRoleCode = z
  .enum(LINK_ROLE_CODES)
  .meta({ description: describeCatalog('关联身份', LINK_ROLES) });

/** 规上 threshold: annual main-business revenue of 2000万元 (20 million yuan), in 万元. */
export const ABOVE_SCALE_REVENUE_WAN = 2000;

/**
 * Whether an entity counts as 规上 (above designated size): annual main-business revenue
 * (年主营业务收入) of at least {@link ABOVE_SCALE_REVENUE_WAN} 万元. An unknown revenue is not
 * above scale.
 *
 * @param annualRevenueWan - Revenue in 万元 (10,000 yuan), or null/undefined when unknown.
 * @example
 * isAboveScale(2000);      // => true
 * isAboveScale(1999.9999); // => false
 * isAboveScale(null);      // => false
 */
export function isAboveScale(annualRevenueWan: number | null | undefined): boolean {
  return (
    typeof annualRevenueWan === 'number' &&
    Number.isFinite(annualRevenueWan) &&
    annualRevenueWan >= ABOVE_SCALE_REVENUE_WAN
  );
}
