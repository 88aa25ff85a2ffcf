import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../../domain/errors/codes.js';
import { errorMessage, type Locale, pickLocale } from '../../../domain/errors/messages.js';
import { type ZodIssueLike, zodIssueMessage } from '../../../domain/errors/zod-messages.js';
import { isLedgerIssueCode, ledgerIssueMessage } from '../../../domain/ledger/ledger-issues.js';
import { applySecurityHeaders } from './security-headers.js';
import type { App } from './types.js';

interface FieldIssue {
  path: string;
  /** A ledger issue code (e.g. `ID_NUMBER_CHECKSUM`) or zod's own issue code. */
  code: string;
  message: string;
}

/**
 * One issue as clients see it: the code the schema or service raised, and its zh-CN / en text from
 * the ledger issue catalog, else a sentence made from zod's issue (never zod's own wording).
 */
function fieldIssue(path: string, issue: ZodIssueLike, locale: Locale): FieldIssue {
  const { code } = issue;
  return isLedgerIssueCode(code)
    ? { path, code, message: ledgerIssueMessage(code, locale) }
    : { path, code, message: zodIssueMessage(issue, locale) };
}

function validationIssues(error: FastifyError, locale: Locale): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const path = [error.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.')]
      .filter(Boolean)
      .join('.');
    const message = v.message ?? v.keyword;
    const code = isLedgerIssueCode(message) ? message : v.keyword;
    return fieldIssue(path, { ...v.params, code }, locale);
  });
}

/** Issues a service raised (`{ path, code }` or the older `{ path, message }`), shaped the same way. */
function serviceIssues(details: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  if (!Array.isArray(details.issues)) return details;
  const issues = (details.issues as { path?: unknown; code?: unknown; message?: unknown }[]).map(
    (i) => {
      const path = typeof i.path === 'string' ? i.path : '';
      const raised =
        typeof i.code === 'string' ? i.code : typeof i.message === 'string' ? i.message : '';
      if (isLedgerIssueCode(raised)) return fieldIssue(path, { code: raised }, locale);
      const message = typeof i.message === 'string' ? i.message : raised;
      return { path, code: raised, message };
    },
  );
  return { ...details, issues };
}

/** The largest request body the API accepts (Fastify's bodyLimit), in bytes. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Fastify's own client errors (body, media type, JSON, URL) as coded errors. */
function clientErrorCode(
  e: FastifyError,
  contentType: string,
): { code: ErrorCode; details: Record<string, unknown> } {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'BODY_TOO_LARGE', details: { limit: `${BODY_LIMIT_BYTES / 1024 / 1024} MB` } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', details: { contentType: mediaType(contentType) } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'JSON_INVALID', details: {} };
    case 'FST_ERR_BAD_URL':
      return { code: 'URL_INVALID', details: {} };
  }
  if (e.statusCode === 404) return { code: 'NOT_FOUND', details: {} };
  if (e.statusCode === 413)
    return { code: 'BODY_TOO_LARGE', details: { limit: `${BODY_LIMIT_BYTES / 1024 / 1024} MB` } };
  if (e.statusCode === 415)
    return { code: 'UNSUPPORTED_MEDIA_TYPE', details: { contentType: mediaType(contentType) } };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return { code: 'BAD_REQUEST', details: {} };
  return { code: 'INTERNAL', details: {} };
}

/** PostgreSQL SQLSTATEs and Node socket errors of a database that went away (restart, crash). */
const DB_GONE = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
]);

/**
 * A database failure the client should hear about by name rather than as INTERNAL: the disk is
 * full (SQLSTATE 53100 or ENOSPC), or the database cannot be reached. Looks through the causes
 * (drizzle wraps the driver's error).
 */
export function databaseErrorCode(error: unknown): ErrorCode | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    const text = typeof message === 'string' ? message : '';
    if (code === '53100' || code === 'ENOSPC' || text.includes('No space left on device'))
      return 'STORAGE_FULL';
    if (
      (typeof code === 'string' && DB_GONE.has(code)) ||
      /^Connection terminated|is not queryable/.test(text)
    )
      return 'DATABASE_UNAVAILABLE';
    e = cause;
  }
  return null;
}

/** The media type of a Content-Type header, without parameters, cut short for the message. */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().slice(0, 100);
}

/** Turns any thrown value into `{ code, message, details }` with a status, in one place. */
export function toErrorResponse(
  error: unknown,
  acceptLanguage: string | undefined,
  contentType?: string,
): {
  status: number;
  code: ErrorCode;
  body: { code: string; message: string; details: Record<string, unknown> };
} {
  const locale = pickLocale(acceptLanguage);
  let code: ErrorCode = 'INTERNAL';
  let details: Record<string, unknown> = {};
  if (error instanceof AppError) {
    code = error.code;
    details = code === 'VALIDATION' ? serviceIssues(error.details, locale) : error.details;
  } else if (error && typeof error === 'object') {
    const e = error as FastifyError;
    if (hasZodFastifySchemaValidationErrors(e)) {
      code = 'VALIDATION';
      details = { issues: validationIssues(e, locale) };
    } else if (e.statusCode === 429) {
      code = 'RATE_LIMITED';
    } else if (databaseErrorCode(e)) {
      code = databaseErrorCode(e)!;
    } else {
      ({ code, details } = clientErrorCode(e, contentType ?? ''));
    }
  }
  return {
    status: ERROR_STATUS[code],
    code,
    body: { code, message: errorMessage(code, locale, details), details },
  };
}

/**
 * Fastify's `frameworkErrors`: errors its router raises before any route or hook (a malformed
 * percent-escape in the path), answered with the same coded body.
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const { status, body } = toErrorResponse(error, request.headers['accept-language']);
  // No hook runs for these requests: the security headers are set here.
  applySecurityHeaders(request, reply);
  void reply.status(status).send(body);
}

/** Installs the error and not-found handlers: no stack trace ever reaches a client. */
export function installErrorHandling(app: App): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, code, body } = toErrorResponse(
      error,
      request.headers['accept-language'],
      request.headers['content-type'],
    );
    // Errors raised before the hooks ran (a malformed URL) have no request context.
    if (request.ctx) {
      request.ctx.audited = false;
      request.ctx.errorCode = code;
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, code, body } = toErrorResponse(
      new AppError('NOT_FOUND'),
      request.headers['accept-language'],
    );
    if (request.ctx) request.ctx.errorCode = code;
    return reply.status(status).send(body);
  });
}
