import type { PersonCreateT } from '../../../domain/ledger/person-schema.js';
import { personSearchTokens } from '../../../domain/text/name-tokens.js';
import type { Keys } from '../../platform/crypto/keys.js';
import { sealIdNumber, sealPhone } from './sealed.js';
import type { people } from './table.js';

export type PersonInsert = typeof people.$inferInsert;

/**
 * The region whose ledger holds a person when the caller does not say: where they live once
 * returned, else their household registration (the talent pool courted from home).
 */
export function defaultLedgerRegion(
  p: Pick<PersonCreateT, 'status' | 'hukouRegionCode' | 'currentRegionCode'>,
): string {
  return p.status === 'returned' || p.status === 'started'
    ? p.currentRegionCode
    : p.hukouRegionCode;
}

/** The calendar date in China (UTC+8) of an instant, as officials date things. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Turns a validated create body into the row to insert: personal data sealed, search tokens
 * built. The one write model shared by the API and the importer.
 */
export function personRow(
  input: PersonCreateT,
  keys: Keys,
  meta: { regionCode?: string | undefined; actorId: string | null; now: Date; statusDate?: string },
): PersonInsert {
  const id = sealIdNumber(keys, input.idNumber);
  const phone = sealPhone(keys, input.mobile);
  const today = meta.statusDate ?? chinaDate(meta.now);
  return {
    name: input.name,
    sex: input.sex,
    birthDate: input.birthDate,
    idNumberEnc: id.enc,
    idNumberBidx: id.bidx,
    idNumberMask: id.mask,
    phoneEnc: phone.enc,
    phoneBidx: phone.bidx,
    phoneMask: phone.mask,
    regionCode: meta.regionCode ?? defaultLedgerRegion(input),
    hukouRegionCode: input.hukouRegionCode,
    currentRegionCode: input.currentRegionCode,
    categories: input.categories,
    awayProvinceCode: input.awayProvinceCode ?? null,
    awayCityCode: input.awayCityCode ?? null,
    monthsAway: input.monthsAway ?? null,
    returnDate: input.returnDate ?? null,
    education: input.education,
    skills: input.skills,
    status: input.status,
    statusDates: { [input.status]: today },
    searchTokens: personSearchTokens(input),
    createdAt: meta.now,
    updatedAt: meta.now,
    createdBy: meta.actorId,
    updatedBy: meta.actorId,
  };
}
