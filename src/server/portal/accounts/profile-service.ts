import { AppError } from '../../../domain/errors/codes.js';
import { EntityCreate } from '../../../domain/ledger/entity-schema.js';
import { PersonCreate } from '../../../domain/ledger/person-schema.js';
import { regionLevel } from '../../../domain/regions/region-code.js';
import { decrypt } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { linksOfEntity } from '../../ledger/entities/link-repo.js';
import { findEntity, findEntityByCreditCode, findEntityRow } from '../../ledger/entities/repo.js';
import { createEntityRecord } from '../../ledger/entities/write.js';
import type { RequestContext } from '../../platform/http/context.js';
import { assertRegionsExist } from '../../ledger/people/guards.js';
import { findPerson, findPersonByIdNumberIndex, findPersonRow } from '../../ledger/people/repo.js';
import { idNumberIndex } from '../../ledger/people/sealed.js';
import { createPersonRecord } from '../../ledger/people/write.js';
import {
  applyEntityValues,
  applyPersonValues,
  differs,
  ownLinks,
  ownRecord,
  validation,
} from '../requests/apply.js';
import {
  countClaims,
  insertRequest,
  openRequestsOn,
  pendingFirst,
  registrationRejected,
  requestsOfAccount,
  supersedeRequests,
} from '../requests/repo.js';
import { type PortalActor, portalChangeMeta, recordPortalAudit } from './audit.js';
import type {
  EnterpriseBodyT,
  EnterpriseViewT,
  HomeViewT,
  PortalRequestViewT,
  ProfileBodyT,
  ProfileViewT,
} from './contract.js';
import { presentEnterprise, presentPortalRequest, presentProfile } from './presenter.js';
import { findAccount, findAccountOfPerson, updateAccount } from './repo.js';
import { notify } from '../../outreach/notifications/notify.js';
import type { NotificationParams } from '../../../domain/notifications/kinds.js';
import type { PortalDeps } from './deps.js';
import { type PortalState, requireEntrepreneur } from './session.js';

/**
 * The entrepreneur's own records in the real-name ledger: their person (profile) and their
 * enterprise, written through the ledger's write models (dedup, history, stats) with the
 * entrepreneur as the actor. Only the records linked to the account are ever read or written.
 *
 * A portal account never takes over what is already in the ledger: an existing person is linked
 * only when the ledger already holds the account's verified mobile (and the same name and ID
 * number); otherwise the submission becomes a claim an officer decides. Values submitted about a
 * record an officer keeps become a change request; only records the entrepreneur created and no
 * officer has changed since are written directly. The first submission's answer is the same
 * whether the ID number (or credit code) is in the ledger or not.
 */

/** Follows merges: a record an officer merged away is continued by its survivor. */
export async function live<T extends { mergedInto: string | null }>(
  find: (id: string) => Promise<T | undefined>,
  id: string | null,
): Promise<(T & { id: string }) | undefined> {
  let current = id;
  for (let hop = 0; current && hop < 10; hop++) {
    const row = (await find(current)) as (T & { id: string }) | undefined;
    if (!row) return undefined;
    if (!row.mergedInto) return row;
    current = row.mergedInto;
  }
  return undefined;
}

/** Regions an entrepreneur picks must exist and be a county or finer (where ledgers are kept). */
async function assertPlaces(db: Executor, fields: Record<string, string>): Promise<void> {
  await assertRegionsExist(db, fields);
  for (const [field, code] of Object.entries(fields)) {
    const level = regionLevel(code);
    if (level === 'nation' || level === 'province' || level === 'city') {
      throw new AppError('VALIDATION', {
        issues: [
          {
            path: `body.${field}`,
            code: 'REGION_TOO_COARSE',
            message: '请选择到区县或乡镇（街道）一级',
          },
        ],
      });
    }
  }
}

export async function profileSummary(
  db: Executor,
  personId: string | null,
): Promise<HomeViewT['profile']> {
  const row = await live((id) => findPerson(db, id), personId);
  return row
    ? {
        name: row.name,
        idNumberMasked: row.idNumberMask,
        status: row.status,
        updatedAt: row.updatedAt.toISOString(),
      }
    : null;
}

