import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../domain/errors/codes.js';
import { errorMessage, pickLocale } from '../../domain/errors/messages.js';
import type { App } from './types.js';

interface FieldIssue {
  path: string;
  message: string;
}

function validationIssues(error: FastifyError): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => ({
    path: [error.validationContext, v.instancePath.replace(/^\//, '').replace(/\//g, '.')]
      .filter(Boolean)
      .join('.'),
    message: v.message ?? v.keyword,
  }));
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
  let code: ErrorCode = 'INTERNAL';
  let details: Record<string, unknown> = {};
  if (error instanceof AppError) {
    code = error.code;
    details = error.details;
  } else if (error && typeof error === 'object') {
    const e = error as FastifyError;
    if (hasZodFastifySchemaValidationErrors(e)) {
      code = 'VALIDATION';
      details = { issues: validationIssues(e) };
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
  const locale = pickLocale(acceptLanguage);
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
