import { stepOwner, allowedTransitions } from '../../../domain/cases/can-fire.js';
import type { CaseType } from '../../../domain/cases/case-type.js';
import { caseType } from '../../../domain/cases/case-types.js';
import { deadlineStatus, nextDeadline } from '../../../domain/cases/deadlines.js';
import { AppError } from '../../../domain/errors/codes.js';
import { isWithin } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../../access/scope/scope.js';
import {
  caseActorOf,
  caseOrgIds,
  caseRegionRoots,
  caseVisible,
  caseVisibleWhere,
  requireCaseReader,
} from './access.js';
import type {
  CaseCreateBodyT,
  CaseDetailViewT,
  CaseQueueQueryT,
  CaseTypesViewT,
} from './contract.js';
import { caseHooks, type NoticeSubject, sendNotice } from './hooks.js';
import {
  presentAttachment,
  presentCaseTypes,
  presentSummary,
  presentTransition,
} from './presenter.js';
import {
  type CaseListRow,
  caseAttachmentList,
  caseHistory,
  entityExists,
  findCase,
  findOrgType,
  insertCase,
  insertTransition,
  nearestOrgOfType,
  orgNames,
  personExists,
  type QueueCursor,
  queueDone,
  queueOpen,
  regionExists,
} from './repo.js';

/**
 * Cases (办件): reading them and filing new ones. Every function checks access first: a case is
 * read with case.read (or case.work) within region scope, or through an organisation grant on an
 * organisation the case is routed to; outside that it does not exist (NOT_FOUND).
 */

/** The case types this build declares (states, transitions, limits), for forms and step bars. */
export function listCaseTypes(ctx: RequestContext): CaseTypesViewT {
  requireCaseReader(ctx);
  return presentCaseTypes(ctx.locale);
}

/** The names of the fields a zod issue list points at. */
export function issueFields(issues: readonly { path: readonly PropertyKey[] }[]): string[] {
  return [...new Set(issues.map((i) => String(i.path[0] ?? '')))].filter((f) => f !== '');
}

/** Resolves a new case's routing fields: chosen on the file, or the region's organisation. */
async function resolveRouting(
  db: Executor,
  type: CaseType,
  regionCode: string,
  data: Record<string, unknown>,
): Promise<Record<string, string | null>> {
  const routing: Record<string, string | null> = {};
  for (const [field, rule] of Object.entries(type.routing)) {
    if ('fileField' in rule) {
      const id = data[rule.fileField];
      const ok = typeof id === 'string' && (await findOrgType(db, id)) === rule.orgType;
      if (!ok) throw new AppError('CASE_ROUTING_INVALID', { field, orgType: rule.orgType });
      routing[field] = id;
    } else {
      routing[field] = await nearestOrgOfType(db, regionCode, rule.regionOrg);
    }
  }
  return routing;
}

/** Options of a filing: what a module does inside the transaction, and its audit record. */
export interface FileOptions {
  /** Runs inside the filing's transaction once the case row exists (e.g. the loan application). */
  within?: (tx: Executor, caseId: string, now: Date) => Promise<void>;
  /** The filing's audit record when a module files (one record per request). */
  audit?: { action: string; details: Record<string, unknown> };
}

/**
 * Who files a case: an officer (staff user, under case.work) or an applicant on the portal
 * (their portal account; recorded in the history and the audit record as the applicant).
 */
export type Filer =
  | { kind: 'officer'; userId: string; login: string }
  | { kind: 'applicant'; accountId: string; label: string };

/**
 * Files a new case at its type's first state. Needs case.work through a region grant covering
 * the case's region (the 受理 side: township and county officers): FORBIDDEN without any such
 * grant, SCOPE_OUTSIDE_OWN outside it. The data must satisfy the type's creation fields
 * (CASE_FIELDS_INVALID), routed organisations must exist with the right type
 * (CASE_ROUTING_INVALID). The row, its first history entry and the audit record commit together.
 */
