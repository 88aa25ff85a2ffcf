import { MATERIAL_KINDS } from '../../../domain/loans/materials.js';
import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import {
  ApplicationFields,
  BorrowerKindField,
  Fen,
  InstallmentView,
  PortalLoanItem,
} from '../../programme/loans/contract.js';
import { COLLATERAL_CODES } from '../../../domain/loans/groups.js';

/**
 * Contracts of the portal's guarantee-loan routes (创业担保贷款, the entrepreneur's own files):
 *
 * - `GET  /api/portal/loans/product`                 the product in force at my region, explained
 * - `GET  /api/portal/loans/banks`                   lending banks of my region (county and above)
 * - `POST /api/portal/loans/eligibility`             pre-check of my own person / enterprise
 * - `POST /api/portal/loans`                         apply (files the case; actor: my account)
 * - `GET  /api/portal/loans`                         my applications
 * - `GET  /api/portal/loans/:caseId`                 one of my files (someone else's: 404)
 * - `POST /api/portal/loans/:caseId/attachments?name=&kind=`  material to my own open file
 *
 * The borrower is always the account's verified person (individual, partnership) or the
 * enterprise the account keeps and represents (法定代表人): no person or entity id is chosen.
 */

/** The application as the portal sends it: the console's fields, minus who the applicant is. */
export const PortalApplyBody = ApplicationFields.extend({
  comment: plainText({ max: 500, multiline: true }).optional(),
});

/** The pre-check's body: what the form holds before the declarations. */
export const PortalEligibilityBody = z.object({
  kind: BorrowerKindField,
  members: z.number().int().min(2).max(10).optional(),
  amountFen: Fen,
  termMonths: z.number().int().min(1).max(60),
  collateral: z.enum(COLLATERAL_CODES).default('credit'),
});

const Figure = z
  .object({
    value: z.number().int(),
    /** The issuing document of the value. */
    source: z.string(),
    validFrom: z.string(),
    illustrative: z.boolean(),
  })
  .nullable();

export const PortalProductView = z.object({
  regionCode: z.string(),
  date: z.string(),
  capIndividualFen: Figure,
  capEnterpriseFen: Figure,
  partnershipUpliftBp: Figure,
  termIndividualMonths: Figure,
  termEnterpriseMonths: Figure,
  lprBp: Figure,
  borrowerBelowLprBp: Figure,
  eligibleGroups: z.array(z.object({ code: z.string(), name: z.string() })),
  individualCounterGuarantee: z.boolean().nullable(),
  /** Whether the account can apply now (a verified person), and as which borrower kinds. */
  canApply: z.boolean(),
  kinds: z.array(BorrowerKindField),
  enterpriseName: z.string().nullable(),
});

export const PortalLoanParams = z.object({ caseId: z.uuid() });

export const PortalAttachmentView = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  materialKind: z.enum(MATERIAL_KINDS),
});

/** One of my applications in 我的申请. */
export const PortalLoanListItem = PortalLoanItem.extend({
  bankName: z.string().nullable(),
  /** What happens next, for the applicant (zh-CN or en). */
  nextAction: z.string(),
});
export const PortalLoanList = z.object({ items: z.array(PortalLoanListItem) });

export const PortalLoanDetail = PortalLoanListItem.extend({
  kind: BorrowerKindField,
  collateral: z.string(),
  /** The step bar: each step's name, whether reached, and when it was entered. */
  steps: z.array(
    z.object({
      state: z.string(),
      name: z.string(),
      status: z.enum(['done', 'current', 'todo']),
      at: z.string().nullable(),
    }),
  ),
  /** What the applicant may still do or bring, in zh-CN (or en). */
  missing: z.array(z.string()),
  acceptsMaterials: z.boolean(),
  attachments: z.array(PortalAttachmentView),
  schedule: z
    .object({
      principalFen: z.number().int(),
      annualRateBp: z.number().int(),
      subsidyBp: z.number().int(),
      startDate: z.string(),
      maturityOn: z.string(),
      installments: z.array(InstallmentView),
    })
    .nullable(),
});

export type PortalApplyBodyT = z.infer<typeof PortalApplyBody>;
export type PortalEligibilityBodyT = z.infer<typeof PortalEligibilityBody>;
export type PortalProductViewT = z.infer<typeof PortalProductView>;
export type PortalLoanListItemT = z.infer<typeof PortalLoanListItem>;
export type PortalLoanDetailT = z.infer<typeof PortalLoanDetail>;
export type PortalAttachmentViewT = z.infer<typeof PortalAttachmentView>;
