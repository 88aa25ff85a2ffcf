import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/codes.js';
import { textProblem } from '../../../domain/text/plain-text.js';
import type { App } from './types.js';

/**
 * The last line against hostile text: after a route's contract has parsed the request, any string
 * left in its body, query or path parameters (values and object keys) that holds a control
 * character or a lone surrogate is refused as a VALIDATION issue naming where it is. Contracts
 * refuse such text field by field with `plainText()` (src/domain/text/plain-text.ts); this guard
 * keeps a field that was missed from reaching PostgreSQL, which cannot store U+0000 and would
 * answer 500. Tabs and line breaks pass here; single-line fields refuse them in their contract.
 */

interface Found {
  path: string;
  code: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The first unsafe string in `value` (depth-first), with its dotted path, or `null`. */
export function findUnsafeText(value: unknown, path: string, depth = 0): Found | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, true);
    return problem === null ? null : { path, code: problem };
  }
  if (depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const keyProblem = textProblem(key, true);
    if (keyProblem !== null) return { path, code: keyProblem };
    const found = findUnsafeText(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Installs the guard on every route (a preHandler: after the contract, before the service). */
export function installTextGuard(app: App): void {
  app.addHook('preHandler', (req: FastifyRequest, _reply: FastifyReply, done) => {
    const found =
      findUnsafeText(req.params, 'params') ??
      findUnsafeText(req.query, 'querystring') ??
      findUnsafeText(req.body, 'body');
    done(found ? new AppError('VALIDATION', { issues: [found] }) : undefined);
  });
}
