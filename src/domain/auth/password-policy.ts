import { COMMON_PASSWORDS } from './common-passwords.js';

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'contains_login' | 'too_common';

export interface PasswordPolicy {
  minLength: number;
  /** How many of lower, upper, digit and symbol classes a password must mix. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

/** zh-CN wording for each problem, used inside the PASSWORD_POLICY message. */
export const PASSWORD_PROBLEM_ZH: Record<PasswordProblem, string> = {
  too_short: '长度不足',
  too_few_classes: '须混合大写字母、小写字母、数字、符号中的至少三类',
  contains_login: '不能包含登录名',
  too_common: '过于常见',
};

export const PASSWORD_PROBLEM_EN: Record<PasswordProblem, string> = {
  too_short: 'too short',
  too_few_classes: 'must mix at least three of upper case, lower case, digits and symbols',
  contains_login: 'must not contain the login name',
  too_common: 'too common',
};

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
