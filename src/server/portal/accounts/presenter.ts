import type { EntityListRow } from '../../ledger/entities/repo.js';
import type { PersonListRow } from '../../ledger/people/repo.js';
import type { PortalRequestRow } from '../requests/repo.js';
import type {
  EnterpriseViewT,
  MessageViewT,
  PortalRequestViewT,
  ProfileViewT,
} from './contract.js';
import type { Locale } from '../../../domain/errors/messages.js';
import { presentNotification } from '../../outreach/notifications/presenter.js';
import type { NotificationRow } from '../../outreach/notifications/repo.js';

/** Portal answers, field by field: the ID number only ever masked, sealed columns never. */

const ref = (code: string | null, pathName: string | null) =>
  code ? { code, pathName: pathName ?? '' } : null;

export function presentProfile(row: PersonListRow): ProfileViewT {
  return {
    personId: row.id,
    name: row.name,
    idNumberMasked: row.idNumberMask,
    sex: row.sex,
    birthDate: row.birthDate,
    hukouRegion: ref(row.hukouRegionCode, row.hukouRegionName),
    currentRegion: ref(row.currentRegionCode, row.currentRegionName),
    categories: [...row.categories],
    status: row.status,
    awayProvinceCode: row.awayProvinceCode,
    awayCityCode: row.awayCityCode,
    monthsAway: row.monthsAway,
    returnDate: row.returnDate,
    education: row.education,
    skills: row.skills,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentEnterprise(row: EntityListRow, roles: string[]): EnterpriseViewT {
  return {
    entityId: row.id,
    name: row.name,
    creditCode: row.creditCode,
    creditCodeChecksumValid: row.creditCodeChecksumValid,
    type: row.type,
    industryCode: row.industryCode,
    region: ref(row.regionCode, row.regionName),
    foundedOn: row.foundedOn,
    employees: row.employees,
    jobsCreated: row.jobsCreated,
    isEcommerce: row.isEcommerce,
    products: row.products,
    roles: [...roles].sort(),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A notification as 我的 lists it, rendered in the reader's language. */
export function presentMessage(row: NotificationRow, locale: Locale): MessageViewT {
  const n = presentNotification(row, locale);
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt,
    read: n.readAt !== null,
  };
}

export function presentPortalRequest(row: PortalRequestRow): PortalRequestViewT {
  return {
    id: row.id,
    objectType: row.objectType as PortalRequestViewT['objectType'],
    // A registration looks like a claim to the entrepreneur: the ledger is not revealed.
    kind: (row.kind === 'registration' ? 'claim' : row.kind) as PortalRequestViewT['kind'],
    state: row.state as PortalRequestViewT['state'],
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
