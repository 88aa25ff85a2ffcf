import type { ConsentViewT, PersonDetailViewT, PersonViewT } from './contract.js';
import type { ConsentRow, PersonListRow } from './repo.js';

/** A person as lists and details show it, field by field: identifiers masked, never sealed. */
export function presentPerson(row: PersonListRow): PersonViewT {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    idNumberMasked: row.idNumberMask,
    mobileMasked: row.phoneMask,
    ledgerRegionCode: row.regionCode,
    ledgerRegionName: row.ledgerRegionName,
    hukouRegionCode: row.hukouRegionCode,
    hukouRegionName: row.hukouRegionName,
    currentRegionCode: row.currentRegionCode,
    currentRegionName: row.currentRegionName,
    categories: [...row.categories],
    awayProvinceCode: row.awayProvinceCode,
    awayCityCode: row.awayCityCode,
    monthsAway: row.monthsAway,
    returnDate: row.returnDate,
    education: row.education,
    skills: row.skills,
    status: row.status,
    statusDates: { ...row.statusDates },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A consent record. */
export function presentConsent(row: ConsentRow): ConsentViewT {
  return {
    id: row.id,
    purpose: row.purpose,
    grantedTo: row.grantedTo,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
  };
}

/** A person with the entities they are linked to and their consents. */
export function presentPersonDetail(
  row: PersonListRow,
  links: { linkId: string; entityId: string; name: string; role: string }[],
  consents: ConsentRow[],
): PersonDetailViewT {
  return {
    ...presentPerson(row),
    entities: links.map((l) => ({
      linkId: l.linkId,
      entityId: l.entityId,
      name: l.name,
      role: l.role,
    })),
    consents: consents.map(presentConsent),
  };
}
