import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../domain/errors/codes.js';
import { errorMessage, type Locale, pickLocale } from '../../domain/errors/messages.js';
import { type ZodIssueLike, zodIssueMessage } from '../../domain/errors/zod-messages.js';
import { isLedgerIssueCode, ledgerIssueMessage } from '../../domain/ledger/ledger-issues.js';
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

/** Turns any thrown value into `{ code, message, details }` with a status, in one place. */
export function toErrorResponse(
  error: unknown,
  acceptLanguage: string | undefined,
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
    } else if (
      e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      code = 'BAD_REQUEST';
    } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      code =
        e.statusCode === 404 ? 'NOT_FOUND' : e.statusCode === 413 ? 'BAD_REQUEST' : 'BAD_REQUEST';
    }
  }
  return {
    status: ERROR_STATUS[code],
    code,
    body: { code, message: errorMessage(code, locale, details), details },
  };
}

/** Installs the error and not-found handlers: no stack trace ever reaches a client. */
export function installErrorHandling(app: App): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, code, body } = toErrorResponse(error, request.headers['accept-language']);
    request.ctx.audited = false;
    request.ctx.errorCode = code;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, code, body } = toErrorResponse(
      new AppError('NOT_FOUND'),
      request.headers['accept-language'],
    );
    request.ctx.errorCode = code;
    return reply.status(status).send(body);
  });
}
