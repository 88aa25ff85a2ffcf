import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  passwordProblemsSentence,
  passwordRuleText,
} from './password-policy.js';

describe('password policy', () => {
  it('accepts a long password mixing classes', () => {
    expect(checkPassword('Kuimen#Gate2026', 'wang')).toEqual([]);
    expect(checkPassword('返乡创业Ab1!', 'wang')).toEqual([]);
  });
  it('refuses short passwords', () => {
    expect(checkPassword('Ab1!x', 'wang')).toContain('too_short');
  });
  it('refuses passwords with fewer than three character classes', () => {
    expect(checkPassword('abcdefghijk', 'wang')).toContain('too_few_classes');
    expect(checkPassword('abcdefgh123', 'wang')).toContain('too_few_classes');
  });
  it('refuses a password containing the login name', () => {
    expect(checkPassword('Zhangsan#2026', 'zhangsan')).toContain('contains_login');
  });
  it('refuses common passwords, ignoring case and digits around them', () => {
    expect(checkPassword('P@ssw0rd', 'x')).toContain('too_common');
    expect(checkPassword('Woaini1314!', 'x')).toContain('too_common');
  });

  it('says the rule and the problems as sentences with the policy’s figures', () => {
    expect(passwordRuleText(DEFAULT_PASSWORD_POLICY, 'zh-CN')).toBe(
      '密码须至少 8 位，并包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码',
    );
    expect(passwordRuleText({ minLength: 12, minClasses: 4 }, 'zh-CN')).toBe(
      '密码须至少 12 位，并包含大写字母、小写字母、数字、符号中的至少四类；不能使用过于常见的密码',
    );
    expect(
      passwordProblemsSentence(checkPassword('password', 'wang'), DEFAULT_PASSWORD_POLICY, 'zh-CN'),
    ).toBe('须包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码');
    expect(passwordProblemsSentence(['too_short'], { minLength: 10, minClasses: 3 }, 'en')).toBe(
      'must be at least 10 characters long',
    );
  });
});
