import { describe, expect, it } from 'vitest';
import { normalisedPath } from './api-path.js';

describe('normalisedPath', () => {
  it('reads every spelling of an API path as the router does', () => {
    for (const raw of [
      '/api/auth/login',
      '/%61pi/auth/login',
      '/%61%70%69/auth/login?x=1',
      '//api/auth/login',
      '/api//auth//login',
      '/x/../api/auth/login',
      '/%2e%2e/api/auth/login',
    ]) {
      expect(normalisedPath(raw), raw).toBe('/api/auth/login');
    }
  });

  it('leaves an undecodable escape as written', () => {
    expect(normalisedPath('/api/%E0%A4%A')).toBe('/api/%E0%A4%A');
  });
});
