import type { MaterialKind } from '../../../../domain/loans/materials';
/** The case API's answers as the console reads them (src/server/programme/cases/contract.ts). */

export type DeadlineStatus = 'none' | 'ok' | 'near' | 'overdue';

export interface CaseSummary {
  id: string;
  type: string;
  typeName: string;
  state: string;
  stateName: string;
  terminal: boolean;
  regionCode: string;
  subjectPersonName: string | null;
  subjectEntityName: string | null;
  stateEnteredAt: string;
  dueAt: string | null;
  deadlineStatus: DeadlineStatus;
  workingDaysLeft: number | null;
  version: number;
}

export interface CaseQueuePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

export interface CaseTransition {
  id: string;
  version: number;
  transition: string;
  transitionName: string;
  fromState: string | null;
  fromStateName: string | null;
  toState: string;
  toStateName: string;
  actorLogin: string;
  actorOrgName: string | null;
  at: string;
  comment: string | null;
  reason: string | null;
  fields: Record<string, unknown>;
  workingDaysInState: number | null;
}

export interface OfferedTransition {
  id: string;
  name: string;
  to: string;
  needsReason: boolean;
  fields: string[];
}

export interface CaseDetail extends CaseSummary {
  data: Record<string, unknown>;
  createdAt: string;
  history: CaseTransition[];
  attachments: {
    id: string;
    name: string;
    contentType: string;
    size: number;
    uploadedAt: string;
    materialKind: MaterialKind;
  }[];
  allowedTransitions: OfferedTransition[];
}

export interface CaseTypes {
  items: {
    code: string;
    name: string;
    initial: string;
    stepBar: string[];
    fieldNames: Record<string, string>;
    states: {
      code: string;
      name: string;
      limitDays: number | null;
      limitSource: string | null;
      terminal: boolean;
    }[];
    transitions: { id: string; from: string[]; to: string }[];
  }[];
}
