import {
  canFire,
  type FireDenial,
  firingRules,
  matchesRule,
  stepOwner,
} from '../../../domain/cases/can-fire.js';
import type { CaseActor, CaseType, TransitionDecl } from '../../../domain/cases/case-type.js';
import { caseType } from '../../../domain/cases/case-types.js';
import { deadlineStatus, nextDeadline } from '../../../domain/cases/deadlines.js';
import { AppError, type ErrorCode } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { lockAuditHead, lockedHead } from '../../platform/audit/repo.js';
import { writeTogether } from '../../platform/db/write-together.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../../access/scope/scope.js';
import { caseActorOf, caseVisible } from './access.js';
import type { CaseDetailViewT, CaseFireBodyT } from './contract.js';
import { type CaseNotice, caseHooks } from './hooks.js';
import { stateName } from './presenter.js';
import {
  advanceCaseUpdate,
  caseAttachmentList,
  type CaseListRow,
  findCase,
  transitionInsert,
} from './repo.js';
import { caseDetail, issueFields, stepNotice } from './service.js';

const DENIAL_CODES: Record<Exclude<FireDenial, 'CONDITION'>, ErrorCode> = {
  UNKNOWN_TRANSITION: 'CASE_TRANSITION_UNKNOWN',
  WRONG_STATE: 'CASE_WRONG_STATE',
  NOT_PERMITTED: 'FORBIDDEN',
  NOT_YOUR_STEP: 'CASE_NOT_YOUR_STEP',
};

function refuse(
  reason: FireDenial,
  type: CaseType,
  row: CaseListRow,
  body: CaseFireBodyT,
  ctx: RequestContext,
): never {
  const t = type.transitions.find((x) => x.id === body.transition);
  const transition = t ? (ctx.locale === 'en' ? t.en : t.zh) : body.transition;
  if (reason === 'CONDITION') {
    const conditions = (t?.when ?? []).map((w) =>
      'equals' in w ? `${w.field} = ${String(w.equals)}` : `${w.field} ≥ ${w.daysSince} 天`,
    );
    throw new AppError('CASE_CONDITION', { transition, conditions });
  }
  throw new AppError(DENIAL_CODES[reason], {
    transition,
    state: stateName(type, row.state, ctx.locale),
  });
}

/**
 * Each transition's fields schema refusing unknown keys, built once: zod compiles a schema's
 * parser on first use, which cost more than the parse itself when done per request.
 */
const STRICT_FIELDS = new WeakMap<
  TransitionDecl,
  ReturnType<NonNullable<TransitionDecl['fields']>['strict']>
>();

/** The fields the transition requires, parsed; CASE_FIELDS_INVALID names what is wrong. */
function transitionFields(t: TransitionDecl, given: Record<string, unknown> | undefined) {
  if (!t.fields) {
    if (given && Object.keys(given).length > 0) {
      throw new AppError('CASE_FIELDS_INVALID', { fields: Object.keys(given) });
    }
    return {};
  }
  let strict = STRICT_FIELDS.get(t);
  if (!strict) {
    strict = t.fields.strict();
    STRICT_FIELDS.set(t, strict);
  }
  const parsed = strict.safeParse(given ?? {});
  if (!parsed.success) {
    throw new AppError('CASE_FIELDS_INVALID', { fields: issueFields(parsed.error.issues) });
  }
  return parsed.data;
}

/** The organisation the actor fires the transition for: the routed organisation they matched. */
function actingOrg(
  type: CaseType,
  t: TransitionDecl,
  row: CaseListRow,
  actor: CaseActor,
): string | null {
  for (const rule of firingRules(type, t, row.state)) {
    if (rule.kind === 'org' && matchesRule(rule, actor, t.permission, row)) {
      return row.routing[rule.route] ?? null;
    }
  }
  return null;
}

/**
 * States whose arrival the applicant is told of besides the terminal ones: each step of the
 * review (taken in, eligible, guarantee agreed), approved, paid out, overdue.
 */
const DECISIONS = new Set([
  'eligibility',
  'guarantee_review',
  'bank_review',
  'disbursement',
  'repaying',
  'overdue',
]);

/**
 * Fires a transition on a case. The case must be readable (NOT_FOUND), still at the version the
 * actor read (CASE_CONFLICT otherwise: someone decided first), the transition must leave the
 * current state (CASE_WRONG_STATE), belong to the actor's organisation or region
 * (CASE_NOT_YOUR_STEP), its conditions must hold (CASE_CONDITION), a reason is needed for
 * refusal and withdrawal (CASE_REASON_REQUIRED), its fields must be valid (CASE_FIELDS_INVALID)
 * and the attachments named must be the case's own (CASE_ATTACHMENT_UNKNOWN).
 *
 * One transaction: the versioned update (of two simultaneous decisions exactly one matches the
 * version; the other gets CASE_CONFLICT), the history entry, the audit record and the notice to
 * the next step's organisation. Answers the file as the actor now sees it.
 */
