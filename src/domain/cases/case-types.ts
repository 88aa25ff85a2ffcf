import type { CaseType } from './case-type.js';
import { GUARANTEE_LOAN } from './guarantee-loan.js';

/** Every case type this build knows, by code. Later modules add theirs here. */
export const CASE_TYPES: Readonly<Record<string, CaseType>> = {
  [GUARANTEE_LOAN.code]: GUARANTEE_LOAN,
};

/** Case type codes, for contracts. */
export const CASE_TYPE_CODES = Object.keys(CASE_TYPES) as [string, ...string[]];

/** The case type of a code, or undefined. */
export function caseType(code: string): CaseType | undefined {
  return Object.hasOwn(CASE_TYPES, code) ? CASE_TYPES[code] : undefined;
}
