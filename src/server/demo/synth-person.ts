import { makeIdNumber } from '../../domain/identity/id-number.js';
import type { PersonCreateInput } from '../../domain/ledger/person-schema.js';
import type { PersonCategory, PersonStatus } from '../../domain/ledger/person-categories.js';
import { AWAY_PLACES, GIVEN_FEMALE, GIVEN_MALE, SKILLS, SURNAMES } from './names.js';
import { addDays, type Random } from './random.js';

/**
 * Plausible people for the demo ledger. Identifiers are unique by construction, with no set
 * of used numbers to keep: the ID number's birth date and sequence digits are a bijection of
 * the person's serial within their county, the phone number's last eight digits one of a
 * deployment-wide serial. So `demo generate` can make millions in parallel workers.
 */

/** Birth dates span this many days from 1964-01-01 (to late 2001): people aged about 23–60. */
const BIRTH_DAYS = 13_870;
const BIRTH_FROM = Date.UTC(1964, 0, 1);
// prettier-ignore
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

const SURNAME_WEIGHTS = SURNAMES.map((s, i) => [s, 1 / (i + 6)] as const);

const CATEGORY_WEIGHTS: [PersonCategory, number][] = [
  ['migrant_worker', 68],
  ['graduate', 12],
  ['veteran', 7],
  ['scientist', 3],
  ['poverty_relief', 5],
  ['hard_to_employ', 3],
  ['other', 2],
];
const EDUCATION_WEIGHTS = [
  ['primary', 4],
  ['junior', 36],
  ['senior', 30],
  ['college', 17],
  ['bachelor', 12],
  ['master', 1],
] as const;

export interface PersonSeed {
  /** The 12-digit township (or county) code the person belongs to. */
  township: string;
  /** The county's 6-digit code: the ID number's address code. */
  county: string;
  /** The person's serial within the county (unique per county, from 0). */
  serial: number;
  /** A serial unique in the deployment (from 0), for the phone number. */
  phoneSerial: number;
  /** The address code for people born in `year` (奉节 natives born before 1997 carry 512226). */
  birthArea?: (year: number) => string;
  /** The county seat's township, where some people live now. */
  seat?: string;
}

export interface PersonPlan {
  status: PersonStatus;
  /** The day they came home (returned or started). */
  returnedOn?: string;
  /** The day they started a business (started). */
  startedOn?: string;
  /** The day the record was entered into the ledger. */
  enteredOn: string;
}

export interface SynthPerson {
  input: PersonCreateInput;
  statusDates: Record<string, string>;
  createdAt: Date;
}

/** The ID number of a county's `serial`-th person (unique per county for serials below 13.87M). */
export function idNumberOf(seed: PersonSeed): string {
  const q = Math.floor(seed.serial / BIRTH_DAYS);
  const m = seed.serial % BIRTH_DAYS;
  if (q >= 1000) throw new RangeError('more people in one county than ID numbers to give');
  const birth = new Date(BIRTH_FROM + ((m * 7919) % BIRTH_DAYS) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String((q * 389 + ((m * 7) % 1000)) % 1000).padStart(3, '0');
  const area = seed.birthArea?.(birth.getUTCFullYear()) ?? seed.county;
  return makeIdNumber(`${area}${ymd}${seq}`);
}

/** A mobile number unique for each `phoneSerial` below 100 million. */
export function mobileOf(phoneSerial: number): string {
  const prefix = MOBILE_PREFIXES[phoneSerial % MOBILE_PREFIXES.length] ?? '138';
  return `${prefix}${String((phoneSerial * 7919 + 12_345_678) % 100_000_000).padStart(8, '0')}`;
}

function categories(r: Random): PersonCategory[] {
  const first = r.weighted(CATEGORY_WEIGHTS);
  const out = new Set<PersonCategory>([first]);
  if (first === 'migrant_worker' && r.chance(0.16)) out.add('poverty_relief');
  if (first === 'graduate' && r.chance(0.05)) out.add('veteran');
  if (r.chance(0.03)) out.add('hard_to_employ');
  return [...out];
}

function name(r: Random, male: boolean): string {
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  const rest = r.chance(0.72) ? r.pick(given) + r.pick(given) : r.pick(given);
  return r.weighted(SURNAME_WEIGHTS) + rest;
}

/**
 * One person: a create body as a user would submit it (valid ID number and phone, categories,
 * education, skills, where they worked away), the dates of each status reached, and when the
 * record was entered.
 */
export function synthPerson(r: Random, seed: PersonSeed, plan: PersonPlan): SynthPerson {
  const idNumber = idNumberOf(seed);
  const male = Number(idNumber.charAt(16)) % 2 === 1;
  const cats = categories(r);
  const [province, cities] = r.weighted(AWAY_PLACES.map((p) => [p, p[2]] as const));
  const graduate = cats.includes('graduate');
  const education = graduate
    ? r.weighted([
        ['college', 45],
        ['bachelor', 50],
        ['master', 5],
      ] as const)
    : r.weighted(EDUCATION_WEIGHTS);
  const skills = r.chance(0.3) ? `${r.pick(SKILLS)}、${r.pick(SKILLS)}` : r.pick(SKILLS);
  const home = plan.status === 'returned' || plan.status === 'started';
  const current = home && seed.seat && r.chance(0.15) ? seed.seat : seed.township;
  const statusDates: Record<string, string> = {};
  if (plan.status === 'abroad' || plan.status === 'intending')
    statusDates[plan.status] = plan.enteredOn;
  if (plan.returnedOn) statusDates.returned = plan.returnedOn;
  if (plan.startedOn) statusDates.started = plan.startedOn;
  const hour = r.int(1, 9);
  return {
    input: {
      name: name(r, male),
      idNumber,
      mobile: mobileOf(seed.phoneSerial),
      hukouRegionCode: seed.township,
      currentRegionCode: home ? current : seed.township,
      categories: cats,
      awayProvinceCode: province,
      awayCityCode: r.pick(cities),
      monthsAway: graduate ? r.int(6, 48) : r.int(12, 240),
      returnDate: plan.returnedOn ?? null,
      education,
      skills,
      status: plan.status,
    },
    statusDates,
    createdAt: new Date(
      `${plan.enteredOn}T0${hour}:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`,
    ),
  };
}

/**
 * A plan for a person who started a business on `startedOn`: home some months before, entered
 * into the ledger between the two.
 */
export function startedPlan(r: Random, startedOn: string): PersonPlan {
  const returnedOn = addDays(startedOn, -r.int(30, 540));
  return { status: 'started', returnedOn, startedOn, enteredOn: addDays(returnedOn, r.int(0, 29)) };
}
