import { AppError } from '../../../domain/errors/codes.js';
import type { Locale } from '../../../domain/errors/messages.js';
import {
  checkPassword,
  passwordProblemsSentence,
  passwordProblemText,
} from '../../../domain/auth/password-policy.js';
import type { Executor } from '../db/client.js';
import { readSecuritySettings } from '../../access/security/settings.js';

/** Applies the configured password policy, throwing PASSWORD_POLICY with the reasons. */
export async function assertPasswordPolicy(
  db: Executor,
  password: string,
  login: string,
  locale: Locale,
): Promise<void> {
  const s = await readSecuritySettings(db);
  const policy = { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses };
  const problems = checkPassword(password, login, policy);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', {
      problems,
      policy,
      reasons: problems.map((p) => passwordProblemText(p, policy, locale)),
      reasonText: passwordProblemsSentence(problems, policy, locale),
    });
  }
}
