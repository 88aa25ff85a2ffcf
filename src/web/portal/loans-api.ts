import type { MaterialKind } from '../../domain/loans/materials';
import { ApiError, currentCsrf } from './api';
import { LOCALE, T } from './catalog';

/** The portal's loan answers (src/server/programme/loans/contract.ts), as the pages use them. */

export interface LoanCondition {
  code: string;
  met: boolean | null;
  zh: string;
  en: string;
}

export interface LoanEligibility {
  eligible: boolean;
  refused: boolean;
  conditions: LoanCondition[];
  counterGuarantee: { required: boolean | null; zh: string; en: string };
  greenChannel: boolean;
}

export interface PortalLoan {
  caseId: string;
  amountFen: number;
  termMonths: number;
  purpose: string;
  state: string;
  stateName: string;
  terminal: boolean;
  currentStep: string;
  dueAt: string | null;
  deadlineStatus: 'none' | 'ok' | 'near' | 'overdue';
  createdAt: string;
  bankName: string | null;
  nextAction: string;
  history: { at: string; stateName: string; transitionName: string; reason: string | null }[];
}

export interface Installment {
  index: number;
  dueDate: string;
  principalFen: number;
  borrowerFen: number;
  subsidyFen: number;
}

export interface PortalLoanDetail extends PortalLoan {
  kind: 'individual' | 'partnership' | 'enterprise';
  collateral: string;
  steps: { state: string; name: string; status: 'done' | 'current' | 'todo'; at: string | null }[];
  missing: string[];
  acceptsMaterials: boolean;
  attachments: {
    id: string;
    name: string;
    size: number;
    uploadedAt: string;
    materialKind: MaterialKind;
  }[];
  schedule: {
    principalFen: number;
    annualRateBp: number;
    subsidyBp: number;
    startDate: string;
    maturityOn: string;
    installments: Installment[];
  } | null;
}

interface Figure {
  value: number;
  source: string;
  illustrative: boolean;
}

export interface LoanProduct {
  capIndividualFen: Figure | null;
  capEnterpriseFen: Figure | null;
  partnershipUpliftBp: Figure | null;
  termIndividualMonths: Figure | null;
  termEnterpriseMonths: Figure | null;
  lprBp: Figure | null;
  borrowerBelowLprBp: Figure | null;
  eligibleGroups: { code: string; name: string }[];
  canApply: boolean;
  kinds: ('individual' | 'partnership' | 'enterprise')[];
  enterpriseName: string | null;
}

export interface BankOption {
  id: string;
  name: string;
}

/**
 * Sends a file as the raw body of `url` with upload progress (XMLHttpRequest: fetch cannot report
 * it); errors are the portal's {@link ApiError} with the server's zh-CN message.
 */
export function uploadWithProgress(
  url: string,
  file: Blob,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', LOCALE);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const csrf = currentCsrf();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.floor((e.loaded * 100) / e.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = {};
      }
      reject(
        new ApiError(
          xhr.status,
          typeof body.code === 'string' ? body.code : 'INTERNAL',
          typeof body.message === 'string' ? body.message : T.networkError,
          (body.details as Record<string, unknown> | undefined) ?? {},
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', T.networkError, {}));
    xhr.send(file);
  });
}