export async function fireTransition(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: CaseFireBodyT,
): Promise<CaseDetailViewT> {
  await fireCase(deps, ctx, id, body);
  return caseDetail(deps, ctx, id);
}

/** The transition alone (fireTransition without reading the file back for the answer). */
export async function fireCase(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: CaseFireBodyT,
): Promise<void> {
  const actor = requirePermission(ctx, 'case.work');
  const row = await findCase(deps.db, id);
  if (!row || !caseVisible(actor, row)) throw new AppError('NOT_FOUND');
  const type = caseType(row.type);
  if (!type) throw new AppError('CASE_TYPE_UNKNOWN', { type: row.type });
  if (row.version !== body.version) throw new AppError('CASE_CONFLICT', { version: row.version });
  const { calendar, notify, effects } = caseHooks(deps);
  const now = deps.clock();
  const caseActor = await caseActorOf(deps.db, actor);
  const decision = canFire(type, row, caseActor, body.transition, now);
  if (!decision.allowed) refuse(decision.reason, type, row, body, ctx);
  const t = decision.transition;
  const transition = ctx.locale === 'en' ? t.en : t.zh;
  if (t.needsReason && !body.reason) throw new AppError('CASE_REASON_REQUIRED', { transition });
  const fields = transitionFields(t, body.fields);
  const attachmentIds = [...new Set(body.attachmentIds ?? [])];
  if (attachmentIds.length > 0) {
    const own = new Set((await caseAttachmentList(deps.db, id)).map((a) => a.id));
    if (attachmentIds.some((a) => !own.has(a))) throw new AppError('CASE_ATTACHMENT_UNKNOWN');
  }
  const stays = t.to === row.state;
  const enteredAt = stays ? row.stateEnteredAt : now;
  const due = stays ? row.dueAt : nextDeadline(type, t.to, now, calendar);
  const owner = stepOwner(type, t.to, row.routing);
  const terminal = type.states[t.to]?.terminal === true;
  const orgId = actingOrg(type, t, row, caseActor);
  const effect = effects[type.code];
  const runsEffect = effect?.on.includes(t.id) === true;
  const subject = { ...row, state: t.to };
  const notices: CaseNotice[] = [];
  if (!stays && !terminal) {
    if (owner.orgId) notices.push(stepNotice(id, { orgId: owner.orgId }, t.to, subject));
    else if (owner.region) {
      notices.push(stepNotice(id, { regionCode: row.regionCode }, t.to, subject));
    }
  }
  if (!stays && (terminal || DECISIONS.has(t.to))) {
    notices.push({
      caseApplicant: true,
      kind: 'case.decided',
      caseId: id,
      params: { state: t.to, transition: t.id, reason: body.reason ?? null },
      subject,
    });
  }
  await deps.db.transaction(async (tx) => {
    const noticeWrites = await Promise.all(notices.map((n) => notify(tx, n)));
    // The move, its history and its notices in one statement. When no effect runs after the
    // move, the same statement locks the audit chain's head: every audited change in the
    // deployment waits for that lock, held from here to COMMIT only.
    const sent = await writeTogether(
      tx,
      [
        advanceCaseUpdate(
          tx,
          id,
          body.version,
          {
            state: t.to,
            ownerOrgId: owner.orgId,
            ownerRegion: owner.region,
            terminal,
            stateEnteredAt: enteredAt,
            dueAt: due,
            deadlineStatus: deadlineStatus(due, now, calendar),
            updatedAt: now,
          },
          fields,
        ),
        transitionInsert(tx, {
          caseId: id,
          version: body.version + 1,
          transition: t.id,
          fromState: row.state,
          toState: t.to,
          actorUserId: actor.userId,
          actorLogin: actor.login,
          actorOrgId: orgId,
          at: now,
          comment: body.comment ?? null,
          reason: body.reason ?? null,
          fields,
          attachmentIds,
          workingDaysInState: calendar.workingDaysBetween(row.stateEnteredAt, now),
        }),
        ...noticeWrites.filter((w) => w !== null),
      ],
      runsEffect ? undefined : lockAuditHead(),
    );
    // Someone decided first: the history and notices written beside go with the rollback.
    if (sent.counts[0] !== 1) throw new AppError('CASE_CONFLICT', { version: body.version + 1 });
    if (runsEffect) {
      await effect.run(tx, {
        case: { id, regionCode: row.regionCode, type: row.type, data: row.data },
        transition: t.id,
        from: row.state,
        to: t.to,
        fields,
        now,
      });
    }
    await recordAudit(
      tx,
      ctx,
      now,
      {
        action: 'case.transition',
        objectType: 'case',
        objectId: id,
        permission: 'case.work',
        details: {
          type: type.code,
          transition: t.id,
          from: row.state,
          to: t.to,
          version: body.version + 1,
          fields: Object.keys(fields),
        },
      },
      sent.then ? lockedHead(sent.then) : undefined,
    );
  });
}
