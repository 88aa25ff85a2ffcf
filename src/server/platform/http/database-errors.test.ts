import { describe, expect, it } from 'vitest';
import { databaseErrorCode, toErrorResponse } from './errors.js';

/** Database failures are answered by name (503 / 507 with a zh-CN message), not as INTERNAL. */
describe('database failures as coded errors', () => {
  const wrapped = (cause: object) => Object.assign(new Error('Failed query: insert …'), { cause });

  it('names a full disk STORAGE_FULL (507), through drizzle’s wrapper', () => {
    expect(databaseErrorCode(wrapped({ code: '53100', message: 'could not extend file' }))).toBe(
      'STORAGE_FULL',
    );
    expect(databaseErrorCode(wrapped(new Error('write: No space left on device')))).toBe(
      'STORAGE_FULL',
    );
    const res = toErrorResponse(wrapped({ code: 'ENOSPC' }), undefined);
    expect(res.status).toBe(507);
    expect(res.body.message).toContain('存储空间已满');
  });

  it('names a database that went away DATABASE_UNAVAILABLE (503)', () => {
    for (const cause of [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '57P03', message: 'the database system is starting up' },
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
    ]) {
      expect(databaseErrorCode(wrapped(cause))).toBe('DATABASE_UNAVAILABLE');
    }
    const res = toErrorResponse(wrapped({ code: '57P01' }), 'en');
    expect(res.status).toBe(503);
    expect(res.body.message).toContain('database cannot be reached');
  });

  it('leaves other failures INTERNAL', () => {
    expect(databaseErrorCode(wrapped({ code: '23505' }))).toBeNull();
    expect(toErrorResponse(new Error('boom'), undefined).code).toBe('INTERNAL');
  });
});
