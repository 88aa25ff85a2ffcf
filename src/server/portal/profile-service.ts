import type { z } from 'zod';
import { AppError } from '../../domain/errors/codes.js';
import { EntityCreate } from '../../domain/ledger/entity-schema.js';
import { PersonCreate, PersonUpdate } from '../../domain/ledger/person-schema.js';
import { regionLevel } from '../../domain/regions/region-code.js';
import { decrypt } from '../crypto/keys.js';
import type { Executor } from '../db/client.js';
import { linksOfEntity } from '../entities/link-repo.js';
import { findEntity, findEntityByCreditCode, findEntityRow } from '../entities/repo.js';
import { createEntityRecord, updateEntityRecord } from '../entities/write.js';
import type { RequestContext } from '../http/context.js';
import { assertRegionsExist } from '../people/guards.js';
import { findPerson, findPersonByIdNumberIndex, findPersonRow } from '../people/repo.js';
import { idNumberIndex } from '../people/sealed.js';
import { createPersonRecord, updatePersonRecord } from '../people/write.js';
import { type PortalActor, portalChangeMeta, recordPortalAudit } from './audit.js';
import type {
  EnterpriseBodyT,
  EnterpriseViewT,
  HomeViewT,
  ProfileBodyT,
  ProfileViewT,
} from './contract.js';
import { presentEnterprise, presentProfile } from './presenter.js';
import { findAccount, findAccountOfPerson, insertNotifications, updateAccount } from './repo.js';
import type { PortalDeps } from './service.js';
import { type PortalState, requireEntrepreneur } from './session.js';

/**
 * The entrepreneur's own records in the real-name ledger: their person (profile) and their
 * enterprise, written through the ledger's write models (dedup, history, stats) with the
 * entrepreneur as the actor. Only the records linked to the account are ever read or written.
 */

/** Follows merges: a record an officer merged away is continued by its survivor. */
async function live<T extends { mergedInto: string | null }>(
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

/** zod issues of a domain schema as the VALIDATION error the HTTP edge renders. */
function validation(error: z.ZodError): AppError {
  return new AppError('VALIDATION', {
    issues: error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), code: i.message })),
  });
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

