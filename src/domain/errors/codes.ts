/**
 * Every error the platform can report, by stable code. Services throw {@link AppError} with one of
 * these; the HTTP edge maps each to a status and a zh-CN / en message exactly once.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LOGIN_FAILED: 401,
  TOTP_INVALID: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_REQUIRED: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  REGION_NOT_FOUND: 404,
  CONFLICT: 409,
  LOGIN_TAKEN: 409,
  ROLE_TAKEN: 409,
  VERSION_CONFLICT: 409,
  PASSWORD_POLICY: 422,
  PASSWORD_WRONG: 422,
  SEPARATION_OF_DUTIES: 422,
  GRANT_EXCEEDS_OWN: 403,
  SCOPE_OUTSIDE_OWN: 403,
  ROLE_UNKNOWN: 422,
  SCOPE_INVALID: 422,
  ORG_TYPE_INVALID: 422,
  ORG_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  INTERNAL: 500,
  LOGIN_UNKNOWN: 404,
  BACKUP_INVALID: 422,
  BACKUP_KEY_MISMATCH: 422,
  BACKUP_VERSION_NEWER: 422,
  BACKUP_CHECKSUM_MISMATCH: 422,
  RESTORE_TARGET_NOT_EMPTY: 409,
  RESTORE_TARGET_NEWER: 409,
  IMPORT_FILE_EMPTY: 400,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_FILE_UNREADABLE: 422,
  IMPORT_HEADER_MISSING: 422,
  IMPORT_VALUE_UNKNOWN: 422,
  IMPORT_VALUE_INVALID: 422,
  IMPORT_NUMBER_FORMAT: 422,
  IMPORT_NUMBER_MANGLED: 422,
  IMPORT_BOOLEAN_FORMAT: 422,
  IMPORT_DUPLICATE_ROW: 422,
  IMPORT_REGION_OUTSIDE_SCOPE: 403,
  IMPORT_RECORD_OUTSIDE_SCOPE: 403,
  IMPORT_FOUNDER_NOT_FOUND: 422,
  PERSON_DUPLICATE: 409,
  ENTITY_DUPLICATE: 409,
  RECORD_MERGED: 404,
  MERGE_SELF: 422,
  PERSON_STATUS_TRANSITION: 422,
  LINKED_PERSON_NOT_FOUND: 422,
  PARK_INVALID: 422,
  PERSONAL_NUMBER_IN_TEXT: 422,
  TARGET_NOT_FOUND: 404,
  TARGET_SPLIT_EXCEEDS: 422,
  TARGET_BELOW_CHILDREN: 422,
  TARGET_CHILD_INVALID: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * A business error with a stable code. Business code throws these, never HTTP exceptions.
 *
 * @example
 * throw new AppError('ACCOUNT_LOCKED', { until: '2026-11-21T09:30:00.000Z' });
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** True when `e` is an {@link AppError}, optionally of the given code. */
export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