export async function createCase(
  deps: AppDeps,
  ctx: RequestContext,
  body: CaseCreateBodyT,
  opts: FileOptions = {},
): Promise<CaseDetailViewT> {
  const actor = requirePermission(ctx, 'case.work');
  const roots = caseRegionRoots(actor, ['case.work']);
  if (roots.length === 0) throw new AppError('FORBIDDEN', { permission: 'case.work' });
  if (!roots.some((r) => isWithin(body.regionCode, r))) throw new AppError('SCOPE_OUTSIDE_OWN');
  const filer: Filer = { kind: 'officer', userId: actor.userId, login: actor.login };
  const id = await fileCase(deps, ctx, body, filer, opts);
  return caseDetail(deps, ctx, id);
}

/**
 * Files a case once the caller has checked who may: the portal's applicant variant calls it
 * after establishing that the subject is the account's own verified person or enterprise. Same
 * checks of type, region, fields, subject and routing as {@link createCase}; the row, the first
 * history entry (actor: the filer), the audit record and the first step's notice commit together.
 * Returns the new case's id.
 */
export async function fileCase(
  deps: AppDeps,
  ctx: RequestContext,
  body: CaseCreateBodyT,
  filer: Filer,
  opts: FileOptions = {},
): Promise<string> {
  const type = caseType(body.type);
  if (!type) throw new AppError('CASE_TYPE_UNKNOWN', { type: body.type });
  if (!(await regionExists(deps.db, body.regionCode))) {
    throw new AppError('REGION_UNKNOWN', { field: 'regionCode' });
  }
  const parsed = type.createFields.safeParse(body.data);
  if (!parsed.success) {
    throw new AppError('CASE_FIELDS_INVALID', { fields: issueFields(parsed.error.issues) });
  }
  const data = parsed.data;
  if (body.subjectPersonId && !(await personExists(deps.db, body.subjectPersonId)))
    throw new AppError('CASE_SUBJECT_INVALID');
  if (body.subjectEntityId && !(await entityExists(deps.db, body.subjectEntityId)))
    throw new AppError('CASE_SUBJECT_INVALID');
  const routing = await resolveRouting(deps.db, type, body.regionCode, data);
  const { calendar, notify } = caseHooks(deps);
  const now = deps.clock();
  const owner = stepOwner(type, type.initial, routing);
  const due = nextDeadline(type, type.initial, now, calendar);
  const officer = filer.kind === 'officer';
  return deps.db.transaction(async (tx) => {
    const caseId = await insertCase(tx, {
      type: type.code,
      regionCode: body.regionCode,
      subjectPersonId: body.subjectPersonId ?? null,
      subjectEntityId: body.subjectEntityId ?? null,
      state: type.initial,
      version: 1,
      routing,
      ownerOrgId: owner.orgId,
      ownerRegion: owner.region,
      terminal: false,
      stateEnteredAt: now,
      dueAt: due,
      deadlineStatus: deadlineStatus(due, now, calendar),
      data,
      createdBy: officer ? filer.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    await insertTransition(tx, {
      caseId,
      version: 1,
      transition: 'create',
      fromState: null,
      toState: type.initial,
      // The portal account is no staff user: the history names it by its label.
      actorUserId: officer ? filer.userId : null,
      actorLogin: officer ? filer.login : filer.label,
      actorOrgId: null,
      at: now,
      comment: body.comment ?? null,
      fields: data,
    });
    await recordAudit(tx, ctx, now, {
      action: opts.audit?.action ?? 'case.create',
      objectType: 'case',
      objectId: caseId,
      ...(officer
        ? { permission: 'case.work' as const }
        : { roles: 'entrepreneur', actor: { userId: filer.accountId, login: filer.label } }),
      details: {
        type: type.code,
        regionCode: body.regionCode,
        state: type.initial,
        ...opts.audit?.details,
      },
    });
    if (opts.within) await opts.within(tx, caseId, now);
    if (owner.orgId) {
      await sendNotice(tx, notify, stepNotice(caseId, { orgId: owner.orgId }, type.initial));
    }
    // An officer filing is the intake already; an applicant's file is announced to the region's
    // case officers (the most local ones holding case.work over it).
    if (owner.region && !officer) {
      await sendNotice(
        tx,
        notify,
        stepNotice(caseId, { regionCode: body.regionCode }, type.initial),
      );
    }
    return caseId;
  });
}

/** The notice that a case arrived at a step. */
export function stepNotice(
  caseId: string,
  target: { orgId: string } | { regionCode: string },
  state: string,
  subject?: NoticeSubject,
) {
  return {
    ...target,
    kind: 'case.step' as const,
    caseId,
    params: { state },
    ...(subject ? { subject } : {}),
  };
}

/** Loads a case the actor may read, else NOT_FOUND (existence does not leak). */
export async function readableCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<CaseListRow> {
  const actor = requireCaseReader(ctx);
  const row = await findCase(deps.db, id);
  if (!row || !caseVisible(actor, row)) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * A case with its full history, its materials, its deadline and the transitions the actor may
 * fire now.
 */
export async function caseDetail(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<CaseDetailViewT> {
  const actor = requireCaseReader(ctx);
  const row = await readableCase(deps, ctx, id);
  const type = caseType(row.type);
  const { calendar } = caseHooks(deps);
  const now = deps.clock();
  const [history, attachments, caseActor] = await Promise.all([
    caseHistory(deps.db, id),
    caseAttachmentList(deps.db, id),
    caseActorOf(deps.db, actor),
  ]);
  const names = await orgNames(deps.db, [
    ...new Set(history.flatMap((h) => (h.actorOrgId ? [h.actorOrgId] : []))),
  ]);
  const offered = type ? allowedTransitions(type, row, caseActor, now) : [];
  return {
    ...presentSummary(row, type, ctx.locale, now, calendar),
    subjectPersonId: row.subjectPersonId,
    subjectEntityId: row.subjectEntityId,
    routing: row.routing,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    history: history.map((h) => presentTransition(h, type, ctx.locale, names)),
    attachments: attachments.map(presentAttachment),
    allowedTransitions: offered.map((t) => ({
      id: t.id,
      name: ctx.locale === 'en' ? t.en : t.zh,
      to: t.to,
      needsReason: t.needsReason === true,
      fields: t.fields ? Object.keys(t.fields.shape) : [],
    })),
  };
}

/** A queue cursor as the API hands it out (opaque to clients). */
export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string | undefined): QueueCursor | undefined {
  if (s === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Partial<QueueCursor>;
    const uuid = /^[0-9a-f-]{36}$/i;
    if (typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at)) && uuid.test(v.id ?? ''))
      return { at: v.at, id: v.id! };
  } catch {
    // fall through to the coded refusal
  }
  throw new AppError('BAD_REQUEST', { reason: 'cursor' });
}

/**
 * The actor's work queue. 待办: open cases whose current step belongs to one of the actor's
 * organisations (organisation grants with case.work; a bank sees only the files routed to it)
 * or to region officers of a region the actor's region grants with case.work cover; 超时: the
 * same, past their deadline; 已办: cases the actor has moved and may still read. Keyset paging.
 */
export async function caseQueue(deps: AppDeps, ctx: RequestContext, q: CaseQueueQueryT) {
  const actor = requireCaseReader(ctx);
  const after = decodeCursor(q.after);
  const { calendar } = caseHooks(deps);
  const now = deps.clock();
  const limit = q.limit + 1;
  let rows: CaseListRow[];
  let cursorOf: (r: CaseListRow) => QueueCursor;
  if (q.tab === 'done') {
    const done = await queueDone(deps.db, {
      userId: actor.userId,
      visible: caseVisibleWhere(actor),
      type: q.type,
      after,
      limit,
    });
    rows = done;
    cursorOf = (r) => ({
      at: (r as (typeof done)[number]).lastActedAt.toISOString(),
      id: r.id,
    });
  } else {
    rows = await queueOpen(deps.db, {
      orgIds: caseOrgIds(actor, ['case.work']),
      regionRoots: caseRegionRoots(actor, ['case.work']),
      type: q.type,
      overdueOnly: q.tab === 'overdue',
      after,
      limit,
    });
    cursorOf = (r) => ({ at: r.stateEnteredAt.toISOString(), id: r.id });
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentSummary(r, caseType(r.type), ctx.locale, now, calendar)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(cursorOf(last)) : null,
  };
}
