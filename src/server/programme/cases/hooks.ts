import type { SQL } from 'drizzle-orm';
import { SHIPPED_CALENDAR } from '../../../domain/calendar/official-calendar.js';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import type { Executor } from '../../platform/db/client.js';
import { loanTransitionEffect } from '../loans/effects.js';
import type { TransitionEffect } from './transition-effect.js';

/**
 * What the case engine takes from outside its room, as narrow interfaces: the official working-day
 * calendar, the notifications service and the programme modules' transition effects. AppDeps.caseHooks
 * hands them in (buildApp loads the calendar from the database and wires notifications); the
 * defaults below apply where nothing is handed in.
 */

/** Who a notification is for: an organisation's staff, region officers of a region, or users. */
export type NotifyTarget =
  { orgId: string } | { regionCode: string } | { userIds: string[] } | { caseApplicant: true };

/** One notification of the case engine (a step arrived, a step is due soon or overdue, decided). */
export type CaseNotice = NotifyTarget & {
  kind: 'case.step' | 'case.deadline_near' | 'case.deadline_overdue' | 'case.decided';
  caseId: string;
  params: Record<string, string | number | null>;
  /** The case as the sender already read it (its type and applicant), saving the notifier a read. */
  subject?: NoticeSubject;
};

/** What a notice needs to know of its case besides the state it names. */
export interface NoticeSubject {
  id: string;
  type: string;
  state: string;
  subjectPersonId: string | null;
  subjectEntityId: string | null;
}

/**
 * The write that sends a notice (站内信 and SMS are the notifications service's business), or
 * null when nobody is to be told. The caller runs it in its own transaction — together with its
 * other writes where it can — so a rolled-back transition notifies no one. `tx` is for reading
 * what the notice needs and the subject does not carry.
 */
export type NotifyHook = (tx: Executor, notice: CaseNotice) => Promise<SQL | null>;

export interface CaseHooks {
  calendar: WorkingCalendar;
  notify: NotifyHook;
  /** Per case type: what its module does on a transition (in the same transaction). */
  effects: Record<string, TransitionEffect>;
}

/** Sends nothing (tests and tools that run without the notifications service). */
export const NOTIFY_NOTHING: NotifyHook = () => Promise.resolve(null);

/** Sends one notice on its own (where there is nothing to send it with). */
export async function sendNotice(tx: Executor, notify: NotifyHook, notice: CaseNotice) {
  const write = await notify(tx, notice);
  if (write) await tx.execute(write);
}

/** The programme modules' effects by case type. */
export const CASE_EFFECTS: Record<string, TransitionEffect> = {
  'guarantee-loan': loanTransitionEffect,
};

/**
 * The hooks in force: those handed in, else the defaults — the official calendar shipped with
 * the code (2025, 2026; buildApp replaces it with the one stored, years added since included),
 * no notices, the modules' effects.
 */
export function caseHooks(deps: { caseHooks?: Partial<CaseHooks> | undefined }): CaseHooks {
  return {
    calendar: deps.caseHooks?.calendar ?? SHIPPED_CALENDAR,
    notify: deps.caseHooks?.notify ?? NOTIFY_NOTHING,
    effects: deps.caseHooks?.effects ?? CASE_EFFECTS,
  };
}
