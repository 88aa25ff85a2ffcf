import { AppError } from '../../domain/errors/codes.js';
import type { Locale } from '../../domain/errors/messages.js';
import {
  checkPassword,
  PASSWORD_PROBLEM_EN,
  PASSWORD_PROBLEM_ZH,
} from '../../domain/auth/password-policy.js';
import type { Executor } from '../db/client.js';
import { readSecuritySettings } from '../security/settings.js';

/** Applies the configured password policy, throwing PASSWORD_POLICY with the reasons. */
export async function assertPasswordPolicy(
  db: Executor,
  password: string,
  login: string,
  locale: Locale,
): Promise<void> {
  const s = await readSecuritySettings(db);
  const problems = checkPassword(password, login, {
    minLength: s.passwordMinLength,
    minClasses: s.passwordMinClasses,
  });
  if (problems.length > 0) {
    const words = locale === 'en' ? PASSWORD_PROBLEM_EN : PASSWORD_PROBLEM_ZH;
    throw new AppError('PASSWORD_POLICY', { problems, reasons: problems.map((p) => words[p]) });
  }
}