export async function enterpriseSummary(
  db: Executor,
  entityId: string | null,
): Promise<HomeViewT['enterprise']> {
  const row = await live((id) => findEntity(db, id), entityId);
  return row
    ? {
        name: row.name,
        creditCode: row.creditCode,
        type: row.type,
        updatedAt: row.updatedAt.toISOString(),
      }
    : null;
}

/**
 * The records an account shows: none of a kind while its first submission of that kind (claim or
 * registration) waits for an officer, so 我的 looks the same whether the ID number or credit code
 * was in the ledger; a profile waiting hides the enterprise too.
 */
export async function visibleLinks(
  db: Executor,
  account: { id: string; personId: string | null; entityId: string | null },
): Promise<{ personId: string | null; entityId: string | null }> {
  if (await pendingFirst(db, account.id, 'person')) return { personId: null, entityId: null };
  if (await pendingFirst(db, account.id, 'entity')) return { ...account, entityId: null };
  return account;
}

async function myAccount(db: Executor, me: PortalActor, lock = false) {
  const account = await findAccount(db, me.accountId, lock);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/** Claims an account may make on one kind of record that an officer has not accepted. */
export const MAX_CLAIMS = 3;

/** What the entrepreneur learns of a submission: applied to their own record, or submitted. */
export type Outcome = 'applied' | 'submitted';

/**
 * A first submission may not start while one waits, nor after MAX_CLAIMS failed; claims and
 * registrations count alike. Checked before anything is looked up, so the answer does not
 * depend on the ledger.
 */
async function assertMayClaim(
  tx: Executor,
  accountId: string,
  objectType: 'person' | 'entity',
): Promise<void> {
  const claims = await countClaims(tx, accountId, objectType);
  if (claims.pending > 0) throw new AppError('PORTAL_REQUEST_PENDING');
  if (claims.total >= MAX_CLAIMS) throw new AppError('PORTAL_REQUEST_LIMIT');
}

/** Stores a claim or change request for an officer; a newer change replaces a waiting one. */
async function submitRequest(
  tx: Executor,
  account: { id: string; mobileMask: string },
  now: Date,
  r: {
    objectType: 'person' | 'entity';
    kind: 'claim' | 'registration' | 'change';
    objectId: string;
    regionCode: string;
    proposed: Record<string, unknown>;
  },
): Promise<string> {
  const accountId = account.id;
  if (r.kind === 'change') {
    const waiting = await openRequestsOn(tx, accountId, r.objectType);
    await supersedeRequests(
      tx,
      waiting.filter((w) => w.kind === 'change').map((w) => w.id),
      now,
    );
  }
  const id = await insertRequest(tx, { ...r, accountId, createdAt: now });
  // The responsible officers hear of it in the same transaction (bell and workbench).
  await notify(tx, {
    kind: 'portal.request_opened',
    to: [{ officersOf: { regionCode: r.regionCode, permission: PERMISSION_OF[r.objectType] } }],
    params: {
      name: typeof r.proposed.name === 'string' ? r.proposed.name : '',
      objectType: r.objectType,
      requestKind: r.kind,
      mobileMasked: account.mobileMask,
    },
    link: '/ledger/requests',
    subject: { type: 'portal_request', id },
    at: now,
  });
  return id;
}

/** Who decides a request about each kind of record. */
const PERMISSION_OF = { person: 'person.write', entity: 'entity.write' } as const;

/** The entrepreneur's own profile (ID number masked) and their recent requests about it. */
export async function getProfile(
  deps: PortalDeps,
  state: PortalState,
): Promise<{ profile: ProfileViewT | null; requests: PortalRequestViewT[] }> {
  const me = requireEntrepreneur(state);
  const account = await myAccount(deps.db, me);
  const { personId } = await visibleLinks(deps.db, account);
  const row = await live((id) => findPerson(deps.db, id), personId);
  const requests = await requestsOfAccount(deps.db, account.id, 'person');
  return {
    profile: row ? presentProfile(row) : null,
    requests: requests.map(presentPortalRequest),
  };
}

/**
 * Submits the profile. Unlinked account, first submission: an ID number not in the ledger
 * creates the person, linked to the account; a person already in the ledger is linked only when
 * the ledger holds the account's verified mobile and the same name (and not another account),
 * and any other value becomes a change request; otherwise a claim waits for an officer. The
 * answer is always `submitted`, so it tells nothing about the ledger. Linked account: the
 * entrepreneur's own record (created by them, untouched by officers) is updated (`applied`);
 * a record an officer keeps gets a change request (`submitted`). The ID number cannot change
 * here (PORTAL_ID_NUMBER_LOCKED). Raises PORTAL_REQUEST_PENDING / PORTAL_REQUEST_LIMIT,
 * VERSION_CONFLICT, VALIDATION. The record, request, message and audit record commit together.
 */
export async function saveProfile(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: ProfileBodyT,
): Promise<{ outcome: Outcome; warnings: string[] }> {
  const me = requireEntrepreneur(state);
  await assertPlaces(deps.db, {
    hukouRegionCode: body.hukouRegionCode,
    currentRegionCode: body.currentRegionCode,
  });
  const now = deps.clock();
  const { idNumber, version, ...fields } = body;
  let outcome: Outcome = 'submitted';
  await deps.db.transaction(async (tx) => {
    const account = await myAccount(tx, me, true);
    const mobile = decrypt(deps.keys, account.mobileEnc);
    const meta = portalChangeMeta(me, now);
    const context = { via: 'portal' };
    // While the first submission waits, a registration's record is not the entrepreneur's yet.
    if (await pendingFirst(tx, account.id, 'person')) throw new AppError('PORTAL_REQUEST_PENDING');
    const linked = await live((id) => findPersonRow(tx, id, true), account.personId);
    let audit: { action: string; objectType: string; objectId: string };
    let message: { kind: 'portal.saved' | 'portal.submitted'; params: NotificationParams };
    if (linked) {
      if (version !== undefined && version !== linked.version) {
        throw new AppError('VERSION_CONFLICT', { version: linked.version });
      }
      if (idNumber && idNumberIndex(deps.keys, idNumber) !== linked.idNumberBidx) {
        throw new AppError('PORTAL_ID_NUMBER_LOCKED', { field: 'body.idNumber' });
      }
      if (ownRecord(linked, account.id)) {
        await applyPersonValues(tx, deps.keys, linked, fields, mobile, { meta, context });
        outcome = 'applied';
        audit = { action: 'portal.profile_update', objectType: 'person', objectId: linked.id };
        message = { kind: 'portal.saved', params: { objectType: 'person' } };
      } else {
        const requestId = await submitRequest(tx, account, now, {
          objectType: 'person',
          kind: 'change',
          objectId: linked.id,
          regionCode: linked.regionCode,
          proposed: fields,
        });
        audit = {
          action: 'portal.profile_change',
          objectType: 'portal_request',
          objectId: requestId,
        };
        message = {
          kind: 'portal.submitted',
          params: { objectType: 'person', requestKind: 'change' },
        };
      }
    } else {
      await assertMayClaim(tx, account.id, 'person');
      if (!idNumber) {
        throw new AppError('VALIDATION', {
          issues: [{ path: 'body.idNumber', code: 'TEXT_REQUIRED' }],
        });
      }
      // Validated in full before the ledger is consulted: errors do not depend on it either.
      const input = PersonCreate.safeParse({ ...fields, idNumber, mobile });
      if (!input.success) throw validation(input.error);
      const found = await findPersonByIdNumberIndex(tx, idNumberIndex(deps.keys, idNumber));
      const existing = found ? await findPersonRow(tx, found.id, true) : undefined;
      if (!existing) {
        // Created and linked, but shown only once an officer confirms it, like a claim.
        const personId = await createPersonRecord(tx, deps.keys, input.data, { meta, context });
        await updateAccount(tx, account.id, { personId, updatedAt: now });
        const created = await findPersonRow(tx, personId);
        if (!created) throw new Error('created person not found');
        await submitRequest(tx, account, now, {
          objectType: 'person',
          kind: 'registration',
          objectId: personId,
          regionCode: created.regionCode,
          proposed: fields,
        });
        audit = { action: 'portal.profile_create', objectType: 'person', objectId: personId };
      } else if (
        existing.phoneBidx === account.mobileBidx &&
        existing.name === fields.name &&
        !(await findAccountOfPerson(tx, existing.id, account.id)) &&
        !(await registrationRejected(tx, account.id, existing.id))
      ) {
        // The ledger already holds this verified mobile for this name and ID number: the same
        // person. Linked; what they submitted still waits for an officer.
        await updateAccount(tx, account.id, { personId: existing.id, updatedAt: now });
        if (differs(existing, fields)) {
          await submitRequest(tx, account, now, {
            objectType: 'person',
            kind: 'change',
            objectId: existing.id,
            regionCode: existing.regionCode,
            proposed: fields,
          });
        }
        audit = { action: 'portal.profile_link', objectType: 'person', objectId: existing.id };
      } else {
        const requestId = await submitRequest(tx, account, now, {
          objectType: 'person',
          kind: 'claim',
          objectId: existing.id,
          regionCode: existing.regionCode,
          proposed: fields,
        });
        audit = {
          action: 'portal.profile_claim',
          objectType: 'portal_request',
          objectId: requestId,
        };
      }
      message = {
        kind: 'portal.submitted',
        params: { objectType: 'person', requestKind: 'first' },
      };
    }
    await notify(tx, { ...message, to: [{ accountId: account.id }], link: '/me', at: now });
    await recordPortalAudit(tx, ctx, now, me, audit);
  });
  return { outcome, warnings: [] };
}

/** The enterprise linked to the account (with the entrepreneur's roles in it), or null. */
export async function getEnterprise(
  deps: PortalDeps,
  state: PortalState,
): Promise<{
  enterprise: EnterpriseViewT | null;
  warnings: string[];
  requests: PortalRequestViewT[];
}> {
  const me = requireEntrepreneur(state);
  const account = await myAccount(deps.db, me);
  const requests = (await requestsOfAccount(deps.db, account.id, 'entity')).map(
    presentPortalRequest,
  );
  const visible = await visibleLinks(deps.db, account);
  const row = await live((id) => findEntity(deps.db, id), visible.entityId);
  if (!row) return { enterprise: null, warnings: [], requests };
  const person = await live((id) => findPerson(deps.db, id), visible.personId);
  const roles = (await linksOfEntity(deps.db, row.id))
    .filter((l) => l.personId === person?.id)
    .map((l) => l.role);
  return {
    enterprise: presentEnterprise(row, roles),
    warnings: row.creditCodeChecksumValid ? [] : ['CREDIT_CODE_CHECKSUM'],
    requests,
  };
}

/**
 * Submits the enterprise. No enterprise linked yet: a new credit code creates a ledger entity
 * with the entrepreneur's person as founder (and legal representative, unless they say
 * otherwise), linked to the account; a credit code already in the ledger is linked only when an
 * officer already linked the entrepreneur's person to it (other values become a change request),
 * otherwise it becomes a claim an officer decides — never founder, legal representative,
 * employees or jobs without an officer. The answer is `submitted` either way. Enterprise
 * linked: the entrepreneur's own record is updated (`applied`), one an officer keeps gets a
 * change request. A pilot code failing its check character is kept with a warning.
 */
export async function saveEnterprise(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: EnterpriseBodyT,
): Promise<{ outcome: Outcome; warnings: string[] }> {
  const me = requireEntrepreneur(state);
  await assertPlaces(deps.db, { regionCode: body.regionCode });
  const now = deps.clock();
  const { version, ...proposed } = body;
  const { legalRepresentative, ...fields } = proposed;
  let warnings: string[] = [];
  let outcome: Outcome = 'submitted';
  await deps.db.transaction(async (tx) => {
    const account = await myAccount(tx, me, true);
    const visible = await visibleLinks(tx, account);
    const person = await live((id) => findPersonRow(tx, id), visible.personId);
    if (!person) throw new AppError('PORTAL_PROFILE_REQUIRED');
    if (await pendingFirst(tx, account.id, 'entity')) throw new AppError('PORTAL_REQUEST_PENDING');
    const parsed = EntityCreate.safeParse({
      ...fields,
      links: ownLinks(person.id, legalRepresentative),
    });
    if (!parsed.success) throw validation(parsed.error);
    const input = parsed.data;
    warnings = input.creditCodeWarning ? [input.creditCodeWarning] : [];
    const meta = portalChangeMeta(me, now);
    const context = { via: 'portal' };
    const row = await live((id) => findEntityRow(tx, id, true), account.entityId);
    let audit: { action: string; objectType: string; objectId: string };
    let message: { kind: 'portal.saved' | 'portal.submitted'; params: NotificationParams };
    if (row) {
      if (version !== undefined && version !== row.version) {
        throw new AppError('VERSION_CONFLICT', { version: row.version });
      }
      if (ownRecord(row, account.id)) {
        await applyEntityValues(tx, row, proposed, person.id, { meta, context });
        outcome = 'applied';
        audit = { action: 'portal.enterprise_update', objectType: 'entity', objectId: row.id };
        message = { kind: 'portal.saved', params: { objectType: 'entity', name: input.name } };
      } else {
        const requestId = await submitRequest(tx, account, now, {
          objectType: 'entity',
          kind: 'change',
          objectId: row.id,
          regionCode: row.regionCode,
          proposed,
        });
        audit = {
          action: 'portal.enterprise_change',
          objectType: 'portal_request',
          objectId: requestId,
        };
        message = {
          kind: 'portal.submitted',
          params: { objectType: 'entity', requestKind: 'change', name: input.name },
        };
      }
    } else {
      await assertMayClaim(tx, account.id, 'entity');
      const found = await findEntityByCreditCode(tx, input.creditCode);
      const existing = found ? await findEntityRow(tx, found.id, true) : undefined;
      if (!existing) {
        // Created and linked, but shown only once an officer confirms it, like a claim.
        const entityId = await createEntityRecord(tx, input, { meta, context });
        await updateAccount(tx, account.id, { entityId, updatedAt: now });
        await submitRequest(tx, account, now, {
          objectType: 'entity',
          kind: 'registration',
          objectId: entityId,
          regionCode: input.regionCode,
          proposed,
        });
        audit = { action: 'portal.enterprise_create', objectType: 'entity', objectId: entityId };
      } else {
        const mine = (await linksOfEntity(tx, existing.id)).filter((l) => l.personId === person.id);
        if (mine.length > 0 && !(await registrationRejected(tx, account.id, existing.id))) {
          // An officer already linked this person to the enterprise: it is theirs to follow.
          await updateAccount(tx, account.id, { entityId: existing.id, updatedAt: now });
          const roleChange = legalRepresentative !== mine.some((l) => l.role === 'legal_rep');
          if (roleChange || differs(existing, fields)) {
            await submitRequest(tx, account, now, {
              objectType: 'entity',
              kind: 'change',
              objectId: existing.id,
              regionCode: existing.regionCode,
              proposed,
            });
          }
          audit = { action: 'portal.enterprise_link', objectType: 'entity', objectId: existing.id };
        } else {
          const requestId = await submitRequest(tx, account, now, {
            objectType: 'entity',
            kind: 'claim',
            objectId: existing.id,
            regionCode: existing.regionCode,
            proposed,
          });
          audit = {
            action: 'portal.enterprise_claim',
            objectType: 'portal_request',
            objectId: requestId,
          };
        }
      }
      message = {
        kind: 'portal.submitted',
        params: { objectType: 'entity', requestKind: 'first', name: input.name },
      };
    }
    await notify(tx, { ...message, to: [{ accountId: account.id }], link: '/me', at: now });
    await recordPortalAudit(tx, ctx, now, me, { ...audit, details: { warnings } });
  });
  return { outcome, warnings };
}
