import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  actorRoles: string;
  ip: string;
  action: string;
  objectType: string;
  objectId: string;
  result: string;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth, so jsonb's own key order cannot change a hash.
 * Like JSON.stringify, `undefined` in an array is written as null (what jsonb stores).
 */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A record's hash over its fields and its predecessor's hash: HMAC-SHA-256 under the audit
 * chain key, or — for records written before the chain was keyed (`key` null, seq below the
 * head's `keyed_from`) — the plain SHA-256 of the same text.
 *
 * @example
 * auditHash({ seq: 1, at: new Date(0), ..., prevHash: GENESIS_HASH }, auditKeys.chain) // 64 hex characters
 */
export function auditHash(f: ChainedFields, key: Buffer | null): string {
  const canonical = stableStringify([
    f.seq,
    f.at.toISOString(),
    f.actorId,
    f.actorLogin,
    f.actorRoles,
    f.ip,
    f.action,
    f.objectType,
    f.objectId,
    f.result,
    f.details,
    f.prevHash,
  ]);
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(canonical).digest('hex');
}
