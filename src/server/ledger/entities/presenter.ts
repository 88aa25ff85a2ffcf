import { industryByCode } from '../../../domain/ledger/industries.js';
import type { EntityDetailViewT, EntityViewT } from './contract.js';
import type { EntityLinkRow } from './link-repo.js';
import type { EntityListRow } from './repo.js';

/** A numeric(16,4) amount in 万元 as a number, or null. */
function wan(v: string | null): number | null {
  return v === null ? null : Number(v);
}

/** A market entity as lists and details show it, field by field; money in 万元 as numbers. */
export function presentEntity(row: EntityListRow): EntityViewT {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    creditCodeChecksumValid: row.creditCodeChecksumValid,
    warnings: row.creditCodeChecksumValid ? [] : ['CREDIT_CODE_CHECKSUM'],
    pilotCode: row.pilotCode,
    pilotCodeReason: row.pilotCodeReason,
    type: row.type,
    isWorkshop: row.isWorkshop,
    industryCode: row.industryCode,
    industryName: row.industryCode ? (industryByCode(row.industryCode)?.zh ?? null) : null,
    regionCode: row.regionCode,
    regionName: row.regionName,
    parkOrgId: row.parkOrgId,
    parkName: row.parkName,
    parkUnit: row.parkUnit,
    foundedOn: row.foundedOn,
    registeredCapitalWan: wan(row.registeredCapitalWan),
    employees: row.employees,
    jobsCreated: row.jobsCreated,
    jobsPoverty: row.jobsPoverty,
    annualRevenueWan: wan(row.annualRevenueWan),
    aboveScale: row.aboveScale,
    isEcommerce: row.isEcommerce,
    products: row.products,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * An entity with the people linked to it. A person's masked ID number is shown only when
 * `canReadPerson` says the actor may read that person (a park operator sees names and roles).
 */
export function presentEntityDetail(
  row: EntityListRow,
  links: EntityLinkRow[],
  canReadPerson: (personRegionCode: string) => boolean,
): EntityDetailViewT {
  return {
    ...presentEntity(row),
    links: links.map((l) => ({
      linkId: l.linkId,
      personId: l.personId,
      name: l.name,
      idNumberMasked: canReadPerson(l.personRegionCode) ? l.idNumberMask : null,
      role: l.role,
    })),
  };
}
