import { createdFields } from '../ledger-history/changes.js';
import type { FieldChange } from '../ledger-history/table.js';
import type { PersonInsert } from '../people/row.js';
import { PERSON_HISTORY_FIELDS } from '../people/write.js';

/**
 * A new person's history values, the same as the API's `create` entry (people/write.ts
 * `snapshot`): display values, ID number and phone masked.
 */
export function personCreatedValues(r: PersonInsert): Record<string, unknown> {
  return {
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    idNumber: r.idNumberMask,
    mobile: r.phoneMask ?? null,
    ledgerRegionCode: r.regionCode,
    hukouRegionCode: r.hukouRegionCode ?? null,
    currentRegionCode: r.currentRegionCode ?? null,
    categories: r.categories,
    awayProvinceCode: r.awayProvinceCode ?? null,
    awayCityCode: r.awayCityCode ?? null,
    monthsAway: r.monthsAway ?? null,
    returnDate: r.returnDate ?? null,
    education: r.education ?? null,
    skills: r.skills ?? '',
    status: r.status,
  };
}

/** The `changes` of a new person's history entry (every field set, identifiers masked). */
export function personCreatedChanges(r: PersonInsert): FieldChange[] {
  return createdFields(personCreatedValues(r), PERSON_HISTORY_FIELDS);
}
