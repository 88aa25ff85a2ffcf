import { COMMON_PASSWORDS } from './common-passwords.js';

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_login' | 'too_common';

export interface PasswordPolicy {
  minLength: number;
  /** How many of lower, upper, digit and symbol classes a password must mix. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

const ZH_COUNT = ['零', '一', '两', '三', '四'];

/**
 * One problem as a clause of a sentence, with the policy's own figures: zh-CN 「须至少 8 位」,
 * en "must be at least 8 characters long".
 *
 * @example
 * passwordProblemText('too_common', DEFAULT_PASSWORD_POLICY, 'zh-CN') // '不能使用过于常见的密码'
 */
export function passwordProblemText(
  problem: PasswordProblem,
  policy: PasswordPolicy,
  locale: 'zh-CN' | 'en',
): string {
  const n = policy.minClasses;
  if (locale === 'en') {
    return {
      too_short: `must be at least ${policy.minLength} characters long`,
      too_few_classes: `must mix at least ${n} of upper case letters, lower case letters, digits and symbols`,
      contains_login: 'must not contain the login name',
      too_common: 'must not be a commonly used password',
    }[problem];
  }
  return {
    too_short: `须至少 ${policy.minLength} 位`,
    too_few_classes: `须包含大写字母、小写字母、数字、符号中的至少${ZH_COUNT[n] ?? String(n)}类`,
    contains_login: '不能包含登录名（手机号）',
    too_common: '不能使用过于常见的密码',
  }[problem];
}

/**
 * The problems found, as one sentence: clauses joined by 「；」 (en "; ").
 *
 * @example
 * passwordProblemsSentence(['too_few_classes', 'too_common'], DEFAULT_PASSWORD_POLICY, 'zh-CN')
 * // '须包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码'
 */
export function passwordProblemsSentence(
  problems: readonly PasswordProblem[],
  policy: PasswordPolicy,
  locale: 'zh-CN' | 'en',
): string {
  return problems
    .map((p) => passwordProblemText(p, policy, locale))
    .join(locale === 'en' ? '; ' : '；');
}

/**
 * The whole rule as a sentence for a form's hint, built from the policy's figures.
 *
 * @example
 * passwordRuleText(DEFAULT_PASSWORD_POLICY, 'zh-CN')
 * // '密码须至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码'
 */
export function passwordRuleText(policy: PasswordPolicy, locale: 'zh-CN' | 'en'): string {
  const n = policy.minClasses;
  return locale === 'en'
    ? `At least ${policy.minLength} characters, mixing at least ${n} of upper case letters, lower case letters, digits and symbols; not a commonly used password`
    : `密码须至少 ${policy.minLength} 位，并包含大写字母、小写字母、数字、符号中的至少${ZH_COUNT[n] ?? String(n)}类；不能使用过于常见的密码`;
}

/**
 * Lists what is wrong with a password; an empty list means it passes.
 *
 * @example
 * checkPassword('Kuimen#Gate2026', 'wang') // []
 * checkPassword('password', 'wang')      // ['too_few_classes', 'too_common']
 */
export function checkPassword(
  password: string,
  login: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('too_short');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push('too_few_classes');
  const lower = password.toLowerCase();
  if (login.length >= 3 && lower.includes(login.toLowerCase())) problems.push('contains_login');
  const stripped = lower.replace(/[^a-z]/g, '');
  if (COMMON_PASSWORDS.has(lower) || (stripped.length >= 4 && COMMON_PASSWORDS.has(stripped))) {
    problems.push('too_common');
  }
  return problems;
}
