/** The loan API's answers as the console reads them (src/server/programme/loans/contract.ts). */
import type {
  ApplicationCreated,
  BanksView,
  ClaimsView,
  ClaimView,
  EligibilityView,
  FundView,
  LoanView,
  SummaryView,
} from '@server/programme/loans/contract.js';
import type { z } from 'zod';

export type Eligibility = z.infer<typeof EligibilityView>;
export type Banks = z.infer<typeof BanksView>;
export type Created = z.infer<typeof ApplicationCreated>;
export type Claim = z.infer<typeof ClaimView>;
export type Claims = z.infer<typeof ClaimsView>;
export type Summary = z.infer<typeof SummaryView>;
export type Fund = z.infer<typeof FundView>;

export type Loan = z.infer<typeof LoanView>;
