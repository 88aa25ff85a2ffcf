import { makeCreditCode } from '../domain/identity/credit-code.js';
import { makeIdNumber } from '../domain/identity/id-number.js';
import { EntityCreate, type EntityCreateInput } from '../domain/ledger/entity-schema.js';
import { PersonCreate, type PersonCreateInput } from '../domain/ledger/person-schema.js';
import { createEntityRecord } from '../server/ledger/entities/write.js';
import { createPersonRecord } from '../server/ledger/people/write.js';
import { FENGJIE, type TestApp, XINGLONG } from './harness.js';

/**
 * Factories for ledger API tests: valid, unique ID numbers, mobile numbers and credit codes, and
 * request bodies built from them.
 */

let serial = 0;

/** A fresh number for unique identifiers within one test process. */
export function nextSerial(): number {
  return ++serial;
}

/**
 * A valid ID number: 奉节's county code, the given birth date and sex, a unique sequence.
 *
 * @example
 * idNumberFor({ birth: '19900101', sex: 'M' }) // '500236199001010011' (check digit varies)
 */
export function idNumberFor(o: { birth?: string; sex?: 'M' | 'F'; county?: string } = {}): string {
  const n = nextSerial();
  const seq2 = String(n % 100).padStart(2, '0');
  const birth = o.birth ?? `19${String(60 + (n % 35)).padStart(2, '0')}0${1 + (n % 9)}1${n % 9}`;
  const sexDigit = (o.sex ?? 'M') === 'M' ? 1 + 2 * (n % 5) : 2 * (n % 5);
  return makeIdNumber(`${o.county ?? '500236'}${birth}${seq2}${sexDigit}`);
}

/** A valid, unique mainland mobile number. */
export function mobileFor(): string {
  return `139${String(nextSerial()).padStart(8, '0')}`;
}

/** A valid, unique unified social credit code registered in 奉节. */
export function creditCodeFor(): string {
  const body = String(nextSerial()).padStart(9, '0');
  return makeCreditCode(`91500236${body}`);
}

/** The same code with a wrong check character: an early pilot code, legal with a warning. */
export function pilotCode(valid: string): string {
  const last = valid.charAt(17) === '0' ? '1' : '0';
  return valid.slice(0, 17) + last;
}

/** Extra fields the API's create body takes beyond the domain schema. */
type LedgerRegion = { ledgerRegionCode?: string };

/** A complete, valid create body for a returned migrant worker of 兴隆镇. */
export function personBody(
  over: Partial<PersonCreateInput> & LedgerRegion = {},
): PersonCreateInput & LedgerRegion {
  return {
    name: '张明',
    idNumber: idNumberFor(),
    mobile: mobileFor(),
    hukouRegionCode: XINGLONG,
    currentRegionCode: XINGLONG,
    categories: ['migrant_worker'],
    education: 'senior',
    status: 'returned',
    returnDate: '2024-03-01',
    skills: '电焊',
    ...over,
  };
}

/** A complete, valid create body for an enterprise of 兴隆镇 without links. */
export function entityBody(over: Partial<EntityCreateInput> = {}): EntityCreateInput {
  return {
    name: '奉节县兴隆镇示范加工厂',
    creditCode: creditCodeFor(),
    type: 'enterprise',
    industryCode: '29',
    regionCode: XINGLONG,
    foundedOn: '2021-06-18',
    jobsCreated: 10,
    jobsPoverty: 2,
    annualRevenueWan: 500,
    products: '农副产品',
    ...over,
  };
}

export { FENGJIE, XINGLONG };

/** Change metadata for rows seeded straight into the database. */
function seedMeta(t: TestApp) {
  return { actorId: null, actorLogin: 'seed', now: t.clock.read() };
}

/**
 * Inserts a person through the write model (as the API would, without the HTTP round trip),
 * returning its id; the ledger region defaults to 兴隆镇.
 */
export async function seedPerson(
  t: TestApp,
  over: Partial<PersonCreateInput> = {},
  regionCode?: string,
): Promise<string> {
  const input = PersonCreate.parse(personBody(over));
  return createPersonRecord(t.database.db, t.deps.keys, input, {
    meta: seedMeta(t),
    regionCode,
  });
}

/** Inserts a market entity through the write model, returning its id. */
export async function seedEntity(
  t: TestApp,
  over: Partial<EntityCreateInput> = {},
): Promise<string> {
  const input = EntityCreate.parse(entityBody(over));
  return createEntityRecord(t.database.db, input, { meta: seedMeta(t) });
}
