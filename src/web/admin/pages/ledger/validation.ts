import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api';

/**
 * An antd form rule that checks one field with the domain's update schema (`PersonUpdate`,
 * `EntityUpdate`: every field optional, so one field can be checked alone) — the same code the
 * server runs — and refuses with the text of the ledger issue code it raised. Empty values pass:
 * the `required` rule speaks for those.
 *
 * @example
 * rules={[fieldRule(PersonUpdate, 'idNumber', issueText)]}
 */
export function fieldRule(
  schema: z.ZodType,
  field: string,
  issueText: (code: string) => string,
): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = await schema.safeParseAsync({ version: 1, [field]: value });
      const issue = r.success ? undefined : r.error.issues.find((i) => i.path[0] === field);
      if (issue) throw new Error(issueText(issue.message));
    },
  };
}

/**
 * Puts the issues of a whole-record check (cross-field rules such as sex against the ID number)
 * on the form's fields; returns false when none of them has a field there.
 */
export function showIssues(
  form: FormInstance,
  issues: readonly z.core.$ZodIssue[],
  fields: readonly string[],
  issueText: (code: string) => string,
): boolean {
  const placed = issues
    .map((i) => ({ name: String(i.path[0] ?? ''), errors: [issueText(i.message)] }))
    .filter((f) => fields.includes(f.name));
  form.setFields(placed);
  if (placed[0]) form.scrollToField(placed[0].name);
  return placed.length > 0;
}

/** Where a refusal that names no field belongs, per error code (e.g. PERSON_DUPLICATE → idNumber). */
export type CodeFields = Partial<Record<string, string>>;

/**
 * Puts a refused save's reasons on the form's fields: VALIDATION issues by their path
 * (`body.idNumber` → `idNumber`), errors whose details name a field (`REGION_UNKNOWN`), and
 * codes mapped in `byCode`. Returns true when every reason found a field on the form.
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  byCode: CodeFields = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fields);
  const toField = (path: string) => path.replace(/^body\./, '').split('.')[0] ?? '';
  const found: { name: string; errors: string[] }[] = [];
  if (error.code === 'VALIDATION') {
    for (const issue of error.issues)
      found.push({ name: toField(issue.path), errors: [issue.message] });
  } else {
    const named = typeof error.details.field === 'string' ? toField(error.details.field) : '';
    const name = named || byCode[error.code];
    if (name) found.push({ name, errors: [error.message] });
  }
  const placed = found.filter((f) => known.has(f.name));
  form.setFields(placed);
  if (placed[0]) form.scrollToField(placed[0].name);
  return placed.length > 0 && placed.length === found.length;
}
