import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import type { ErrorCode } from '../../../domain/errors/codes.js';
import { errorMessage, pickLocale } from '../../../domain/errors/messages.js';

/** The Accept-Language of a request Node could not parse, read from the bytes it received. */
function acceptLanguage(raw: unknown): string | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  const text = raw.subarray(0, 64 * 1024).toString('latin1');
  return /\r\naccept-language:[ \t]*([^\r\n]{0,200})/i.exec(text)?.[1];
}

/**
 * Answers the errors Node raises before Fastify sees a request — above all a URL or headers over
 * Node's header limit (431) — with the API's coded JSON body, zh-CN unless the request asked for
 * English, instead of Fastify's English default.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (
  err: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
) => {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let code: ErrorCode = 'BAD_REQUEST';
  let details: Record<string, unknown> = {};
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    code = 'REQUEST_TIMEOUT';
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    code = 'HEADERS_TOO_LARGE';
    details = { limit: `${maxHeaderSize / 1024} KB` };
  }
  const locale = pickLocale(acceptLanguage(err.rawPacket));
  const body = JSON.stringify({ code, message: errorMessage(code, locale, details), details });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
};
