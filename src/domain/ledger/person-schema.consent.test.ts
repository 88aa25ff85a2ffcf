import { describe, expect, it } from 'vitest';
import { ConsentRecord } from './person-schema.js';

function issuesOf(r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (r.success) return 'OK';
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('ConsentRecord', () => {
  const consent = {
    purpose: 'policy_push',
    grantedTo: ' 奉节县人社局 ',
    grantedAt: '2024-03-01T09:30:00+08:00',
  } as const;

  it('accepts a consent and trims whom it was granted to', () => {
    expect(ConsentRecord.parse(consent).grantedTo).toBe('奉节县人社局');
    expect(
      ConsentRecord.parse({ ...consent, withdrawnAt: '2024-05-01T00:00:00Z' }).withdrawnAt,
    ).toBe('2024-05-01T00:00:00Z');
  });

  it('refuses unknown purposes, empty or overlong recipients and bad timestamps', () => {
    expect(ConsentRecord.safeParse({ ...consent, purpose: 'marketing' }).success).toBe(false);
    expect(issuesOf(ConsentRecord.safeParse({ ...consent, grantedTo: '  ' }))).toEqual({
      grantedTo: 'TEXT_REQUIRED',
    });
    expect(issuesOf(ConsentRecord.safeParse({ ...consent, grantedTo: '局'.repeat(101) }))).toEqual({
      grantedTo: 'TEXT_TOO_LONG',
    });
    expect(issuesOf(ConsentRecord.safeParse({ ...consent, grantedAt: '2024-03-01' }))).toEqual({
      grantedAt: 'DATETIME_FORMAT',
    });
  });

  it('refuses a withdrawal before the grant, comparing instants across offsets', () => {
    expect(
      issuesOf(ConsentRecord.safeParse({ ...consent, withdrawnAt: '2024-03-01T01:00:00Z' })),
    ).toEqual({
      withdrawnAt: 'CONSENT_WITHDRAWN_BEFORE_GRANTED',
    });
    expect(
      ConsentRecord.safeParse({ ...consent, withdrawnAt: '2024-03-01T01:30:00Z' }).success,
    ).toBe(true);
  });
});
