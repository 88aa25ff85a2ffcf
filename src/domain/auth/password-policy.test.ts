import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

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
});
