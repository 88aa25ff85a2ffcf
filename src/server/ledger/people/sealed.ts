import { maskIdNumber } from '../../../domain/identity/id-number.js';
import { maskMobile } from '../../../domain/identity/phone.js';
import { blindIndex, decrypt, encrypt, type Keys } from '../../platform/crypto/keys.js';

/** Purposes of the blind indexes: a value's index differs per purpose. */
export const BIDX_ID_NUMBER = 'person.id_number';
export const BIDX_PHONE = 'person.phone';

export interface Sealed {
  enc: string;
  bidx: string;
  mask: string;
}

/**
 * Encrypts a normalised ID number, with its blind index for lookup and its display mask.
 *
 * @example
 * sealIdNumber(keys, '500236199001011234').mask // '500236********1234'
 */
export function sealIdNumber(keys: Keys, idNumber: string): Sealed {
  return {
    enc: encrypt(keys, idNumber),
    bidx: idNumberIndex(keys, idNumber),
    mask: maskIdNumber(idNumber),
  };
}

/** Encrypts a normalised mobile number, with its blind index and mask (`138****5678`). */
export function sealPhone(keys: Keys, mobile: string): Sealed {
  return { enc: encrypt(keys, mobile), bidx: phoneIndex(keys, mobile), mask: maskMobile(mobile) };
}

/** The blind index of a normalised ID number, for exact lookup and deduplication. */
export function idNumberIndex(keys: Keys, idNumber: string): string {
  return blindIndex(keys, BIDX_ID_NUMBER, idNumber);
}

export function phoneIndex(keys: Keys, mobile: string): string {
  return blindIndex(keys, BIDX_PHONE, mobile);
}

/** Decrypts for an authorised, audited unmasking or export. */
export function unseal(keys: Keys, enc: string): string {
  return decrypt(keys, enc);
}