async function myAccount(db: Executor, me: PortalActor, lock = false) {
  const account = await findAccount(db, me.accountId, lock);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/** The entrepreneur's own profile (ID number masked), or null before the first submission. */
export async function getProfile(
  deps: PortalDeps,
  state: PortalState,
): Promise<{ profile: ProfileViewT | null }> {
  const me = requireEntrepreneur(state);
  const account = await myAccount(deps.db, me);
  const row = await live((id) => findPerson(deps.db, id), account.personId);
  return { profile: row ? presentProfile(row) : null };
}

/**
 * Submits the profile. The first time, the ID number decides: a person already in the ledger
 * with that number (and the same name) is linked to the account and updated, otherwise a new
 * person is created; later submissions update the linked person (the ID number cannot change
 * here). The ledger's mobile number is the account's verified one. History names the
 * entrepreneur; the person, the link, a message and the audit record commit together.
 */
export async function saveProfile(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: ProfileBodyT,
): Promise<{ profile: ProfileViewT | null }> {
  const me = requireEntrepreneur(state);
  await assertPlaces(deps.db, {
    hukouRegionCode: body.hukouRegionCode,
    currentRegionCode: body.currentRegionCode,
  });
  const now = deps.clock();
  const { idNumber, version, ...fields } = body;
  await deps.db.transaction(async (tx) => {
    const account = await myAccount(tx, me, true);
    const mobile = decrypt(deps.keys, account.mobileEnc);
    const meta = portalChangeMeta(me, now);
    const context = { via: 'portal' };
    const linked = await live((id) => findPersonRow(tx, id, true), account.personId);
    let personId: string;
    let action: string;
    if (linked) {
      if (version !== undefined && version !== linked.version) {
        throw new AppError('VERSION_CONFLICT', { version: linked.version });
      }
      if (idNumber && idNumberIndex(deps.keys, idNumber) !== linked.idNumberBidx) {
        throw new AppError('PORTAL_ID_NUMBER_LOCKED', { field: 'body.idNumber' });
      }
      const patch = PersonUpdate.safeParse({ ...fields, mobile, version: linked.version });
      if (!patch.success) throw validation(patch.error);
      const { version: _v, ...changes } = patch.data;
      await updatePersonRecord(tx, deps.keys, linked, changes, { meta, context });
      personId = linked.id;
      action = 'portal.profile_update';
    } else {
      if (!idNumber) {
        throw new AppError('VALIDATION', {
          issues: [{ path: 'body.idNumber', code: 'TEXT_REQUIRED' }],
        });
      }
      const found = await findPersonByIdNumberIndex(tx, idNumberIndex(deps.keys, idNumber));
      const existing = found ? await findPersonRow(tx, found.id, true) : undefined;
      if (existing) {
        // Linking to a ledger record needs the same ID number and the same name.
        if (existing.name !== fields.name)
          throw new AppError('PORTAL_IDENTITY_MISMATCH', { field: 'body.name' });
        if (await findAccountOfPerson(tx, existing.id, account.id)) {
          throw new AppError('PORTAL_PERSON_TAKEN', { field: 'body.idNumber' });
        }
        const patch = PersonUpdate.safeParse({
          ...fields,
          idNumber,
          mobile,
          version: existing.version,
        });
        if (!patch.success) throw validation(patch.error);
        const { version: _v, ...changes } = patch.data;
        await updatePersonRecord(tx, deps.keys, existing, changes, {
          meta,
          context: { ...context, linked: true },
        });
        personId = existing.id;
        action = 'portal.profile_link';
      } else {
        const input = PersonCreate.safeParse({ ...fields, idNumber, mobile });
        if (!input.success) throw validation(input.error);
        personId = await createPersonRecord(tx, deps.keys, input.data, { meta, context });
        action = 'portal.profile_create';
      }
      await updateAccount(tx, account.id, { personId, updatedAt: now });
    }
    await insertNotifications(tx, [
      {
        accountId: account.id,
        kind: 'profile',
        title: linked ? '资料已更新' : '资料已提交',
        body: '您的个人资料已进入返乡创业实名制台账，当地服务专员会与您联系。',
        createdAt: now,
      },
    ]);
    await recordPortalAudit(tx, ctx, now, me, { action, objectType: 'person', objectId: personId });
  });
  return getProfile(deps, state);
}

/** The enterprise linked to the account (with the entrepreneur's roles in it), or null. */
export async function getEnterprise(
  deps: PortalDeps,
  state: PortalState,
): Promise<{ enterprise: EnterpriseViewT | null; warnings: string[] }> {
  const me = requireEntrepreneur(state);
  const account = await myAccount(deps.db, me);
  const row = await live((id) => findEntity(deps.db, id), account.entityId);
  if (!row) return { enterprise: null, warnings: [] };
  const person = await live((id) => findPerson(deps.db, id), account.personId);
  const roles = (await linksOfEntity(deps.db, row.id))
    .filter((l) => l.personId === person?.id)
    .map((l) => l.role);
  return {
    enterprise: presentEnterprise(row, roles),
    warnings: row.creditCodeChecksumValid ? [] : ['CREDIT_CODE_CHECKSUM'],
  };
}

/**
 * Submits the enterprise: creates a ledger entity linked to the entrepreneur's person as founder
 * (and legal representative, unless they say otherwise), or updates the one linked to the
 * account. A credit code already in the ledger is taken over only when the entrepreneur is
 * already linked to that entity; otherwise ENTITY_DUPLICATE. A pilot code failing its check
 * character is kept with a warning.
 */
export async function saveEnterprise(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: EnterpriseBodyT,
): Promise<{ enterprise: EnterpriseViewT | null; warnings: string[] }> {
  const me = requireEntrepreneur(state);
  await assertPlaces(deps.db, { regionCode: body.regionCode });
  const now = deps.clock();
  const { version, legalRepresentative, ...fields } = body;
  let warnings: string[] = [];
  await deps.db.transaction(async (tx) => {
    const account = await myAccount(tx, me, true);
    const person = await live((id) => findPersonRow(tx, id), account.personId);
    if (!person) throw new AppError('PORTAL_PROFILE_REQUIRED');
    const mine = ['founder', ...(legalRepresentative ? ['legal_rep'] : [])].map((role) => ({
      personId: person.id,
      role,
    }));
    const parsed = EntityCreate.safeParse({ ...fields, links: mine });
    if (!parsed.success) throw validation(parsed.error);
    const input = parsed.data;
    warnings = input.creditCodeWarning ? [input.creditCodeWarning] : [];
    const meta = portalChangeMeta(me, now);
    const context = { via: 'portal' };
    let row = await live((id) => findEntityRow(tx, id, true), account.entityId);
    if (!row) {
      const existing = await findEntityByCreditCode(tx, input.creditCode);
      if (existing) {
        const links = await linksOfEntity(tx, existing.id);
        if (!links.some((l) => l.personId === person.id))
          throw new AppError('ENTITY_DUPLICATE', { field: 'body.creditCode' });
        row = await findEntityRow(tx, existing.id, true);
      }
    }
    let entityId: string;
    let action: string;
    if (row) {
      if (version !== undefined && account.entityId === row.id && version !== row.version) {
        throw new AppError('VERSION_CONFLICT', { version: row.version });
      }
      // Other people's links stay; the entrepreneur's own follow the answer.
      const others = (await linksOfEntity(tx, row.id))
        .filter((l) => l.personId !== person.id)
        .map((l) => ({
          personId: l.personId,
          role: l.role as 'founder' | 'legal_rep' | 'core_member',
        }));
      // The pilot-code mark is the officers' (the portal has no such field): left as it is.
      const { links: _l, pilotCode: _p, pilotCodeReason: _r, ...rest } = input;
      await updateEntityRecord(
        tx,
        row,
        { ...rest, links: [...others, ...input.links] },
        { meta, context },
      );
      entityId = row.id;
      action = 'portal.enterprise_update';
    } else {
      entityId = await createEntityRecord(tx, input, { meta, context });
      action = 'portal.enterprise_create';
    }
    await updateAccount(tx, account.id, { entityId, updatedAt: now });
    await insertNotifications(tx, [
      {
        accountId: account.id,
        kind: 'enterprise',
        title: action === 'portal.enterprise_create' ? '企业信息已提交' : '企业信息已更新',
        body: `“${input.name}”已登记到返乡创业市场主体台账。`,
        createdAt: now,
      },
    ]);
    await recordPortalAudit(tx, ctx, now, me, {
      action,
      objectType: 'entity',
      objectId: entityId,
      details: { warnings },
    });
  });
  const answer = await getEnterprise(deps, state);
  return { ...answer, warnings };
}
