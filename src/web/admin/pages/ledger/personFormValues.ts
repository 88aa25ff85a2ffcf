import dayjs, { type Dayjs } from 'dayjs';
import type { RegionChoice } from '../../layout/RegionScope';
import type { PersonDetail } from './types';

/** The person form's values and the request body they stand for. */

export interface PersonValues {
  name: string;
  idNumber?: string;
  mobile?: string;
  categories: string[];
  status: string;
  education?: string;
  hukouRegionCode: RegionChoice | null;
  currentRegionCode: RegionChoice | null;
  ledgerRegionCode?: RegionChoice | null;
  awayProvinceCode?: string | null;
  awayCityCode?: string;
  monthsAway?: number | null;
  returnDate?: Dayjs | null;
  skills?: string;
}

export const PERSON_FIELDS = [
  'name',
  'idNumber',
  'mobile',
  'categories',
  'status',
  'education',
  'hukouRegionCode',
  'currentRegionCode',
  'ledgerRegionCode',
  'awayProvinceCode',
  'awayCityCode',
  'monthsAway',
  'returnDate',
  'skills',
] as const;

const region = (r: RegionChoice | null | undefined) => r?.code;
const orNull = <T>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

/** The request body the form stands for; in an edit, only what changed (plus the version). */
export function personBody(
  v: PersonValues,
  person: PersonDetail | undefined,
): Record<string, unknown> {
  const full: Record<string, unknown> = {
    name: v.name,
    idNumber: v.idNumber?.trim() || undefined,
    mobile: v.mobile?.trim() || undefined,
    categories: v.categories,
    status: v.status,
    education: v.education,
    hukouRegionCode: region(v.hukouRegionCode),
    currentRegionCode: region(v.currentRegionCode),
    ledgerRegionCode: region(v.ledgerRegionCode),
    awayProvinceCode: orNull(v.awayProvinceCode ?? undefined),
    awayCityCode: orNull(v.awayCityCode?.trim()),
    monthsAway: v.monthsAway ?? null,
    returnDate: v.returnDate ? v.returnDate.format('YYYY-MM-DD') : null,
    skills: v.skills?.trim() ?? '',
  };
  if (!person) {
    return Object.fromEntries(
      Object.entries(full).filter(([, x]) => x !== null && x !== undefined),
    );
  }
  const before: Record<string, unknown> = {
    ...person,
    ledgerRegionCode: person.ledgerRegionCode,
  };
  const patch: Record<string, unknown> = { version: person.version };
  for (const [key, value] of Object.entries(full)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key] ?? null)) patch[key] = value;
  }
  return patch;
}

export function personInitial(
  person: PersonDetail | undefined,
  current: RegionChoice | null,
): Partial<PersonValues> {
  if (!person)
    return {
      categories: ['migrant_worker'],
      status: 'returned',
      hukouRegionCode: current,
      currentRegionCode: current,
    };
  const choice = (code: string | null, label: string | null) =>
    code ? { code, label: label ?? code } : null;
  return {
    name: person.name,
    categories: person.categories,
    status: person.status,
    education: person.education ?? undefined,
    hukouRegionCode: choice(person.hukouRegionCode, person.hukouRegionName),
    currentRegionCode: choice(person.currentRegionCode, person.currentRegionName),
    ledgerRegionCode: choice(person.ledgerRegionCode, person.ledgerRegionName),
    awayProvinceCode: person.awayProvinceCode,
    awayCityCode: person.awayCityCode ?? undefined,
    monthsAway: person.monthsAway,
    returnDate: person.returnDate ? dayjs(person.returnDate) : null,
    skills: person.skills,
  };
}
