import type { EntityRow } from '../../ledger/entities/repo.js';
import type { PersonRow } from '../../ledger/people/repo.js';
import type { FieldCompareT, QueueItemT } from './contract.js';
import type { QueueRow } from './repo.js';

/** Queue answers, field by field: mobiles and ID numbers only ever masked. */

export function presentQueueItem({ request, mobileMask }: QueueRow): QueueItemT {
  const name = request.proposed.name;
  return {
    id: request.id,
    objectType: request.objectType as QueueItemT['objectType'],
    kind: request.kind as QueueItemT['kind'],
    state: request.state as QueueItemT['state'],
    objectId: request.objectId,
    regionCode: request.regionCode,
    proposedName: typeof name === 'string' ? name : '',
    mobileMasked: mobileMask,
    reason: request.reason,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedBy: request.decidedByLogin,
  };
}

/** A value as the console shows it: lists joined, yes/no for flags, empty for nothing. */
function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function compare(
  fields: readonly string[],
  current: Record<string, unknown>,
  proposed: Record<string, unknown>,
): FieldCompareT[] {
  return fields
    .filter((f) => f in proposed)
    .map((field) => {
      const c = display(current[field]);
      const p = display(proposed[field]);
      return { field, current: c, proposed: p, changed: c !== p };
    });
}

const PERSON_FIELDS = [
  'name',
  'hukouRegionCode',
  'currentRegionCode',
  'categories',
  'status',
  'awayProvinceCode',
  'awayCityCode',
  'monthsAway',
  'returnDate',
  'education',
  'skills',
] as const;

/** A person's stored values beside the proposed ones; the mobile as the account's mask. */
export function comparePerson(
  row: PersonRow,
  proposed: Record<string, unknown>,
  accountMobileMask: string,
): FieldCompareT[] {
  const mobile = row.phoneMask ?? '';
  return [
    ...compare(PERSON_FIELDS, row, proposed),
    {
      field: 'mobile',
      current: mobile,
      proposed: accountMobileMask,
      changed: mobile !== accountMobileMask,
    },
  ];
}

const ENTITY_FIELDS = [
  'name',
  'creditCode',
  'type',
  'industryCode',
  'regionCode',
  'foundedOn',
  'employees',
  'jobsCreated',
  'isEcommerce',
  'products',
] as const;

/** An entity's stored values beside the proposed ones, with the entrepreneur's roles in it. */
export function compareEntity(
  row: EntityRow,
  proposed: Record<string, unknown>,
  roles: string[],
): FieldCompareT[] {
  const rolesOf = (legalRep: boolean) => ['founder', ...(legalRep ? ['legal_rep'] : [])];
  const current = roles.length === 0 ? '' : [...roles].sort().join('、');
  const asked = rolesOf(proposed.legalRepresentative !== false).join('、');
  return [
    ...compare(ENTITY_FIELDS, row, proposed),
    { field: 'roles', current, proposed: asked, changed: current !== asked },
  ];
}
