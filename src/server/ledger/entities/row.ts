import { deriveEntityFlags, type EntityCreateT } from '../../../domain/ledger/entity-schema.js';
import { entitySearchTokens } from '../../../domain/text/name-tokens.js';
import type { entities } from './table.js';

export type EntityInsert = typeof entities.$inferInsert;

/** Amounts go to numeric columns as strings so no binary rounding creeps in. */
function wan(v: number | null | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/**
 * Turns a validated create body into the row to insert (links are written separately): the
 * 规上 flag derived, the credit-code warning kept, search tokens built. Shared by the API and
 * the importer.
 */
export function entityRow(
  input: EntityCreateT,
  meta: { actorId: string | null; now: Date },
): EntityInsert {
  return {
    name: input.name,
    creditCode: input.creditCode,
    creditCodeChecksumValid: input.creditCodeWarning === undefined,
    pilotCode: input.pilotCode ?? false,
    pilotCodeReason: input.pilotCode ? (input.pilotCodeReason ?? null) : null,
    type: input.type,
    isWorkshop: input.isWorkshop,
    industryCode: input.industryCode,
    regionCode: input.regionCode,
    parkOrgId: input.parkOrgId ?? null,
    parkUnit: input.parkUnit ?? null,
    foundedOn: input.foundedOn,
    registeredCapitalWan: wan(input.registeredCapitalWan),
    employees: input.employees,
    jobsCreated: input.jobsCreated,
    jobsPoverty: input.jobsPoverty,
    annualRevenueWan: wan(input.annualRevenueWan),
    aboveScale: deriveEntityFlags(input).aboveScale,
    isEcommerce: input.isEcommerce,
    products: input.products,
    searchTokens: entitySearchTokens(input),
    createdAt: meta.now,
    updatedAt: meta.now,
    createdBy: meta.actorId,
    updatedBy: meta.actorId,
  };
}
