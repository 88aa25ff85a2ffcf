import { ALL_ORG_TYPES, ORG_TYPES, orgTypeName } from '../../../domain/orgs/org-types.js';
import { parseCreditCode } from '../../../domain/identity/credit-code.js';
import type { OrgViewT } from './contract.js';
import type { OrgWithRegion } from './repo.js';

/** An organisation as the API shows it, field by field. */
export function presentOrg(row: OrgWithRegion): OrgViewT {
  const parsed = row.creditCode ? parseCreditCode(row.creditCode) : null;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    typeNameZh: orgTypeName(row.type, 'zh'),
    typeNameEn: orgTypeName(row.type, 'en'),
    regionCode: row.regionCode,
    regionName: row.regionName,
    creditCode: row.creditCode,
    creditCodeChecksumValid: parsed?.ok ? parsed.value.checksumValid : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The organisation type catalog for pickers. */
export function presentOrgTypes() {
  return {
    items: ALL_ORG_TYPES.map((code) => ({
      code,
      nameZh: ORG_TYPES[code].zh,
      nameEn: ORG_TYPES[code].en,
      examples: [...ORG_TYPES[code].examples],
    })),
  };
}
