import { materialKind } from '../../../domain/loans/materials.js';
import type { CaseType } from '../../../domain/cases/case-type.js';
import { CASE_TYPES } from '../../../domain/cases/case-types.js';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import type { Locale } from '../../../domain/errors/messages.js';
import type { AttachmentViewT, CaseSummaryT, CaseTypesViewT } from './contract.js';
import type { CaseAttachmentRow, CaseListRow, CaseTransitionRow } from './repo.js';

/** Responses built field by field from the case rows; a row is never returned as is. */

type Named = { zh: string; en: string };
const nameOf = (n: Named | undefined, locale: Locale, fallback: string): string =>
  n ? (locale === 'en' ? n.en : n.zh) : fallback;

export function stateName(type: CaseType | undefined, state: string, locale: Locale): string {
  return nameOf(type?.states[state], locale, state);
}

export function transitionName(type: CaseType | undefined, id: string, locale: Locale): string {
  if (id === 'create') return locale === 'en' ? 'Filed' : '登记';
  return nameOf(
    type?.transitions.find((t) => t.id === id),
    locale,
    id,
  );
}

export function presentSummary(
  row: CaseListRow,
  type: CaseType | undefined,
  locale: Locale,
  now: Date,
  calendar: WorkingCalendar,
): CaseSummaryT {
  return {
    id: row.id,
    type: row.type,
    typeName: nameOf(type, locale, row.type),
    state: row.state,
    stateName: stateName(type, row.state, locale),
    terminal: row.terminal,
    regionCode: row.regionCode,
    subjectPersonName: row.subjectPersonName,
    subjectEntityName: row.subjectEntityName,
    stateEnteredAt: row.stateEnteredAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    deadlineStatus: row.deadlineStatus as CaseSummaryT['deadlineStatus'],
    workingDaysLeft:
      row.dueAt && !row.terminal ? calendar.workingDaysBetween(now, row.dueAt) : null,
    version: row.version,
  };
}

export function presentTransition(
  r: CaseTransitionRow,
  type: CaseType | undefined,
  locale: Locale,
  orgNames: Map<string, string>,
) {
  return {
    id: r.id,
    version: r.version,
    transition: r.transition,
    transitionName: transitionName(type, r.transition, locale),
    fromState: r.fromState,
    fromStateName: r.fromState === null ? null : stateName(type, r.fromState, locale),
    toState: r.toState,
    toStateName: stateName(type, r.toState, locale),
    actorLogin: r.actorLogin,
    actorOrgId: r.actorOrgId,
    actorOrgName: r.actorOrgId ? (orgNames.get(r.actorOrgId) ?? null) : null,
    at: r.at.toISOString(),
    comment: r.comment,
    reason: r.reason,
    fields: r.fields,
    attachmentIds: r.attachmentIds,
    workingDaysInState: r.workingDaysInState,
  };
}

export function presentAttachment(a: CaseAttachmentRow): AttachmentViewT {
  return {
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
    materialKind: materialKind(a.materialKind),
  };
}

/** The declared case types, for forms and step bars. */
export function presentCaseTypes(locale: Locale): CaseTypesViewT {
  return {
    items: Object.values(CASE_TYPES).map((t) => ({
      code: t.code,
      name: nameOf(t, locale, t.code),
      initial: t.initial,
      stepBar: [...t.stepBar],
      fieldNames: Object.fromEntries(
        Object.entries(t.fieldNames).map(([k, n]) => [k, nameOf(n, locale, k)]),
      ),
      states: Object.entries(t.states).map(([code, s]) => ({
        code,
        name: nameOf(s, locale, code),
        limitDays: s.limitDays,
        limitSource: s.limitSource ?? null,
        terminal: s.terminal,
      })),
      transitions: t.transitions.map((x) => ({
        id: x.id,
        name: nameOf(x, locale, x.id),
        from: [...x.from],
        to: x.to,
        needsReason: x.needsReason === true,
        fields: x.fields ? Object.keys(x.fields.shape) : [],
      })),
    })),
  };
}
