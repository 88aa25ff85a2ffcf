import dayjs, { type Dayjs } from 'dayjs';
import type { RegionChoice } from '../../layout/RegionScope';
import type { EntityDetail } from './types';

/** The entity form's values and the request body they stand for. */

export interface EntityValues {
  name: string;
  creditCode: string;
  type: string;
  isWorkshop: boolean;
  industryCode?: string;
  regionCode: RegionChoice | null;
  parkOrgId?: string | null;
  parkUnit?: string;
  foundedOn?: Dayjs | null;
  registeredCapitalWan?: number | null;
  employees?: number | null;
  jobsCreated?: number | null;
  jobsPoverty?: number | null;
  annualRevenueWan?: number | null;
  isEcommerce: boolean;
  products?: string;
  founder?: string;
  pilotCode: boolean;
  pilotCodeReason?: string;
}

// prettier-ignore
export const ENTITY_FIELDS = [
  'name', 'creditCode', 'type', 'isWorkshop', 'industryCode', 'regionCode', 'parkOrgId', 'parkUnit',
  'foundedOn', 'registeredCapitalWan', 'employees', 'jobsCreated', 'jobsPoverty', 'annualRevenueWan',
  'isEcommerce', 'products', 'founder', 'pilotCode', 'pilotCodeReason',
] as const;

export function entityBody(
  v: EntityValues,
  entity: EntityDetail | undefined,
): Record<string, unknown> {
  const full: Record<string, unknown> = {
    name: v.name?.trim(),
    creditCode: v.creditCode?.trim(),
    type: v.type,
    isWorkshop: v.isWorkshop,
    industryCode: v.industryCode,
    regionCode: v.regionCode?.code,
    parkOrgId: v.parkOrgId ?? null,
    parkUnit: v.parkUnit?.trim() || null,
    foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : undefined,
    registeredCapitalWan: v.registeredCapitalWan ?? null,
    employees: v.employees ?? 0,
    jobsCreated: v.jobsCreated ?? 0,
    jobsPoverty: v.jobsPoverty ?? 0,
    annualRevenueWan: v.annualRevenueWan ?? null,
    isEcommerce: v.isEcommerce,
    products: v.products?.trim() ?? '',
    pilotCode: v.pilotCode ?? false,
    pilotCodeReason: v.pilotCode ? v.pilotCodeReason?.trim() || null : null,
  };
  if (!entity) {
    const body = Object.fromEntries(
      Object.entries(full).filter(([, x]) => x !== null && x !== undefined),
    );
    return { ...body, links: v.founder ? [{ personId: v.founder, role: 'founder' }] : [] };
  }
  const before = entity as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = { version: entity.version };
  for (const [key, value] of Object.entries(full)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key] ?? null))
      patch[key] = value;
  }
  return patch;
}

export function entityInitial(
  e: EntityDetail | undefined,
  current: RegionChoice | null,
): Partial<EntityValues> {
  if (!e)
    return {
      type: 'enterprise',
      isWorkshop: false,
      isEcommerce: false,
      pilotCode: false,
      regionCode: current,
      employees: 0,
      jobsCreated: 0,
      jobsPoverty: 0,
    };
  return {
    ...e,
    industryCode: e.industryCode ?? undefined,
    regionCode: { code: e.regionCode, label: e.regionName },
    parkUnit: e.parkUnit ?? undefined,
    pilotCodeReason: e.pilotCodeReason ?? undefined,
    foundedOn: e.foundedOn ? dayjs(e.foundedOn) : null,
  };
}
